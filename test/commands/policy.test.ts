import { describe, expect, test } from 'vitest';
import { query } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

describe('crm policy', () => {
  const dir = useTempDir();

  test('show the defaults; the GM changes a setting; the change is in the history', async () => {
    const db = await seededDb(dir());
    expect(json(await crm(db, ['policy', 'show', '--json']))).toMatchObject({ weights: { size: 25 }, grades: { a: 85, b: 60 }, receivable_aging_days: 90 });
    const r = await crm(db, ['policy', 'set', 'weights', 'size=40,credit=30,volume=20,influence=10'], { login: 'zhaomin' });
    expect(r.code).toBe(0);
    expect(json(await crm(db, ['policy', 'show', '--json']))).toMatchObject({ weights: { size: 40, credit: 30, volume: 20, influence: 10 } });
    expect(query(db, "SELECT field, old_value, new_value, command FROM history WHERE entity = 'policy'")).toEqual([
      { field: 'weights', old_value: 'size=25,credit=25,volume=25,influence=25', new_value: 'size=40,credit=30,volume=20,influence=10', command: 'policy set' },
    ]);
    expect((await crm(db, ['policy', 'set', 'weights', 'size=40,credit=30,volume=20,influence=10'], { login: 'zhaomin' })).stdout).toMatch(/nothing changed/);
  });

  test.each([
    [['policy', 'set', 'weights', 'size=50,credit=50,volume=50,influence=50'], 'admin', 2, /must sum to 100/],
    [['policy', 'set', 'colour', 'red'], 'admin', 2, /no setting "colour"/],
    [['policy', 'set', 'stale_days', '0'], 'admin', 2, /^error: bad value for stale_days: a whole number of days from 1 to 3650\. See crm policy show/],
    // The reason in the user's language too, not only the frame around it.
    [['policy', 'set', 'weights', 'size=50,credit=50', '--lang', 'zh'], 'admin', 2, /^错误：设置 weights 的值无效：缺少 volume, influence（须逐一给出 size, credit, volume, influence）。/],
    [['policy', 'set', 'stale_days', '1.5', '--lang', 'zh'], 'admin', 2, /^错误：设置 stale_days 的值无效：天数须为 1 到 3650 的整数。/],
    [['policy', 'set', 'receivable_aging_days', '60'], 'zhangwei', 3, /only the admin or the general manager/],
    [['policy', 'set', 'receivable_aging_days', '60'], 'wangfang', 3, /only the admin or the general manager/],
  ])('refuses %j as %s (exit %i), nothing changes', async (argv, login, code, message) => {
    const db = await seededDb(dir());
    const before = (await crm(db, ['policy', 'show', '--json'])).stdout;
    const r = await crm(db, argv, { login });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect((await crm(db, ['policy', 'show', '--json'])).stdout).toBe(before);
  });
});
