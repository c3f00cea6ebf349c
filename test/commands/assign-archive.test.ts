// crm assign (by id and from the list filters, with the confirmation above three files) and
// crm archive / unarchive: who may, what they leave and bring back, and the history of both.
import { beforeEach, describe, expect, test } from 'vitest';
import { query, snapshot } from '../support/db.js';
import { crm, crmOk, expectRefused, json, seededDb, useTempDir } from '../support/run.js';
import { scriptedPrompter } from '../support/scripted-prompter.js';

const dir = useTempDir();
let db = '';

const must = (argv: string[], login = 'admin') => crmOk(db, argv, { login });

const ids = async (argv: string[], login = 'admin') => json<{ id: string }[]>(await crm(db, [...argv, '--json'], { login })).map((r) => r.id);
const owners = () => query<{ id: number; owner: string | null }>(db, 'SELECT c.id, s.login AS owner FROM customers c LEFT JOIN staff s ON s.id = c.owner_id ORDER BY c.id');

beforeEach(async () => {
  db = await seededDb(dir());
  // C000001–C000005: new files from a trade show, nobody's yet, four in 华南; C000006 lina's in 华东.
  for (const [name, region] of [['华强电子', '华南'], ['白云机械', '华南'], ['珠江化工', '华南'], ['南方仪器', '华南'], ['东方贸易', '华东']]) {
    await must(['add', '--name', name!, '--region', region!, '--owner', '']);
  }
  await must(['add', '--name', '中兴贸易', '--region', '华东', '--owner', 'lina']);
});

describe('crm assign', () => {
  test('list --unassigned shows the files nobody owns', async () => {
    expect(await ids(['list', '--unassigned'])).toEqual(['C000001', 'C000002', 'C000003', 'C000004', 'C000005']);
    expect(await ids(['list', '--unassigned', '--region', '华南'])).toEqual(['C000001', 'C000002', 'C000003', 'C000004']);
    expect((await crm(db, ['list', '--unassigned', '--owner', 'lina'])).code).toBe(2);
  });

  test('by id: the owner changes, the run is recorded with its reason, each change is in the history', async () => {
    const r = json<{ assignment: number; to: string; files: { id: string; from: string | null }[] }>(
      await crm(db, ['assign', 'C000001,C000002', 'C000006', '--to', 'zhangwei', '--reason', '展会新客户', '--json'], { login: 'zhaomin' }),
    );
    expect(r).toMatchObject({ assignment: 1, to: 'zhangwei' });
    expect(r.files.map((f) => [f.id, f.from])).toEqual([['C000001', null], ['C000002', null], ['C000006', 'lina']]);
    expect(owners().filter((o) => o.owner === 'zhangwei').map((o) => o.id)).toEqual([1, 2, 6]);
    expect(query(db, 'SELECT s.login AS by, t.login AS to_login, reason, files FROM assignments a JOIN staff s ON s.id = a.staff_id JOIN staff t ON t.id = a.to_id')).toEqual([
      { by: 'zhaomin', to_login: 'zhangwei', reason: '展会新客户', files: 3 },
    ]);
    expect(query(db, "SELECT customer_id, command, old_value, new_value FROM history WHERE field = 'owner' ORDER BY id")).toEqual([
      { customer_id: 1, command: 'assign #1', old_value: null, new_value: 'zhangwei' },
      { customer_id: 2, command: 'assign #1', old_value: null, new_value: 'zhangwei' },
      { customer_id: 6, command: 'assign #1', old_value: 'lina', new_value: 'zhangwei' },
    ]);
    // Files already theirs are left alone.
    expect(json<{ files: unknown[]; unchanged: number }>(await crm(db, ['assign', 'C000001', '--to', 'zhangwei', '--json']))).toMatchObject({ assignment: null, files: [], unchanged: 1 });
    expect(query(db, 'SELECT count(*) AS n FROM assignments')).toEqual([{ n: 1 }]);
  });

  test('a rep may not assign (exit 3); a regional manager only within the region', async () => {
    const before = snapshot(db);
    const rep = await crm(db, ['assign', 'C000001', '--to', 'zhangwei'], { login: 'zhangwei' });
    expect(rep.code).toBe(3);
    expect(rep.stderr).toMatch(/may not assign customers/);
    expect(snapshot(db)).toEqual(before);
    // Outside the region: refused, and the refusal is in the access log (POLICY §6).
    expect((await crm(db, ['assign', 'C000005', '--to', 'zhangwei'], { login: 'wangfang' })).code).toBe(3);
    expect(query(db, 'SELECT customer_id, action, basis FROM access_log')).toEqual([{ customer_id: 5, action: 'assign', basis: 'denied' }]);
    expect(owners()[4]).toEqual({ id: 5, owner: null });
    await must(['assign', 'C000001', '--to', 'zhangwei'], 'wangfang');
    expect(owners()[0]).toEqual({ id: 1, owner: 'zhangwei' });
  });

  test.each([
    [['assign', 'C000001', '--to', 'nobody'], /no staff member has the login nobody/],
    [['assign', 'C000001', '--to', 'guest'], /no customer role/],
    [['assign', '--to', 'zhangwei'], /No files named/],
    [['assign', 'C000001', '--unassigned', '--to', 'zhangwei'], /either by id or by filters/],
  ])('%j: exit 2, nothing changed', (argv, message) => expectRefused(db, argv, message));

  test('a receiver without a customer role is refused in Chinese, naming the role as the policy does', () =>
    expectRefused(db, ['--lang', 'zh', 'assign', 'C000001', '--to', 'guest'], /^错误：--to：guest 的岗位是"其他"，不负责客户：[^a-z]*crm staff list[^a-z]*\n$/));

  test('from a filter: more than three files need --yes without a terminal', async () => {
    const before = snapshot(db);
    const r = await crm(db, ['assign', '--unassigned', '--region', '华南', '--to', 'zhangwei']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/4 files would change owner: .* pass --yes/);
    expect(snapshot(db)).toEqual(before);

    const dry = json<{ dry_run: boolean; files: { id: string }[] }>(await crm(db, ['assign', '--unassigned', '--region', '华南', '--to', 'zhangwei', '--dry-run', '--json']));
    expect(dry.files.map((f) => f.id)).toEqual(['C000001', 'C000002', 'C000003', 'C000004']);
    expect(snapshot(db)).toEqual(before);

    await must(['assign', '--unassigned', '--region', '华南', '--to', 'zhangwei', '--yes']);
    expect(owners().map((o) => o.owner)).toEqual(['zhangwei', 'zhangwei', 'zhangwei', 'zhangwei', null, 'lina']);
    expect(await ids(['list', '--unassigned'])).toEqual(['C000005']);
  });

  test('on a terminal the prompter asks; no leaves everything as it was', async () => {
    const before = snapshot(db);
    const no = scriptedPrompter([false]);
    const r = await crm(db, ['assign', '--unassigned', '--to', 'lina'], { prompter: no });
    expect(r.code).toBe(1);
    expect(no.asked).toEqual(['Assign 5 files to lina?']);
    // Which files, before the question: one line each, as --dry-run lists them.
    expect(r.stdout.trim().split('\n')).toHaveLength(5);
    expect(r.stdout).toMatch(/^C000001 {2}\S+ {2}— → lina$/m);
    expect(snapshot(db)).toEqual(before);

    const yes = scriptedPrompter([true]);
    const done = await crm(db, ['assign', '--unassigned', '--to', 'lina'], { prompter: yes });
    expect(done.code).toBe(0);
    expect(done.stdout.trim().split('\n')).toHaveLength(6); // the five files once, then the summary
    expect(owners().every((o) => o.owner === 'lina')).toBe(true);
    // Three files or fewer are not asked about.
    const none = scriptedPrompter([]);
    expect((await crm(db, ['assign', 'C000001,C000002,C000003', '--to', 'zhangwei'], { prompter: none })).code).toBe(0);
    expect(none.asked).toEqual([]);
  });
});

describe('crm archive and unarchive', () => {
  test('an archived file leaves list, export and the work lists, shows as archived, and comes back with unarchive', async () => {
    const out = await must(['archive', 'C000006', '--reason', '公司已注销']);
    expect(out).toMatch(/Archived C000006 \(公司已注销\)/);
    expect(await ids(['list'])).not.toContain('C000006');
    expect(await ids(['list', '--search', '中兴'])).toEqual([]);
    expect(await ids(['list', '--archived'])).toEqual(['C000006']);
    expect(await ids(['unverified'])).not.toContain('C000006');
    expect(JSON.parse((await crm(db, ['export', '--format', 'json'])).stdout).map((c: { id: string }) => c.id)).not.toContain('C000006');

    const card = json<{ archived: boolean; archive_reason: string; name: string }>(await crm(db, ['show', 'C000006', '--json']));
    expect(card).toMatchObject({ archived: true, archive_reason: '公司已注销', name: '中兴贸易' });
    expect((await crm(db, ['show', 'C000006', '--lang', 'zh'])).stdout).toMatch(/已归档：2026-11-23，admin，原因：公司已注销/);
    expect((await crm(db, ['archive', 'C000006', '--reason', '再次'])).code).toBe(1);

    await must(['unarchive', 'C000006']);
    expect(await ids(['list'])).toContain('C000006');
    expect(await ids(['list', '--archived'])).toEqual([]);
    expect(query(db, "SELECT command, field, old_value, new_value FROM history WHERE customer_id = 6 AND field LIKE 'archive%' ORDER BY id")).toEqual([
      { command: 'archive', field: 'archived_at', old_value: null, new_value: expect.stringMatching(/^2026-11-23T/) },
      { command: 'archive', field: 'archive_reason', old_value: null, new_value: '公司已注销' },
      { command: 'unarchive', field: 'archived_at', old_value: expect.stringMatching(/^2026-11-23T/), new_value: null },
      { command: 'unarchive', field: 'archive_reason', old_value: '公司已注销', new_value: null },
    ]);
    expect((await crm(db, ['unarchive', 'C000006'])).code).toBe(1);
  });

  test('an archived file leaves the visits due and the agenda (birthdays, staff contacts) too', async () => {
    await must(['add', '--name', '华强实业', '--owner', 'zhangwei', '--grade', 'A', '--status', 'cooperating', '--contact-name', '王强', '--contact-decision-maker', '--contact-birthday', '11-25']);
    const due = async () =>
      json<{ reps: { customers: { id: string }[] }[] }>(await crm(db, ['visit', 'due', '--month', '2026-11', '--json'])).reps.flatMap((r) => r.customers.map((c) => c.id));
    const agenda = async () => json<{ items: { kind: string; customer_id: string }[] }>(await crm(db, ['agenda', '--days', '7', '--json'], { login: 'zhangwei' })).items.map((i) => [i.kind, i.customer_id]);
    expect(await due()).toContain('C000007');
    expect(await agenda()).toEqual(expect.arrayContaining([['birthday', 'C000007'], ['staff_contacts', 'C000007']]));
    await must(['archive', 'C000007', '--reason', '公司已注销']);
    expect(await due()).not.toContain('C000007');
    expect((await agenda()).filter(([, id]) => id === 'C000007')).toEqual([]);
  });

  test('without a reason: exit 2; by a rep, even their own file: exit 3; nothing written', async () => {
    const before = snapshot(db);
    const bare = await crm(db, ['archive', 'C000006']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--reason is missing/);
    expect((await crm(db, ['archive', 'C000006', '--reason', '  '])).code).toBe(2);
    expect((await crm(db, ['archive', 'C000006', '--reason', '不再合作'], { login: 'lina' })).code).toBe(3);
    expect(snapshot(db)).toEqual(before);
    expect(query(db, 'SELECT count(*) AS n FROM customers WHERE archived_at IS NOT NULL')).toEqual([{ n: 0 }]);
  });
});
