// Every listing command shows what it found the same way (src/commands/rows-view.ts): a table,
// one JSON array, or — when nothing was found — one line on stderr and nothing on stdout.
import { beforeEach, describe, expect, test } from 'vitest';
import { crm, crmOk, json, seededDb, useTempDir } from '../support/run.js';

describe('listing commands', () => {
  const dir = useTempDir();
  let db = '';
  beforeEach(async () => {
    db = await seededDb(dir());
    await crmOk(db, ['add', '--name', '深圳华强电子有限公司', '--owner', 'zhangwei']);
  });

  const empty: [string[], RegExp, RegExp][] = [
    [['visit', 'list'], /^No visits match\.$/, /^没有符合条件的拜访记录。$/],
    [['complaint', 'list'], /^No complaints\.$/, /^没有投诉。$/],
    [['deal', 'list'], /^No deals\.$/, /^没有交易记录。$/],
    [['access', 'list'], /^No requests\.$/, /^没有申请。$/],
    [['log', '--denied'], /^Nothing in the access log\.$/, /^没有查阅记录。$/],
  ];

  test.each(empty)('%j with nothing to list: stdout empty, one line on stderr in the language asked for, exit 0', async (argv, en, zh) => {
    const r = await crm(db, argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(en);
    const z = await crm(db, ['--lang', 'zh', ...argv]);
    expect(z.stdout).toBe('');
    expect(z.stderr.trim()).toMatch(zh);
    expect(json(await crm(db, [...argv, '--json']))).toEqual([]);
  });

  test('a listing with rows: the table on stdout, and the same rows as JSON', async () => {
    const table = await crm(db, ['history', 'C000001']);
    expect(table.stderr).toBe('');
    expect(table.stdout).toMatch(/深圳华强电子有限公司/);
    const rows = json<{ command: string; entity: string; field: string }[]>(await crm(db, ['history', 'C000001', '--json']));
    expect(rows).toEqual([expect.objectContaining({ command: 'add', entity: 'customer', field: '*' })]);
    const staff = json<{ login: string }[]>(await crm(db, ['staff', 'list', '--json']));
    expect(staff.map((s) => s.login)).toEqual(expect.arrayContaining(['admin', 'zhangwei', 'guest']));
    expect((await crm(db, ['staff', 'list'])).stdout).toMatch(/zhangwei/);
  });
});
