// crm visit add|approve|list|show|due.
import { describe, expect, test } from 'vitest';
import { query, snapshot } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';
import { scriptedPrompter } from '../support/scripted-prompter.js';

async function customer(db: string, card: Record<string, unknown>): Promise<string> {
  return json<{ id: string }>(await crm(db, ['add', '--json', '-'], { stdin: JSON.stringify(card) })).id;
}

/** 华强 (华南, zhangwei, cooperating A, one contact) and 中兴 (华东, lina, potential B). */
async function setup(dir: string): Promise<{ db: string; hq: string; zx: string }> {
  const db = await seededDb(dir);
  const hq = await customer(db, {
    name: '深圳市华强电子有限公司', region: '华南', owner: 'zhangwei', status: 'cooperating', grade: 'A', address: '深圳市福田区华强北路1001号',
    contacts: [{ name: '王强', title: '采购经理', mobile: '13800138000' }],
  });
  const zx = await customer(db, { name: '上海中兴贸易', region: '华东', owner: 'lina', status: 'potential', grade: 'B' });
  return { db, hq, zx };
}

type Visit = Record<string, unknown>;

describe('crm visit add', () => {
  const dir = useTempDir();

  test('flags: stored with the grade and status at the time; a new interlocutor becomes a contact', async () => {
    const { db, hq } = await setup(dir());
    const r = await crm(db, ['visit', 'add', hq, '--date', '2026-11-20', '--companions', 'wangfang', '--interlocutor', '刘洋,工程师,13912345678',
      '--planned', '介绍新品', '--actual', '确认样品', '--next', '寄样', '--follow-up', '2026-11-30', '--support', '技术部', '--abnormal'], { login: 'zhangwei' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('1');
    const contacts = query<{ name: string; title: string; mobile: string }>(db, 'SELECT name, title, mobile FROM contacts WHERE name = ?', '刘洋');
    expect(contacts).toEqual([{ name: '刘洋', title: '工程师', mobile: expect.stringContaining('13912345678') }]);
    // the grade changes afterwards: the visit keeps the one at the time
    expect((await crm(db, ['update', hq, '--set', 'grade=C'])).code).toBe(0);
    const v = json<Visit>(await crm(db, ['visit', 'show', '1', '--json'], { login: 'zhangwei' }));
    expect(v).toMatchObject({
      customer: hq, rep: 'zhangwei', date: '2026-11-20', grade_then: 'A', status_then: 'cooperating',
      address: '深圳市福田区华强北路1001号', companions: ['wangfang'], planned: '介绍新品', actual: '确认样品', next: '寄样',
      follow_up: '2026-11-30', support: '技术部', abnormal: true, approved_by: null,
    });
    expect(v.interlocutor).toMatch(/^刘洋, 工程师, /);
    expect(v.contact_id).toBeTypeOf('number');
  });

  test('an interlocutor written out who is already a contact (same number, or same name without one) is linked, not filed again', async () => {
    const { db, hq } = await setup(dir());
    const wang = query<{ id: number }>(db, 'SELECT id FROM contacts WHERE name = ?', '王强')[0]!.id;
    for (const [date, who] of [['2026-11-02', '王强,采购经理,138 0013 8000'], ['2026-11-03', '王强'], ['2026-11-04', '王经理,,+86 13800138000']]) {
      expect((await crm(db, ['visit', 'add', hq, '--date', date!, '--interlocutor', who!, '--actual', '回访'], { login: 'zhangwei' })).code).toBe(0);
    }
    expect(query(db, 'SELECT name, mobile FROM contacts')).toEqual([{ name: '王强', mobile: '13800138000' }]);
    expect(query(db, 'SELECT contact_id, interlocutor FROM visits ORDER BY id')).toEqual([
      { contact_id: wang, interlocutor: '王强, 采购经理, 138 0013 8000' },
      { contact_id: wang, interlocutor: '王强' },
      { contact_id: wang, interlocutor: '王经理, +86 13800138000' },
    ]);
  });

  test('--json from stdin, interlocutor an existing contact; prints {"id"}', async () => {
    const { db, hq } = await setup(dir());
    const contactId = query<{ id: number }>(db, 'SELECT id FROM contacts WHERE name = ?', '王强')[0]!.id;
    const before = query<{ n: number }>(db, 'SELECT count(*) AS n FROM contacts')[0]!.n;
    const doc = { date: '2026-11-02', interlocutor: contactId, planned: '回访', address: '客户会议室' };
    const out = json<{ id: number }>(await crm(db, ['visit', 'add', hq, '--json', '-'], { login: 'zhangwei', stdin: JSON.stringify(doc) }));
    expect(out).toEqual({ id: 1 });
    const rows = query<Visit>(db, 'SELECT contact_id, interlocutor, address, planned, visited_on FROM visits');
    expect(rows).toEqual([{ contact_id: contactId, interlocutor: expect.stringMatching(/^王强, 采购经理/), address: '客户会议室', planned: '回访', visited_on: '2026-11-02' }]);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM contacts')[0]!.n).toBe(before);
  });

  test('a scripted walk, with an impossible follow-up date rejected inline', async () => {
    const { db, hq } = await setup(dir());
    const p = scriptedPrompter([
      '', // date: today
      '', // address: the customer's
      ['wangfang'], // companions
      'new', '赵磊', '总监', '0755-83765432',
      '演示', '客户认可', '报价',
      '2026-11-01', // before the visit: rejected
      '2026-12-05',
      true, '财务部', // support needed
      '顺利', false, true,
    ]);
    const r = await crm(db, ['visit', 'add', hq], { login: 'zhangwei', prompter: p });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(p.remaining()).toBe(0);
    expect(p.rejected).toEqual([expect.stringMatching(/before the visit date 2026-11-23/)]);
    const v = json<Visit>(await crm(db, ['visit', 'show', '1', '--json']));
    expect(v).toMatchObject({ date: '2026-11-23', address: '深圳市福田区华强北路1001号', companions: ['wangfang'], follow_up: '2026-12-05', support: '财务部', abnormal: false });
    expect(query(db, 'SELECT name, title, phone FROM contacts WHERE name = ?', '赵磊')).toHaveLength(1);
  });

  test('the rep listed among the companions is refused (exit 2, one line), also when an admin acts for the rep; JSON too', async () => {
    const { db, hq } = await setup(dir());
    const before = snapshot(db);
    const self = await crm(db, ['visit', 'add', hq, '--date', '2026-11-20', '--companions', 'wangfang,zhangwei'], { login: 'zhangwei' });
    expect([self.code, self.stderr]).toEqual([
      2,
      'error: The companions include zhangwei, who is the rep of this visit: list only the colleagues who came along, and leave zhangwei out.\n',
    ]);
    const zh = await crm(db, ['--lang', 'zh', '--as', 'zhangwei', 'visit', 'add', hq, '--date', '2026-11-20', '--companions', 'zhangwei']);
    expect([zh.code, zh.stderr]).toEqual([2, '错误：同行人员中有 zhangwei，即本次拜访的业务员本人：同行人员只填随行的同事，请去掉 zhangwei。\n']);
    const fromJson = await crm(db, ['visit', 'add', hq, '--json', '-'], { login: 'zhangwei', stdin: JSON.stringify({ date: '2026-11-20', companions: 'wangfang，zhangwei' }) });
    expect(fromJson.code).toBe(2);
    expect(snapshot(db)).toEqual(before);
    // Someone else may list zhangwei as their companion.
    expect((await crm(db, ['visit', 'add', hq, '--date', '2026-11-20', '--companions', 'zhangwei'], { login: 'wangfang' })).code).toBe(0);
  });

  test('refusals: impossible or future date, missing date → 2; out of scope → 3; nothing written', async () => {
    const { db, hq, zx } = await setup(dir());
    const before = snapshot(db);
    const bad = await crm(db, ['visit', 'add', hq, '--date', '2026-02-30'], { login: 'zhangwei' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a real date/);
    expect((await crm(db, ['visit', 'add', hq, '--date', '2026-11-24'], { login: 'zhangwei' })).code).toBe(2);
    expect((await crm(db, ['visit', 'add', hq, '--planned', 'x'], { login: 'zhangwei' })).code).toBe(2);
    expect((await crm(db, ['visit', 'add', hq, '--date', '2026-11-20', '--companions', 'nobody'], { login: 'zhangwei' })).code).toBe(2);
    expect((await crm(db, ['visit', 'add', hq, '--date', '2026-11-20', '--follow-up', '2026-11-19'], { login: 'zhangwei' })).code).toBe(2);
    expect(snapshot(db)).toEqual(before);
    const out = await crm(db, ['visit', 'add', zx, '--date', '2026-11-20'], { login: 'zhangwei' });
    expect(out.code).toBe(3);
    expect(query(db, 'SELECT * FROM visits')).toEqual([]);
    expect(query(db, "SELECT basis FROM access_log WHERE action = 'visit add'")).toEqual([{ basis: 'denied' }]);
  });
});

describe('crm visit approve', () => {
  const dir = useTempDir();

  test('self, a rep and another region’s manager → 3; the region manager approves; twice → 1', async () => {
    const { db, hq } = await setup(dir());
    expect((await crm(db, ['visit', 'add', hq, '--date', '2026-11-20'], { login: 'zhangwei' })).code).toBe(0);
    expect((await crm(db, ['staff', 'add', 'liuhua', '--name', '刘华', '--role', 'region-manager', '--region', '华东'])).code).toBe(0);
    expect((await crm(db, ['visit', 'approve', '1'], { login: 'zhangwei' })).code).toBe(3);
    expect((await crm(db, ['visit', 'approve', '1'], { login: 'lina' })).code).toBe(3);
    expect((await crm(db, ['visit', 'approve', '1'], { login: 'liuhua' })).code).toBe(3);
    expect((await crm(db, ['visit', 'approve', '1'])).code).toBe(3); // admin
    expect(query(db, 'SELECT approved_by FROM visits')).toEqual([{ approved_by: null }]);
    const ok = json<Visit>(await crm(db, ['visit', 'approve', '1', '--comment', '同意', '--json'], { login: 'wangfang' }));
    expect(ok).toEqual({ id: 1, approved_by: 'wangfang', approved_on: '2026-11-23', comment: '同意' });
    const again = await crm(db, ['visit', 'approve', '1'], { login: 'zhaomin' });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already approved by wangfang/);
    expect(query(db, "SELECT field, new_value FROM history WHERE entity = 'visit' AND field = 'approved_by'")).toEqual([{ field: 'approved_by', new_value: 'wangfang' }]);
  });

  test('the gm approves; a rep who is the visit’s rep cannot even via --as', async () => {
    const { db, zx } = await setup(dir());
    expect((await crm(db, ['--as', 'lina', 'visit', 'add', zx, '--date', '2026-11-10'])).code).toBe(0);
    expect(query(db, 'SELECT s.login FROM visits v JOIN staff s ON s.id = v.rep_id')).toEqual([{ login: 'lina' }]);
    expect((await crm(db, ['--as', 'lina', 'visit', 'approve', '1'])).code).toBe(3);
    expect((await crm(db, ['visit', 'approve', '1'], { login: 'zhaomin' })).code).toBe(0);
    expect(query(db, 'SELECT approved_on FROM visits')).toEqual([{ approved_on: '2026-11-23' }]);
    expect((await crm(db, ['visit', 'approve', '99'], { login: 'zhaomin' })).code).toBe(1);
  });
});

describe('crm visit list and show', () => {
  const dir = useTempDir();

  test('filters and scope', async () => {
    const { db, hq, zx } = await setup(dir());
    await crm(db, ['visit', 'add', hq, '--date', '2026-10-15'], { login: 'zhangwei' });
    await crm(db, ['visit', 'add', hq, '--date', '2026-11-05'], { login: 'zhangwei' });
    await crm(db, ['visit', 'add', zx, '--date', '2026-11-06'], { login: 'lina' });
    await crm(db, ['visit', 'approve', '2'], { login: 'zhaomin' });
    const ids = async (argv: string[], login = 'zhaomin') => json<Visit[]>(await crm(db, ['visit', 'list', ...argv, '--json'], { login })).map((v) => v.id);
    expect(await ids([])).toEqual([3, 2, 1]);
    expect(await ids(['--customer', hq])).toEqual([2, 1]);
    expect(await ids(['--rep', 'lina'])).toEqual([3]);
    expect(await ids(['--month', '2026-11'])).toEqual([3, 2]);
    expect(await ids(['--unapproved'])).toEqual([3, 1]);
    expect(await ids([], 'lina')).toEqual([3]); // only her customers
    expect((await crm(db, ['visit', 'list', '--month', '2026-13'])).code).toBe(2);
    expect((await crm(db, ['visit', 'list', '--customer', zx], { login: 'zhangwei' })).code).toBe(3);
    expect(query(db, "SELECT count(*) AS n FROM access_log WHERE action = 'visit list' AND staff_id = (SELECT id FROM staff WHERE login = 'lina')")).toEqual([{ n: 1 }]);
  });

  test('show: the sheet, and out of scope → 3', async () => {
    const { db, hq } = await setup(dir());
    await crm(db, ['visit', 'add', hq, '--date', '2026-11-05', '--actual', '谈妥价格', '--abnormal'], { login: 'zhangwei' });
    const r = await crm(db, ['visit', 'show', '1'], { login: 'wangfang' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Actual content: 谈妥价格');
    expect(r.stdout).toContain('Grade at the time: A');
    expect(r.stdout).toContain('Status at the time: cooperating (signed)'); // the policy's term, not the code
    expect((await crm(db, ['visit', 'show', '1', '--lang', 'zh'], { login: 'wangfang' })).stdout).toContain('当时客户状态: 已合作');
    expect(r.stdout).toContain('abnormal relationship');
    expect((await crm(db, ['visit', 'show', '1'], { login: 'lina' })).code).toBe(3);
    expect((await crm(db, ['visit', 'show', 'x'])).code).toBe(2);
  });
});

describe('crm visit due', () => {
  const dir = useTempDir();

  test('customers below the policy minimum this month, grouped by rep', async () => {
    const { db, hq, zx } = await setup(dir());
    const enough = await customer(db, { name: '广州达成', region: '华南', owner: 'zhangwei', status: 'potential', grade: 'A' });
    await customer(db, { name: '无等级公司', region: '华南', owner: 'zhangwei', status: 'cooperating' });
    await customer(db, { name: '潜在C', region: '华南', owner: 'zhangwei', status: 'potential', grade: 'C' });
    await crm(db, ['visit', 'add', hq, '--date', '2026-11-05'], { login: 'zhangwei' });
    await crm(db, ['visit', 'add', hq, '--date', '2026-10-05'], { login: 'zhangwei' }); // another month
    await crm(db, ['visit', 'add', enough, '--date', '2026-11-06'], { login: 'zhangwei' });
    const due = json<{ month: string; reps: { rep: string; customers: Visit[] }[] }>(await crm(db, ['visit', 'due', '--json'], { login: 'zhaomin' }));
    expect(due).toEqual({
      month: '2026-11',
      reps: [
        { rep: 'lina', customers: [{ id: zx, name: '上海中兴贸易', status: 'potential', grade: 'B', minimum: 1, done: 0 }] },
        { rep: 'zhangwei', customers: [{ id: hq, name: '深圳市华强电子有限公司', status: 'cooperating', grade: 'A', minimum: 2, done: 1 }] },
      ],
    });
    // The table says the status in the policy's term (the JSON keeps the code).
    const table = await crm(db, ['visit', 'due', '--lang', 'zh'], { login: 'zhaomin' });
    expect(table.stdout).toMatch(/深圳市华强电子有限公司\t已合作\tA\t2\t1/);
    expect(table.stdout).not.toMatch(/cooperating|potential/);
    const rep = json<{ reps: { rep: string }[] }>(await crm(db, ['visit', 'due', '--rep', 'zhangwei', '--json'], { login: 'zhaomin' }));
    expect(rep.reps.map((g) => g.rep)).toEqual(['zhangwei']);
    const october = json<{ reps: { customers: Visit[] }[] }>(await crm(db, ['visit', 'due', '--month', '2026-10', '--json'], { login: 'zhaomin' }));
    expect(october.reps.flatMap((g) => g.customers.map((c) => `${c.id}:${c.done}`))).toEqual([`${zx}:0`, `${hq}:1`, `${enough}:0`]);
    // only what the caller may read
    const mine = json<{ reps: { rep: string }[] }>(await crm(db, ['visit', 'due', '--json'], { login: 'lina' }));
    expect(mine.reps.map((g) => g.rep)).toEqual(['lina']);
  });

  test('policy settings change the minimum', async () => {
    const { db, hq } = await setup(dir());
    await crm(db, ['visit', 'add', hq, '--date', '2026-11-05'], { login: 'zhangwei' });
    expect((await crm(db, ['policy', 'set', 'visits', 'cooperating.A=1,potential.B=0'])).code).toBe(0);
    const r = await crm(db, ['visit', 'due', '--json'], { login: 'zhaomin' });
    expect(json(r)).toEqual({ month: '2026-11', reps: [] });

    expect((await crm(db, ['visit', 'due', '--month', 'nope'])).code).toBe(2);
  });
});
