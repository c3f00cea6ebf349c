import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { query, snapshot } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

const FIXTURE = new URL('../fixtures/card-huaqiang.json', import.meta.url).pathname;

interface CardJson {
  id: string;
  [key: string]: unknown;
  contacts: Record<string, unknown>[];
}

describe('crm add (scripts)', () => {
  const dir = useTempDir();

  test('a JSON card is stored normalised and shown back with the contract keys', async () => {
    const db = await seededDb(dir());
    const added = json<{ id: string }>(await crm(db, ['add', '--json', FIXTURE]));
    expect(added.id).toMatch(/^C\d{6}$/);
    const card = json<CardJson>(await crm(db, ['show', added.id, '--json']));
    expect(card).toMatchObject({
      id: added.id,
      name: '深圳市华强电子有限公司',
      uscc: '91440300MA5F5Y5X01',
      phone: '+8675583765432',
      fax: '+8675583765433',
      founded_on: '2003-05-18',
      ownership_type: 'private',
      registered_capital: 50_000_000,
      revenue: 120_000_000,
      employees: 320,
      source: 'trade-show',
      status: 'potential',
      grade: 'B',
      owner: 'zhangwei',
      staff: ['lina'],
      verified: false,
    });
    for (const key of ['address', 'postal_code', 'email', 'website', 'legal_rep', 'industry', 'business_scope', 'region', 'product_line']) {
      expect(card).toHaveProperty(key);
    }
    expect(card.contacts).toEqual([
      expect.objectContaining({ name: '王强', title: '采购经理', mobile: '13800138000', decision_maker: true, birthday: '--03-15', hobbies: '羽毛球' }),
      expect.objectContaining({ name: '刘洋', phone: '+8675583765432;ext=801', decision_maker: false, mobile: null }),
    ]);
    for (const c of card.contacts) expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'name', 'title', 'mobile', 'phone', 'email', 'birthday', 'hobbies', 'decision_maker']));
  });

  test('show --json output can be fed back to add (read-only keys are ignored)', async () => {
    const db = await seededDb(dir());
    const first = json<{ id: string }>(await crm(db, ['add', '--json', FIXTURE]));
    const shown = (await crm(db, ['show', first.id, '--json'])).stdout;
    const second = await crm(db, ['add', '--json', '-', '--allow-duplicate'], { stdin: shown });
    const copy = json<CardJson>(await crm(db, ['show', json<{ id: string }>(second).id, '--json']));
    const original = JSON.parse(shown) as CardJson;
    const strip = (c: CardJson) => ({ ...c, id: null, created_at: null, updated_at: null, contacts: c.contacts.map((k) => ({ ...k, id: null })) });
    expect(strip(copy)).toEqual(strip(original));
  });

  test('a JSON contact with nulls and 1/0 flags is stored, not an internal error', async () => {
    const db = await seededDb(dir());
    const doc = { name: '空值公司', phone: null, contacts: [{ name: '甲', decision_maker: null }, { name: '乙', decision_maker: 1 }] };
    const added = json<{ id: string }>(await crm(db, ['add', '--json', '-'], { stdin: JSON.stringify(doc) }));
    const card = json<CardJson>(await crm(db, ['show', added.id, '--json']));
    expect(card.contacts.map((c) => c.decision_maker)).toEqual([false, true]);
  });

  test('flags make a card; the new id alone is printed', async () => {
    const db = await seededDb(dir());
    const r = await crm(db, ['add', '--name', '上海中兴贸易', '--phone', '021-62345678', '--region', '华东', '--contact-name', '周杰', '--contact-mobile', '13912345678']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('C000001\n');
    const card = json<CardJson>(await crm(db, ['show', 'C000001', '--json']));
    expect(card).toMatchObject({ name: '上海中兴贸易', phone: '+862162345678', region: '华东', owner: 'admin', status: 'potential' });
    expect(card.contacts).toEqual([expect.objectContaining({ name: '周杰', mobile: '13912345678' })]);
  });

  test('the new file is in the history with who, when and every stored value', async () => {
    const db = await seededDb(dir());
    await crm(db, ['add', '--json', FIXTURE], { login: 'admin' });
    const rows = query<{ entity: string; field: string; old_value: string | null; new_value: string; os_login: string; at: string }>(
      db,
      'SELECT entity, field, old_value, new_value, os_login, at FROM history WHERE customer_id = 1 ORDER BY id',
    );
    expect(rows.map((r) => [r.entity, r.field, r.old_value])).toEqual([
      ['customer', '*', null],
      ['contact', '*', null],
      ['contact', '*', null],
      ['customer_staff', 'staff', null],
    ]);
    expect(JSON.parse(rows[0]!.new_value)).toMatchObject({ name: '深圳市华强电子有限公司', uscc: '91440300MA5F5Y5X01', registered_capital: 50_000_000, owner: 'zhangwei' });
    expect(JSON.parse(rows[1]!.new_value)).toMatchObject({ name: '王强', mobile: '13800138000', decision_maker: true });
    expect(rows[3]!.new_value).toBe('lina');
    expect(rows.every((r) => r.os_login === 'admin' && r.at.startsWith('2026-11-23T'))).toBe(true);
  });

  test.each([
    ['an invalid credit code', ['--name', 'A公司', '--uscc', '91440300MA5F5Y5X0K'], /check character \(expected 1\)/],
    ['a short credit code', ['--name', 'A公司', '--uscc', '9144030'], /not 18 characters/],
    ['a mobile with a digit missing', ['--name', 'A公司', '--contact-name', '王', '--contact-mobile', '1380013800'], /not a valid mobile/],
    ['a landline as mobile', ['--name', 'A公司', '--contact-name', '王', '--contact-mobile', '0755-83765432'], /not a valid mobile/],
    ['an impossible date', ['--name', 'A公司', '--founded-on', '2023-02-29'], /Founded on \(founded_on\) "2023-02-29" is not a real date/],
    ['a bad e-mail', ['--name', 'A公司', '--email', 'info@@x.cn'], /not a valid e-mail/],
    ['a bad amount', ['--name', 'A公司', '--registered-capital', '五百万'], /not an amount/],
    ['an unknown status', ['--name', 'A公司', '--status', 'vip'], /not one of the allowed values/],
    ['an empty name', ['--name', '  '], /Company name \(name\) is required/],
    ['a contact without a name', ['--name', 'A公司', '--contact-mobile', '13800138000'], /Name \(name\) is required/],
    ['a churned customer without reason', ['--name', 'A公司', '--status', '流失'], /churn_reason/],
    ['an unknown owner', ['--name', 'A公司', '--owner', 'nobody'], /not a registered staff member/],
    ['an owner without a customer role', ['--name', 'A公司', '--owner', 'guest'], /"guest" has no customer role/],
    ['a referral to nothing', ['--name', 'A公司', '--referred-by', 'C000999'], /does not exist/],
    ['an escape sequence in a name', ['--name', '\u001b[2J\u001b[31mA公司'], /Company name \(name\) contains the control character U\+001B/],
    ['a bell in a contact', ['--name', 'A公司', '--contact-name', '王强\u0007'], /contains the control character U\+0007/],
  ])('refuses %s with exit 2 and writes nothing', async (_what, argv, message) => {
    const db = await seededDb(dir());
    const before = snapshot(db);
    const r = await crm(db, ['add', ...argv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(snapshot(db)).toEqual(before);
  });

  test.each([
    ['not JSON', '{name:', /does not parse/],
    ['an array', '[]', /one customer object/],
    ['an unknown key', '{"name":"A公司","colour":"red"}', /no field "colour"/],
    ['an object as name', '{"name":{"zh":"A"}}', /Company name \(name\) must be text/],
    ['contacts not an array', '{"name":"A公司","contacts":{}}', /array of contact objects/],
  ])('refuses a JSON card with %s (exit 2)', async (_what, doc, message) => {
    const db = await seededDb(dir());
    const r = await crm(db, ['add', '--json', '-'], { stdin: doc });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshot(db).customers).toBe(0);
  });

  test('without flags and without a terminal it says which flag to pass (exit 2)', async () => {
    const db = await seededDb(dir());
    const r = await crm(db, ['add']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--name.*--json FILE/);
  });

  test('staff without a customer role may not add (exit 3)', async () => {
    const db = await seededDb(dir());
    const r = await crm(db, ['add', '--name', 'X公司'], { login: 'guest' });
    expect(r.code).toBe(3);
  });

  test('a rep may not give a new customer to someone else (exit 3)', async () => {
    const db = await seededDb(dir());
    const r = await crm(db, ['add', '--name', 'X公司', '--owner', 'lina'], { login: 'zhangwei' });
    expect(r.code).toBe(3);
    expect(snapshot(db).customers).toBe(0);
  });
});

describe('duplicates', () => {
  const dir = useTempDir();

  async function withHuaqiang(): Promise<string> {
    const db = await seededDb(dir());
    await crm(db, ['add', '--json', FIXTURE]);
    return db;
  }

  test.each([
    ['the same credit code', ['--name', '别名公司', '--uscc', '91440300ma5f5y5x01'], /same credit code/],
    ['the name in full-width with spaces', ['--name', '深圳市 华强电子'], /same company name/],
    ['the name with another legal form', ['--name', '深圳市华强电子股份有限公司'], /same company name/],
    ['the name with half-width brackets', ['--name', '深圳市华强电子(有限公司)'], /same company name/],
    ['a contact mobile written differently', ['--name', '新公司', '--contact-name', '甲', '--contact-mobile', '138 0013 8000'], /phone number 138 0013 8000\./],
    ['a company phone equal to a contact phone', ['--name', '新公司', '--phone', '+86 755 8376 5432 ext 801'], /phone number 0755 8376 5432 转 801\./],
    ['an e-mail in other case', ['--name', '新公司', '--contact-name', '甲', '--contact-email', 'wang.qiang@HUAQIANG-example.cn'], /e-mail/],
  ])('refuses %s with exit 1 naming the existing id', async (_what, argv, message) => {
    const db = await withHuaqiang();
    const r = await crm(db, ['add', ...argv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('C000001');
    expect(snapshot(db).customers).toBe(1);
    expect((await crm(db, ['add', ...argv, '--allow-duplicate'])).code).toBe(0);
    expect(snapshot(db).customers).toBe(2);
  });

  test('a duplicate number is named as the sheet shows it, in either language; one outside the scope by what was the same', async () => {
    const db = await seededDb(dir());
    await crm(db, ['add', '--name', '东莞华强', '--phone', '0769-22345678', '--owner', 'zhangwei', '--region', '华南']);
    const r = await crm(db, ['add', '--name', '东莞新厂', '--phone', '(0769) 2234 5678']);
    expect([r.code, r.stderr]).toEqual([
      1,
      'error: likely duplicate: customer C000001 "东莞华强" already has the phone number 0769 2234 5678. Check with crm show C000001; add --allow-duplicate if they really differ.\n',
    ]);
    expect((await crm(db, ['--lang', 'zh', 'add', '--name', '东莞新厂', '--phone', '076922345678'])).stderr).toContain('客户 C000001「东莞华强」已有电话 0769 2234 5678。');
    const outside = await crm(db, ['--lang', 'zh', 'add', '--name', '东莞新厂', '--phone', '0769-22345678'], { login: 'lina' });
    expect([outside.code, outside.stderr]).toEqual([1, expect.stringContaining('已有客户 C000001（电话相同），但不在您的负责范围内')]);
    expect((await crm(db, ['add', '--name', '东莞新厂', '--phone', '0769-22345678'], { login: 'lina' })).stderr).toContain('(same phone number)');
    expect(snapshot(db).customers).toBe(1);
  });

  test('a different company with a similar name is not a duplicate', async () => {
    const db = await withHuaqiang();
    expect((await crm(db, ['add', '--name', '深圳市华强电器有限公司'])).code).toBe(0);
  });
});

test('the fixture is real-looking data a clerk would enter', () => {
  const card = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { contacts: unknown[] };
  expect(card.contacts.length).toBeGreaterThan(1);
});
