// crm privacy export|correct|erase (PIPL Art. 45-47): what each does to the file, what it records
// (Art. 50), and, for erasure, a byte search of the database file and its -wal as the proof.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { query, snapshot } from '../support/db.js';
import { crm, FIXED_NOW, json, seededDb, useTempDir } from '../support/run.js';

interface Change {
  command: string;
  entity: string;
  entity_id: number;
  field: string;
  old_value: string | null;
  new_value: string | null;
}
interface Request {
  staff_id: number;
  os_login: string;
  contact_id: number;
  customer_id: number;
  kind: string;
  reason: string | null;
  outcome: string;
}
interface Exported {
  contact: Record<string, unknown>;
  customer: { id: string; name: string };
  history: { staff: string; command: string; field: string; old_value: string | null; new_value: string | null }[];
  privacy_requests: { kind: string; reason: string | null; outcome: string }[];
}

const MOBILE = '13800138000';
const NAME = '王强';
const EMAIL = 'wangqiang@example.com';

describe('crm privacy', () => {
  const dir = useTempDir();
  let db = '';
  const requests = () => query<Request>(db, 'SELECT * FROM privacy_requests ORDER BY id');
  const contactRows = (id: number) => query<Change>(db, "SELECT * FROM history WHERE entity = 'contact' AND entity_id = ? ORDER BY id", id);

  beforeEach(async () => {
    db = await seededDb(dir());
    // C000001 with contacts 1 (王强) and 2 (刘洋); C000002 with contact 3.
    const card = {
      name: '华强电子',
      owner: 'zhangwei',
      region: '华南',
      phone: '0755-83765432',
      contacts: [
        { name: NAME, mobile: MOBILE, email: EMAIL, title: '采购经理', hobbies: '高尔夫' },
        { name: '刘洋', mobile: '13912345678', title: '工程师' },
      ],
    };
    expect((await crm(db, ['add', '--json', '-'], { stdin: JSON.stringify(card) })).code).toBe(0);
    expect((await crm(db, ['add', '--name', '中兴贸易', '--owner', 'lina', '--contact-name', '陈静', '--contact-mobile', '13700137000'])).code).toBe(0);
  });

  test('export gives the contact, its customer, its history and earlier requests, and is recorded', async () => {
    expect((await crm(db, ['privacy', 'correct', '1', '--set', 'title=采购总监', '--reason', '本人来电'])).code).toBe(0);
    const doc = json<Exported>(await crm(db, ['privacy', 'export', '1', '--reason', '本人书面申请', '--json'], { login: 'zhaomin' }));
    expect(doc.contact).toMatchObject({ id: 1, name: NAME, mobile: MOBILE, email: EMAIL, title: '采购总监', hobbies: '高尔夫' });
    expect(doc.customer).toEqual({ id: 'C000001', name: '华强电子' });
    expect(doc.history.map((h) => [h.command, h.field])).toEqual([
      ['add', '*'],
      ['privacy correct', 'title'],
    ]);
    expect(JSON.parse(doc.history[0]!.new_value!)).toMatchObject({ name: NAME, mobile: MOBILE });
    expect(doc.privacy_requests).toEqual([expect.objectContaining({ kind: 'correct', reason: '本人来电', outcome: 'corrected: title' })]);
    expect(requests().at(-1)).toMatchObject({ kind: 'export', contact_id: 1, customer_id: 1, os_login: 'zhaomin', reason: '本人书面申请' });
    expect(query(db, "SELECT customer_id, basis FROM access_log WHERE action = 'privacy export'")).toEqual([{ customer_id: 1, basis: 'all' }]);

    const sheet = await crm(db, ['privacy', 'export', '1', '--reason', '本人来电查询']);
    expect(sheet.code).toBe(0);
    expect(sheet.stdout).toMatch(/C000001 华强电子/);
    expect(sheet.stdout).toMatch(/138 0013 8000/);
    expect(sheet.stdout).toMatch(/recorded as privacy request 3/);
    expect(requests()).toHaveLength(3);
  });

  test("earlier requests' outcomes are shown in the reader's language; --json keeps them in English with field keys", async () => {
    expect((await crm(db, ['privacy', 'correct', '1', '--set', 'title=采购总监', 'email=wq@example.com', '--reason', '本人来电'])).code).toBe(0);
    expect((await crm(db, ['privacy', 'correct', '1', '--set', 'title=采购总监', '--reason', '本人再次来电'])).code).toBe(0);
    expect((await crm(db, ['privacy', 'export', '1', '--reason', '本人书面申请'])).code).toBe(0);
    // Stored as data, not as a sentence in one language.
    expect(requests().map((r) => r.outcome)).toEqual(['{"fields":["title","email"]}', '{"fields":[]}', '{"history_rows":3,"earlier_requests":2}']);

    const zh = await crm(db, ['--lang', 'zh', 'privacy', 'export', '1', '--reason', '本人书面申请']);
    expect(zh.stdout).toContain('已更正：职务, 电子邮箱');
    expect(zh.stdout).toContain('资料无变化，无需更正');
    expect(zh.stdout).toContain('已导出：修改历史 3 条，此前的请求 2 条');
    expect(zh.stdout).not.toMatch(/corrected|exported/);
    const en = await crm(db, ['--lang', 'en', 'privacy', 'export', '1', '--reason', '本人书面申请']);
    expect(en.stdout).toMatch(/corrected: Title, E-mail/i);
    expect(en.stdout).toContain('exported: 3 history rows, 2 earlier requests');

    const doc = json<Exported>(await crm(db, ['--lang', 'zh', 'privacy', 'export', '1', '--reason', '本人书面申请', '--json']));
    expect(doc.privacy_requests.map((r) => r.outcome)).toEqual([
      'corrected: title, email',
      'nothing to correct',
      'exported: 3 history rows, 2 earlier requests',
      'exported: 3 history rows, 3 earlier requests',
      'exported: 3 history rows, 4 earlier requests',
    ]);
  });

  test('a request recorded before outcomes were data still shows, as its English text', async () => {
    expect((await crm(db, ['privacy', 'correct', '1', '--set', 'title=采购总监', '--reason', '本人来电'])).code).toBe(0);
    const raw = new Database(db);
    raw.prepare("UPDATE privacy_requests SET outcome = 'corrected: title', reason = NULL").run();
    raw.close();
    const doc = json<Exported>(await crm(db, ['privacy', 'export', '1', '--reason', '本人书面申请', '--json']));
    expect(doc.privacy_requests).toEqual([expect.objectContaining({ kind: 'correct', reason: null, outcome: 'corrected: title' })]);
    expect((await crm(db, ['--lang', 'zh', 'privacy', 'export', '1', '--reason', '本人书面申请'])).stdout).toContain('corrected: title');
  });

  test.each([
    [['privacy', 'export', '1']],
    [['privacy', 'correct', '1', '--set', 'title=采购总监']],
    [['privacy', 'erase', '1']],
  ])('%j without --reason is refused (exit 2, one line saying how), nothing recorded', async (argv) => {
    const before = snapshot(db);
    const r = await crm(db, argv);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^error: --reason is missing: every request about personal data .* is recorded with its reason .*--reason "/)]);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(db)).toEqual(before);
    expect((await crm(db, ['--lang', 'zh', ...argv])).stderr).toMatch(/^错误：缺少 --reason：每项个人信息请求（导出、更正、删除）都须登记原因/);
  });

  test("correct takes the card's Chinese terms and a full-width ＝, as contact update does", async () => {
    const r = json<{ changed: string[] }>(await crm(db, ['privacy', 'correct', '1', '--set', '职务＝采购总监', '手机=13900139000', '--reason', '本人来电', '--json']));
    expect(r.changed).toEqual(['title', 'mobile']);
    expect(query(db, 'SELECT title, mobile FROM contacts WHERE id = 1')).toEqual([{ title: '采购总监', mobile: '13900139000' }]);
  });

  test('correct refuses a bad value and writes nothing', async () => {
    const before = snapshot(db);
    const r = await crm(db, ['privacy', 'correct', '1', '--set', 'mobile=1380013800', '--reason', '本人来电']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mobile/);
    expect(snapshot(db)).toEqual(before);
    expect((await crm(db, ['privacy', 'correct', '1', '--set', 'name=', '--reason', '本人来电'])).code).toBe(2);
    expect(requests()).toEqual([]);
  });

  test('correct changes the contact, the history shows it, the request lists the fields', async () => {
    const r = await crm(db, ['privacy', 'correct', '1', '--set', 'mobile=+86 139-0013-9000', 'email=WQ@Example.com', '--reason', '号码已更换'], { login: 'wangfang' });
    // A region manager is not among those who handle such requests.
    expect(r.code).toBe(3);
    expect(json<{ changed: string[] }>(await crm(db, ['privacy', 'correct', '1', '--set', 'mobile=+86 139-0013-9000', 'email=WQ@Example.com', '--reason', '号码已更换', '--json'])).changed).toEqual(['mobile', 'email']);
    expect(query(db, 'SELECT mobile, email FROM contacts WHERE id = 1')).toEqual([{ mobile: '13900139000', email: 'WQ@Example.com' }]);
    expect(contactRows(1).filter((h) => h.command === 'privacy correct').map((h) => [h.field, h.old_value, h.new_value])).toEqual([
      ['mobile', MOBILE, '13900139000'],
      ['email', EMAIL, 'WQ@Example.com'],
    ]);
    expect(json<{ id: string }[]>(await crm(db, ['list', '--search', '13900139000', '--json'])).map((c) => c.id)).toEqual(['C000001']);
    expect(requests()).toEqual([expect.objectContaining({ kind: 'correct', reason: '号码已更换', outcome: '{"fields":["mobile","email"]}', os_login: 'admin' })]);

    const again = await crm(db, ['privacy', 'correct', '1', '--set', 'mobile=13900139000', '--reason', '本人再次来电']);
    expect(again.stdout).toMatch(/nothing to correct/);
    expect(requests().at(-1)).toMatchObject({ kind: 'correct', reason: '本人再次来电', outcome: '{"fields":[]}' });
  });

  test('erase leaves no trace of the person in the file or its -wal, and keeps the customer', async () => {
    // A second connection held open, as another crm might hold it: the -wal file then outlives
    // each command, and only erase's checkpoint empties it.
    const holder = new Database(db);
    try {
      holder.prepare('SELECT count(*) FROM staff').get();
      // The company's phone is the person's mobile: a customer-level value and history row.
      expect((await crm(db, ['update', 'C1', '--set', `phone=${MOBILE}`, 'industry=电子', '--allow-duplicate'])).code).toBe(0);
      expect((await crm(db, ['privacy', 'export', '1', '--reason', `${NAME}来电查询`])).code).toBe(0);
      const files = () => [db, `${db}-wal`].filter(existsSync).map((f) => readFileSync(f));
      const found = (text: string) => files().some((bytes) => bytes.includes(Buffer.from(text, 'utf8')));
      expect([MOBILE, NAME, EMAIL].map(found)).toEqual([true, true, true]);

      const r = await crm(db, ['privacy', 'erase', '1', '--reason', `${NAME}本人书面申请删除`, '--json'], { login: 'zhaomin' });
      expect(json(r)).toMatchObject({ id: 1, customer_id: 'C000001', erased_fields: ['name', 'title', 'mobile', 'email', 'hobbies'], customer_fields_cleared: ['phone'] });
      expect([MOBILE, NAME, EMAIL].map(found)).toEqual([false, false, false]);
    } finally {
      holder.close();
    }

    const card = json<{ name: string; phone: string | null; industry: string; contacts: { name: string }[] }>(await crm(db, ['show', 'C000001', '--json']));
    expect(card).toMatchObject({ name: '华强电子', phone: null, industry: '电子', contacts: [{ name: '刘洋' }] });
    expect((await crm(db, ['show', 'C000001'])).code).toBe(0);
    expect((await crm(db, ['history', 'C000001'])).code).toBe(0);
    expect(json<{ contacts: unknown[] }>(await crm(db, ['show', 'C000002', '--json'])).contacts).toHaveLength(1);
    expect(json<unknown[]>(await crm(db, ['list', '--search', MOBILE, '--json']))).toEqual([]);
    expect(json<unknown[]>(await crm(db, ['list', '--search', 'liuyang', '--json']))).toHaveLength(1);

    // Only the person's values went: the company's earlier phone stays in its history.
    const phoneChange = query<Change>(db, "SELECT * FROM history WHERE entity = 'customer' AND field = 'phone' AND command = 'update'");
    expect(phoneChange.map((h) => [h.old_value, h.new_value])).toEqual([['+8675583765432', '[erased]']]);
    const created = contactRows(1)[0]!;
    expect(JSON.parse(created.new_value!)).toEqual({ name: '[erased]', title: '[erased]', mobile: '[erased]', email: '[erased]', hobbies: '[erased]' });
    expect(contactRows(2)[0]!.new_value).toMatch(/刘洋/);

    const erase = requests().at(-1)!;
    expect(erase).toMatchObject({ kind: 'erase', contact_id: 1, customer_id: 1, os_login: 'zhaomin', reason: '[erased]本人书面申请删除' });
    expect(JSON.parse(erase.outcome)).toEqual({ contact: 1, held: ['name', 'title', 'mobile', 'email', 'hobbies'], customer_cleared: ['phone'], history_rows_scrubbed: 3 });
    expect(requests()[0]!.reason).toBe('[erased]来电查询');
  });

  test('a reused contact id starts afresh: the erased person is not exported with it', async () => {
    expect((await crm(db, ['privacy', 'erase', '3', '--reason', '离职'])).code).toBe(0);
    const added = json<{ id: number }>(await crm(db, ['contact', 'add', 'C2', '--name', '周新', '--json']));
    expect(added.id).toBe(3);
    const doc = json<Exported>(await crm(db, ['privacy', 'export', '3', '--reason', '本人来电查询', '--json']));
    expect(doc.contact).toMatchObject({ name: '周新' });
    expect(doc.history.map((h) => h.command)).toEqual(['contact add']);
    expect(doc.privacy_requests).toEqual([]);

    // The same after an ordinary removal: 周新's export is not about the next contact 3.
    expect((await crm(db, ['contact', 'remove', '3'])).code).toBe(0);
    const tomorrow = { now: new Date(FIXED_NOW.getTime() + 86_400_000) };
    expect(json<{ id: number }>(await crm(db, ['contact', 'add', 'C2', '--name', '吴迪', '--json'], tomorrow)).id).toBe(3);
    const next = json<Exported>(await crm(db, ['privacy', 'export', '3', '--reason', '本人来电查询', '--json'], tomorrow));
    expect(next.history.map((h) => h.command)).toEqual(['contact add']);
    expect(next.privacy_requests).toEqual([]);
  });

  test.each([
    [['privacy', 'export', '1', '--reason', '本人申请'], 'zhangwei', 3],
    [['privacy', 'correct', '1', '--set', 'title=x', '--reason', '本人申请'], 'zhangwei', 3],
    [['privacy', 'erase', '1', '--reason', '本人申请'], 'zhangwei', 3],
    [['privacy', 'erase', '1', '--reason', '本人申请'], 'guest', 3],
    [['privacy', 'export', '99', '--reason', '本人申请'], 'admin', 1],
    [['privacy', 'erase', '99', '--reason', '本人申请'], 'admin', 1],
    [['privacy', 'erase', '1', '--reason', '   '], 'admin', 2],
    [['privacy', 'erase', '1'], 'admin', 2],
    [['privacy', 'export', '1', '--reason', ''], 'admin', 2],
    [['privacy', 'erase', 'abc', '--reason', '本人申请'], 'admin', 2],
  ])('%j by %s: exit %i, nothing changed', async (argv, login, code) => {
    const before = query(db, 'SELECT * FROM contacts ORDER BY id');
    const r = await crm(db, argv, { login });
    expect(r.code).toBe(code);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(query(db, 'SELECT * FROM contacts ORDER BY id')).toEqual(before);
    expect(requests()).toEqual([]);
  });
});
