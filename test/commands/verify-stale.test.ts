// crm verify, crm unverified, crm stale, and staleness where a user looks for it: show (files and
// fields), the owner's agenda, the policy setting.
import { beforeEach, describe, expect, test } from 'vitest';
import { query, snapshot } from '../support/db.js';
import { crm, FIXED_NOW, json, seededDb, useTempDir } from '../support/run.js';

const dir = useTempDir();
let db = '';

/** A day long before FIXED_NOW (2026-11-23): files entered then are stale by the 180-day default. */
const JANUARY = new Date('2026-01-05T10:00:00+08:00');
const MARCH = new Date('2026-03-10T10:00:00+08:00');

async function must(argv: string[], o: Parameters<typeof crm>[2] = {}): Promise<string> {
  const r = await crm(db, argv, o);
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: exit ${r.code}: ${r.stderr}`);
  return r.stdout;
}

interface Show {
  verified: boolean;
  verified_at: string | null;
  stale: boolean;
  stale_fields: string[];
  phone: string;
}

beforeEach(async () => {
  db = await seededDb(dir());
  await must(['add', '--name', '深圳市华强电子有限公司', '--owner', 'zhangwei', '--region', '华南', '--phone', '0755-83765432', '--source', 'trade-show', '--source-detail', '2025 深圳电子展'], { now: JANUARY });
  await must(['add', '--name', '上海中兴贸易有限公司', '--owner', 'lina', '--region', '华东', '--source', 'media', '--source-detail', '黄页'], { now: MARCH });
  await must(['add', '--name', '广州白云机械厂', '--owner', 'zhangwei', '--region', '华南', '--source', 'visit']);
});

describe('crm verify', () => {
  test('the fields confirmed are named as the card names them, in Chinese under --lang zh', async () => {
    const out = await must(['--lang', 'zh', 'verify', 'C000001', '--by', '邮件', '--fields', 'phone,address'], { login: 'zhangwei' });
    expect(out).toMatch(/C000001 的 电话, 地址 经/);
    expect(out).not.toMatch(/phone|address/);
  });

  test('the owner confirms the whole file: who, when and how, in the file and its history', async () => {
    expect(await must(['verify', 'C000001', '--by', '电话', '--note', '王经理确认'], { login: 'zhangwei' })).toMatch(/verification #1: C000001 confirmed as a whole by phone/);
    const card = json<Show>(await crm(db, ['show', 'C000001', '--json']));
    expect(card.verified).toBe(true);
    expect(Date.parse(card.verified_at!)).toBe(FIXED_NOW.getTime());
    expect(query(db, "SELECT verified_how, s.login FROM customers c JOIN staff s ON s.id = c.verified_by WHERE c.id = 1")).toEqual([{ verified_how: 'phone', login: 'zhangwei' }]);
    expect(query(db, "SELECT command, field, new_value FROM history WHERE entity = 'verification'")).toEqual([
      { command: 'verify #1', field: '*', new_value: '{"method":"phone","note":"王经理确认"}' },
    ]);
    // crm history names the verification and its fields in the user's language, never a message key.
    const zh = await must(['history', 'C000001', '--lang', 'zh']);
    expect(zh).toMatch(/verify #1\t核实 #1 （新建）\t\t核实方式: phone\s备注: 王经理确认/);
    expect(await must(['history', 'C000001'])).toMatch(/verification #1 \(created\)\t\tmethod: phone\snote: 王经理确认/);
    expect(zh).not.toMatch(/history\./);
  });

  test('corrections found while confirming are linked to the verification in the history', async () => {
    const r = json<{ verification: number; corrected: number }>(await crm(db, ['verify', 'C000001', '--by', 'fax', '--set', 'phone=0755-83765400', 'legal_rep=王强', '--json'], { login: 'zhangwei' }));
    expect(r).toMatchObject({ verification: 1, corrected: 2 });
    expect(query(db, "SELECT command, field, old_value, new_value FROM history WHERE entity = 'customer' AND field IN ('phone', 'legal_rep') ORDER BY field")).toEqual([
      { command: 'verify #1', field: 'legal_rep', old_value: null, new_value: '王强' },
      { command: 'verify #1', field: 'phone', old_value: '+8675583765432', new_value: '+8675583765400' },
    ]);
  });

  test("--set takes the card's Chinese terms and a full-width ＝, as update does", async () => {
    const r = json<{ corrected: number }>(await crm(db, ['verify', 'C000001', '--by', 'phone', '--set', '电话＝0755-83765400', '法人代表=王强', '--json'], { login: 'zhangwei' }));
    expect(r.corrected).toBe(2);
    expect(query(db, 'SELECT phone, legal_rep FROM customers WHERE id = 1')).toEqual([{ phone: '+8675583765400', legal_rep: '王强' }]);
    expect((await crm(db, ['verify', 'C000001', '--by', 'phone', '--set', 'phone=0755-83765401', '电话=0755-83765402'])).stderr).toMatch(/the field phone is set twice/);
  });

  test('or corrected afterwards with update --verification N: linked the same way; another file’s verification is refused', async () => {
    await must(['verify', 'C000001', '--by', 'visit'], { login: 'zhangwei' });
    await must(['update', 'C000001', '--set', 'legal_rep=王强', '--verification', '1'], { login: 'zhangwei' });
    expect(query(db, "SELECT command, old_value, new_value FROM history WHERE field = 'legal_rep'")).toEqual([{ command: 'verify #1', old_value: null, new_value: '王强' }]);
    for (const bad of ['1', '2', 'x', '0']) {
      const before = snapshot(db);
      const r = await crm(db, ['update', 'C000002', '--set', 'legal_rep=李四', '--verification', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is not a verification of C000002/);
      expect(snapshot(db)).toEqual(before);
    }
  });

  test('confirming some fields leaves the file unverified', async () => {
    expect(await must(['verify', 'C000001', '--by', 'email', '--fields', 'phone,address'], { login: 'zhangwei' })).toMatch(/: Phone, Address of C000001 confirmed by e-mail/);
    expect(json<Show>(await crm(db, ['show', 'C000001', '--json'])).verified).toBe(false);
    expect(query(db, 'SELECT fields FROM verifications')).toEqual([{ fields: '["phone","address"]' }]);
  });

  test.each([
    [['verify', 'C000001'], 'zhangwei', 2, /--by is missing/],
    [['verify', 'C000001', '--by', 'pigeon'], 'zhangwei', 2, /"pigeon" is not a way of confirming/],
    [['verify', 'C000001', '--by', 'phone', '--fields', 'phone,colour'], 'zhangwei', 2, /colour/],
    [['verify', 'C000001', '--by', 'phone', '--set', 'phone=123'], 'zhangwei', 2, /not a valid phone number/],
    [['verify', 'C000002', '--by', 'phone'], 'zhangwei', 3, /C000002/],
    [['verify', 'C000001', '--by', 'phone'], 'guest', 3, /C000001/],
    [['verify', 'C000009', '--by', 'phone'], 'admin', 1, /C000009/],
  ])('%j by %s: exit %i, nothing recorded', async (argv, login, code, message) => {
    const r = await crm(db, argv, { login });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(query(db, 'SELECT count(*) AS n FROM verifications')).toEqual([{ n: 0 }]);
    expect(query(db, 'SELECT count(*) AS n FROM customers WHERE verified_at IS NOT NULL')).toEqual([{ n: 0 }]);
  });

  test('the regional manager confirms the files of the region, the clerk any', async () => {
    await must(['staff', 'add', 'chenjing', '--name', '陈静', '--role', 'clerk']);
    await must(['verify', 'C000001', '--by', 'visit'], { login: 'wangfang' });
    expect((await crm(db, ['verify', 'C000002', '--by', 'visit'], { login: 'wangfang' })).code).toBe(3);
    await must(['verify', 'C000002', '--by', 'phone'], { login: 'chenjing' });
    expect(query(db, 'SELECT customer_id, method FROM verifications ORDER BY id')).toEqual([
      { customer_id: 1, method: 'visit' },
      { customer_id: 2, method: 'phone' },
    ]);
  });
});

describe('crm unverified', () => {
  test('files still unconfirmed, oldest first, with their source and how long they waited', async () => {
    await must(['verify', 'C000003', '--by', 'visit'], { login: 'zhangwei' });
    expect(json(await crm(db, ['unverified', '--json']))).toEqual([
      { id: 'C000001', name: '深圳市华强电子有限公司', source: 'trade-show', source_detail: '2025 深圳电子展', owner: 'zhangwei', created_on: '2026-01-05', days_waiting: 322 },
      { id: 'C000002', name: '上海中兴贸易有限公司', source: 'media', source_detail: '黄页', owner: 'lina', created_on: '2026-03-10', days_waiting: 258 },
    ]);
    expect(json<{ id: string }[]>(await crm(db, ['unverified', '--owner', 'lina', '--json'])).map((f) => f.id)).toEqual(['C000002']);
    expect(json<{ id: string }[]>(await crm(db, ['unverified', '--source', '展会', '--json'])).map((f) => f.id)).toEqual(['C000001']);
    // A rep sees only their own, and each listed file is a consultation.
    expect(json<{ id: string }[]>(await crm(db, ['unverified', '--json'], { login: 'lina' })).map((f) => f.id)).toEqual(['C000002']);
    expect(query(db, "SELECT customer_id, basis FROM access_log WHERE action = 'unverified' AND staff_id = (SELECT id FROM staff WHERE login = 'lina')")).toEqual([
      { customer_id: 2, basis: 'own' },
    ]);
  });

  test('a table for people, with the total and what to do', async () => {
    const r = await crm(db, ['unverified', '--lang', 'zh']);
    expect(r.stdout.split('\n')[1]).toMatch(/^C000001\t深圳市华强电子有限公司\t展会\/名片 · 2025 深圳电子展\tzhangwei\t2026-01-05\t322$/);
    expect(r.stderr).toMatch(/共 3 份档案待核实/);
  });
});

describe('crm stale and the stale_days setting', () => {
  test('files neither updated nor verified within 180 days, longest untouched first', async () => {
    const stale = json<{ days: number; before: string; files: { id: string; days_untouched: number }[] }>(await crm(db, ['stale', '--json']));
    expect(stale).toMatchObject({ days: 180, before: '2026-05-27' });
    expect(stale.files.map((f) => [f.id, f.days_untouched])).toEqual([
      ['C000001', 322],
      ['C000002', 258],
    ]);
    expect(json<{ files: unknown[] }>(await crm(db, ['stale', '--days', '300', '--json'])).files).toHaveLength(1);
    expect((await crm(db, ['stale', '--days', '0'])).code).toBe(2);
  });

  test('a verification or an update makes a file current again', async () => {
    await must(['verify', 'C000001', '--by', 'phone'], { login: 'zhangwei' });
    await must(['update', 'C000002', '--set', 'industry=贸易'], { login: 'lina' });
    expect(json<{ files: unknown[] }>(await crm(db, ['stale', '--json'])).files).toEqual([]);
  });

  test('the setting is the policy’s, changed by the admin and in the history', async () => {
    await must(['policy', 'set', 'stale_days', '300']);
    expect(json<{ files: { id: string }[] }>(await crm(db, ['stale', '--json'])).files.map((f) => f.id)).toEqual(['C000001']);
    expect(json(await crm(db, ['policy', 'show', '--json']))).toMatchObject({ stale_days: 300 });
    expect(query(db, "SELECT field, old_value, new_value FROM history WHERE entity = 'policy'")).toEqual([{ field: 'stale_days', old_value: '180', new_value: '300' }]);
    expect((await crm(db, ['policy', 'set', 'stale_days', '0'])).code).toBe(2);
  });

  test('show marks a stale file, or the stale fields of a current one', async () => {
    expect(json<Show>(await crm(db, ['show', 'C000001', '--json']))).toMatchObject({ stale: true });
    const sheet = (await crm(db, ['show', 'C000001'])).stdout;
    expect(sheet).toMatch(/Stale: not updated or verified since 2026-01-05 \(over 180 days\)/);

    // Changing the region makes the file current, but its phone and name are as old as before.
    await must(['update', 'C000001', '--set', 'region=华南区'], { login: 'zhangwei' });
    const card = json<Show>(await crm(db, ['show', 'C000001', '--json']));
    expect(card.stale).toBe(false);
    expect(card.stale_fields).toEqual(['name', 'phone', 'source', 'source_detail', 'kind', 'status', 'owner']);
    const zh = (await crm(db, ['show', 'C000001', '--lang', 'zh'])).stdout;
    expect(zh).toMatch(/7 项资料超过 180 天未更新或核实/);
    expect(zh).toMatch(/电话\s+0755 8376 5432  \[过旧\]/);
    expect(zh).toMatch(/区域\s+华南区\n/);

    // Confirming the phone takes it off; the others stay.
    await must(['verify', 'C000001', '--by', 'phone', '--fields', 'phone,name'], { login: 'zhangwei' });
    expect(json<Show>(await crm(db, ['show', 'C000001', '--json'])).stale_fields).toEqual(['source', 'source_detail', 'kind', 'status', 'owner']);
  });

  test('the owner’s agenda lists their stale files, and no one else’s', async () => {
    interface Agenda { items: { kind: string; customer_id: string; date: string | null; detail: string }[] }
    const mine = json<Agenda>(await crm(db, ['agenda', '--json'], { login: 'zhangwei' })).items.filter((i) => i.kind === 'stale');
    expect(mine).toEqual([expect.objectContaining({ customer_id: 'C000001', date: '2026-01-05', detail: 'not updated or verified for over 180 days' })]);
    const lina = json<Agenda>(await crm(db, ['agenda', '--json'], { login: 'lina' })).items.filter((i) => i.kind === 'stale');
    expect(lina.map((i) => i.customer_id)).toEqual(['C000002']);
    expect(json<Agenda>(await crm(db, ['agenda', '--json'], { login: 'wangfang' })).items.filter((i) => i.kind === 'stale')).toEqual([]);
  });
});
