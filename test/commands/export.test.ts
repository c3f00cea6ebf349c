import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PassThrough, Readable } from 'node:stream';
import readXlsx from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import { beforeEach, describe, expect, test } from 'vitest';
import { run } from '../../src/main.js';
import { CSV_KEYS } from '../../src/commands/export.js';
import { detectLayout, FILE_FIELDS } from '../../src/domain/import-layout.js';
import { query } from '../support/db.js';
import { crm, crmOk, json, seededDb, useTempDir } from '../support/run.js';

type Rec = Record<string, string>;

/** The CSV's records keyed by the header (after checking and dropping the BOM). */
function records(text: string): Rec[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1), { columns: true }) as Rec[];
}

describe('crm export', () => {
  const dir = useTempDir();
  let db = '';

  beforeEach(async () => {
    db = await seededDb(dir());
    const add = async (argv: string[]) => {
      const r = await crm(db, ['add', ...argv]);
      if (r.code !== 0) throw new Error(r.stderr);
    };
    await add(['--name', '深圳市华强电子有限公司', '--region', '华南', '--industry', '电子', '--grade', 'A', '--status', 'cooperating', '--owner', 'zhangwei',
      '--phone', '0755-83765432', '--contact-name', '王强', '--contact-title', '采购经理', '--contact-mobile', '13800138000', '--contact-email', 'wq@hq.cn']);
    await add(['--name', '上海中兴贸易有限公司', '--region', '华东', '--industry', '贸易', '--grade', 'B', '--owner', 'lina',
      '--contact-name', '单田芳', '--contact-mobile', '13912345678', '--contact-email', 'stf@zx.cn', '--contact-hobbies', '高尔夫']);
    await add(['--name', '=HYPERLINK("http://evil.example","点我")', '--region', '华南', '--industry', '@SUM(A1:A9)', '--owner', 'lina',
      '--phone', '+44 20 7946 0958', '--contact-name', '+王', '--contact-title', '-经理']);
    await crm(db, ['update', 'C000003', '--add-staff', 'zhangwei']);
  });

  test('CSV --raw: BOM, CRLF, one header row of keys, codes, Chinese text and displayed phones', async () => {
    const r = await crm(db, ['export', '--format', 'csv', '--raw']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe(
      '\uFEFFid,name,address,postal_code,phone,fax,email,website,region,industry,product_line,uscc,legal_rep,founded_on,ownership_type,' +
        'registered_capital,business_scope,bank_name,bank_account,site_area,revenue,employees,purchasing_style,needs,business_trend,' +
        'current_suppliers,source,source_detail,referred_by,kind,parent,status,grade,churn_reason,owner,contact_name,contact_title,contact_mobile,contact_email',
    );
    expect(r.stdout.replace(/\r\n/g, '')).not.toContain('\n'); // CRLF only
    const rows = records(r.stdout);
    expect(rows.map((x) => x.id)).toEqual(['C000001', 'C000002', 'C000003']);
    expect(rows[0]).toMatchObject({ name: '深圳市华强电子有限公司', region: '华南', status: 'cooperating', grade: 'A', owner: 'zhangwei',
      phone: '0755 8376 5432', contact_name: '王强', contact_title: '采购经理', contact_mobile: '138 0013 8000', contact_email: 'wq@hq.cn' });
    // Stored as +8675583765432: exported in national form, so not neutralised.
    expect(r.stdout).not.toContain('+86');
  });

  test('CSV for people: headed by the card’s labels in the user’s language, enumerations as the policy’s terms', async () => {
    await crmOk(db, ['update', 'C000001', '--set', 'ownership_type=private', 'source=trade-show', 'registered_capital=500万']);
    const fields = ['--fields', 'id,name,status,grade,ownership_type,source,kind,registered_capital,owner,contact_name,contact_mobile'];
    const zh = await crm(db, ['export', ...fields], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFF客户编号,企业名称,客户状态,客户等级,企业性质,收集渠道,往来单位类别,注册资本,负责人,联系人,联系人手机',
      // Money stays a number a spreadsheet can sum; codes become terms.
      'C000001,深圳市华强电子有限公司,已合作,A类客户,私营企业,展会/名片,客户,5000000,zhangwei,王强,138 0013 8000',
    ]);
    const en = await crm(db, ['export', ...fields, '--lang', 'en']);
    expect(en.stdout.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFCustomer ID,Company name,Status,Grade,Ownership type,Source,"Kind (customer, supplier, distributor, special)",Registered capital (CNY),Owner (staff login),Contact name,Contact mobile',
      'C000001,深圳市华强电子有限公司,cooperating (signed),A,private,trade show / business card,customer,5000000,zhangwei,王强,138 0013 8000',
    ]);
    // An ungraded potential customer: the empty grade stays empty.
    expect(zh.stdout.split('\r\n')[2]).toBe('C000002,上海中兴贸易有限公司,潜在客户,B类客户,,,客户,,lina,单田芳,139 1234 5678');
    expect((await crm(db, ['export', '--fields', 'name,grade', '--lang', 'zh'])).stdout.split('\r\n')[3]).toBe(`"'=HYPERLINK(""http://evil.example"",""点我"")",`);
  });

  test('--raw leaves JSON as it is', async () => {
    expect((await crm(db, ['export', '--format', 'json', '--raw'])).stdout).toBe((await crm(db, ['export', '--format', 'json'])).stdout);
  });

  test.each(['zh', 'en'] as const)('the %s headers that describe a card field are the ones crm import recognises', async (lang) => {
    const header = parse((await crm(db, ['export', '--lang', lang])).stdout.slice(1), { to: 1 })[0] as string[];
    const targets = Object.fromEntries(detectLayout(header).columns.map((c) => [c.header, c.target]));
    const label = (key: string) => header[CSV_KEYS.indexOf(key)]!;
    const expected: Record<string, string> = {
      // Beside the contact's own mobile and e-mail, the plain phone and e-mail are the company's.
      name: 'company', address: 'address', postal_code: 'postal_code', phone: 'company_phone', fax: 'fax', email: 'company_email', website: 'website', region: 'region',
      uscc: 'uscc', contact_name: 'name', contact_title: 'title', contact_mobile: 'mobile', contact_email: 'email', industry: 'industry',
      // The customer number: the row is that file.
      id: 'file_id',
      // The customer's other descriptive fields, under their own keys.
      ...Object.fromEntries(FILE_FIELDS.map((k) => [k, k])),
    };
    for (const [key, target] of Object.entries(expected)) expect([key, targets[label(key)]]).toEqual([key, target]);
    expect(Object.keys(targets)).toHaveLength(Object.keys(expected).length); // nothing else is taken for a card field
    // The rest is left to the commands that keep their rules, and said so — none is "unused".
    const layout = detectLayout(header);
    expect(layout.unmapped).toEqual([]);
    expect(layout.managed.map((h) => CSV_KEYS[header.indexOf(h)])).toEqual(['source', 'source_detail', 'referred_by', 'kind', 'parent', 'status', 'grade', 'churn_reason', 'owner']);
  });

  test('round trip: a zh export imports into a fresh database as the same customers and contacts', async () => {
    await crmOk(db, ['update', 'C000001', '--set', 'address=深圳市福田区华强北路1号', 'postal_code=518000', 'uscc=91440300MA5F5Y5X01', 'website=www.hq.cn']);
    const out = join(dir(), '客户.csv');
    await crmOk(db, ['export', '--out', out], { env: { LANG: 'zh_CN.UTF-8' } });
    const fresh = join(dir(), 'fresh', 'crm.db');
    mkdirSync(join(dir(), 'fresh'));
    await crmOk(fresh, ['init']);
    const imported = await crm(fresh, ['import', out, '--json'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(imported.code).toBe(0);
    const before = json<Record<string, unknown>[]>(await crm(db, ['export', '--format', 'json']));
    const after = json<Record<string, unknown>[]>(await crm(fresh, ['export', '--format', 'json']));
    const card = (c: Record<string, unknown>) => ({
      name: c.name, address: c.address, postal_code: c.postal_code, uscc: c.uscc, website: c.website, region: c.region, industry: c.industry,
      phone: c.phone, email: c.email,
      contacts: (c.contacts as Record<string, unknown>[]).map((p) => ({ name: p.name, title: p.title, mobile: p.mobile, email: p.email })),
    });
    expect(after.map(card)).toEqual(before.map(card));
    expect(after[0]).toMatchObject({ name: '深圳市华强电子有限公司', address: '深圳市福田区华强北路1号', uscc: '91440300MA5F5Y5X01' });
    expect(after[2]!.name).toBe('=HYPERLINK("http://evil.example","点我")'); // the neutralising quote came off again
  });

  test('a company renamed in the exported sheet is renamed by --on-duplicate update (found by its 客户编号); a number from another database is not followed', async () => {
    const out = join(dir(), '改名.csv');
    await crmOk(db, ['export', '--out', out, '--lang', 'zh']);
    const [head, ...rows] = parse(readFileSync(out, 'utf8').slice(1)) as string[][];
    const at = (label: string) => head!.indexOf(label);
    rows[0]![at('企业名称')] = '深圳市华强电子集团有限公司';
    // Another database's C000002 is some other company with other people: a new file here.
    rows[1]![at('企业名称')] = '杭州某某科技有限公司';
    rows[1]![at('联系人')] = '周杰';
    rows[1]![at('联系人手机')] = '13566667777';
    rows[1]![at('联系邮箱')] = '';
    rows.push(head!.map((h) => (h === '客户编号' ? 'C00000X' : h === '企业名称' ? '宁波某某贸易有限公司' : '')));
    writeFileSync(out, '\uFEFF' + [head!, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'));
    const r = await crm(db, ['import', out, '--on-duplicate', 'update', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows_read: 4, updated: 1, customers_created: 1, rejected: 1 });
    expect(r.stderr).toContain('customer id "C00000X" is not a customer id');
    expect(query<{ id: number; name: string }>(db, 'SELECT id, name FROM customers ORDER BY id')).toEqual([
      { id: 1, name: '深圳市华强电子集团有限公司' },
      { id: 2, name: '上海中兴贸易有限公司' },
      { id: 3, name: '=HYPERLINK("http://evil.example","点我")' },
      { id: 4, name: '杭州某某科技有限公司' },
    ]);
    expect(query(db, "SELECT old_value, new_value FROM history WHERE entity = 'customer' AND entity_id = 1 AND field = 'name'")).toEqual([
      { old_value: '深圳市华强电子有限公司', new_value: '深圳市华强电子集团有限公司' },
    ]);
  });

  test('export, correct in Excel, import with --on-duplicate update: the corrections land, the company keeps its phone and e-mail, the contact its own', async () => {
    await crmOk(db, ['update', 'C000001', '--set', 'email=info@hq.cn']);
    const before = json<Record<string, unknown>[]>(await crm(db, ['export', '--format', 'json']));
    const out = join(dir(), '客户.csv');
    await crmOk(db, ['export', '--out', out], { env: { LANG: 'zh_CN.UTF-8' } });
    const [head, ...rows] = parse(readFileSync(out, 'utf8').slice(1)) as string[][];
    const cell = (label: string, value: string) => (rows[0]![head!.indexOf(label)] = value);
    cell('所属行业', '电子元器件');
    cell('法人代表', '张华强');
    cell('注册资本', '5000万');
    cell('企业性质', '私营企业');
    cell('员工人数', '320');
    cell('客户等级', 'C'); // left to crm update: said, not taken
    writeFileSync(out, '\uFEFF' + [head!, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'));
    const r = await crm(db, ['import', out, '--on-duplicate', 'update'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('未使用的列');
    expect(r.stderr).toContain('这些列不由导入修改：收集渠道、'); // names listed as Chinese lists them
    const after = json<Record<string, unknown>[]>(await crm(db, ['export', '--format', 'json']));
    expect(after[0]).toMatchObject({ legal_rep: '张华强', registered_capital: 50_000_000, ownership_type: 'private', employees: 320, grade: 'A' });
    expect(after[0]).toMatchObject({ industry: '电子元器件', phone: before[0]!.phone, email: 'info@hq.cn', contacts: [expect.objectContaining({ name: '王强', email: 'wq@hq.cn', phone: null, notes: null })] });
    expect(after.slice(1)).toEqual(before.slice(1).map((c) => ({ ...c, updated_at: expect.any(String) })));
  });

  test.each([
    ['zh', 'zh_CN.UTF-8', { legal: '法人代表', capital: '注册资本', address: '地址', title: '职务', industry: '所属行业', email: '联系邮箱' }],
    ['en', 'en_US.UTF-8', { legal: 'Legal representative', capital: 'Registered capital (CNY)', address: 'Address', title: 'Job title', industry: 'Industry', email: 'Contact e-mail' }],
  ])('bulk edit in Excel (%s): export xlsx, change and empty cells, import --on-duplicate update: emptied cells clear the fields', async (_lang, LANG, col) => {
    await crmOk(db, ['update', 'C000001', '--set', 'address=深圳市福田区华强北路1号', 'legal_rep=王建国', 'registered_capital=5000000']);
    const out = join(dir(), 'files.xlsx');
    await crmOk(db, ['export', '--out', out], { env: { LANG } });
    const [head, ...rows] = (await readXlsx(readFileSync(out)))[0]!.data;
    const cell = (row: number, label: string, value: string | null) => {
      expect(head).toContain(label);
      rows[row]![head!.indexOf(label)] = value;
    };
    cell(0, col.legal, '陈刚');
    cell(0, col.capital, '20000000');
    cell(0, col.title, '副总经理');
    cell(0, col.address, null); // emptied: the company moved, its new address not yet known
    cell(1, col.industry, null);
    cell(1, col.email, null);
    writeFileSync(out, await writeExcelFile([head!, ...rows].map((r) => r.map((v) => (v === null ? null : { value: v, type: typeof v === 'number' ? Number : String }))) as never).toBuffer());
    const r = await crm(db, ['import', out, '--on-duplicate', 'update', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows_read: 3, updated: 2, skipped: 1, customers_created: 0, contacts_created: 0 });
    const after = json<Record<string, unknown>[]>(await crm(db, ['export', '--format', 'json']));
    expect(after[0]).toMatchObject({ legal_rep: '陈刚', registered_capital: 20_000_000, address: null, phone: '+8675583765432', contacts: [expect.objectContaining({ name: '王强', title: '副总经理', mobile: '13800138000' })] });
    expect(after[1]).toMatchObject({ industry: null, region: '华东', contacts: [expect.objectContaining({ name: '单田芳', mobile: '13912345678', email: null })] });
    // Each cleared field is in the history, its old value kept.
    expect(query(db, "SELECT entity, field, old_value FROM history WHERE command LIKE 'import #%' AND new_value IS NULL ORDER BY id")).toEqual([
      { entity: 'customer', field: 'address', old_value: '深圳市福田区华强北路1号' },
      { entity: 'customer', field: 'industry', old_value: '贸易' },
      { entity: 'contact', field: 'email', old_value: 'stf@zx.cn' },
    ]);
    // merge fills only empty fields: an emptied cell clears nothing there.
    await crmOk(db, ['update', 'C000002', '--set', 'industry=贸易']);
    await crmOk(db, ['import', out, '--on-duplicate', 'merge']);
    expect(json<Record<string, unknown>>(await crm(db, ['show', 'C000002', '--json'])).industry).toBe('贸易');
  });

  test('--out with an extension that names no export format (客户.xls) is refused before anything is logged', async () => {
    const out = join(dir(), '客户.xls');
    const r = await crm(db, ['export', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.csv .xlsx .json');
    expect(existsSync(out)).toBe(false);
    expect(query(db, "SELECT 1 FROM access_log WHERE action = 'export'")).toEqual([]);
    // Asked for by name, the format goes under any name; no extension is CSV.
    expect((await crm(db, ['export', '--out', out, '--format', 'csv'])).code).toBe(0);
    expect((await crm(db, ['export', '--out', join(dir(), 'customers')])).code).toBe(0);
    expect(readFileSync(join(dir(), 'customers'), 'utf8')).toMatch(/^\uFEFFCustomer ID,/);
  });

  test('xlsx: a workbook with the data as it was — long digit strings, leading zeros and formula-like names as text, money as a number', async () => {
    await crmOk(db, ['update', 'C000001', '--set', 'bank_account=6222021234567890123', 'postal_code=010000', 'registered_capital=5000000', 'uscc=91440300MA5F5Y5X01']);
    const out = join(dir(), '客户.xlsx');
    const r = await crm(db, ['export', '--out', out], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已导出 3 个客户');
    const [sheet] = await readXlsx(readFileSync(out));
    expect(sheet!.sheet).toBe('客户');
    const [head, ...rows] = sheet!.data;
    expect(head!.slice(0, 3)).toEqual(['客户编号', '企业名称', '地址']);
    const at = (row: number, key: string) => rows[row]![CSV_KEYS.indexOf(key)];
    expect(rows.map((row) => row[0])).toEqual(['C000001', 'C000002', 'C000003']);
    expect([at(0, 'bank_account'), at(0, 'postal_code'), at(0, 'registered_capital'), at(0, 'status'), at(0, 'contact_mobile')]).toEqual([
      '6222021234567890123', '010000', 5000000, '已合作', '138 0013 8000',
    ]);
    // Typed as text, a formula-like name needs no quote in front: it is shown as written.
    expect([at(2, 'name'), at(2, 'industry'), at(2, 'contact_name')]).toEqual(['=HYPERLINK("http://evil.example","点我")', '@SUM(A1:A9)', '+王']);
    expect(query(db, "SELECT count(*) AS n FROM access_log WHERE action = 'export'")).toEqual([{ n: 3 }]);
    // --raw: keys and codes, as in the CSV.
    await crmOk(db, ['export', '--out', out, '--raw', '--fields', 'id,status']);
    expect((await readXlsx(readFileSync(out)))[0]!.data).toEqual([['id', 'status'], ['C000001', 'cooperating'], ['C000002', 'potential'], ['C000003', 'potential']]);
  });

  test('xlsx without --out: refused on a terminal (bytes would garble it), written to a pipe', async () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    const err = new PassThrough();
    const said: Buffer[] = [];
    err.on('data', (c: Buffer) => said.push(c));
    const code = await run(['--db', db, 'export', '--format', 'xlsx'], {
      io: { stdin: Readable.from(['']), stdout: tty, stderr: err },
      env: { LANG: 'en_US.UTF-8' },
      now: () => new Date('2026-11-23T10:00:00+08:00'),
      osLogin: 'admin',
    });
    expect(code).toBe(2);
    expect(Buffer.concat(said).toString()).toMatch(/binary and cannot be shown on a terminal: name its file with --out/);
    expect(query(db, "SELECT 1 FROM access_log WHERE action = 'export'")).toEqual([]);
  });

  test('CSV: cells a spreadsheet would take for a formula are neutralised, contacts included', async () => {
    const row = records((await crm(db, ['export', '--raw'])).stdout)[2]!;
    expect(row.name).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(row.industry).toBe("'@SUM(A1:A9)");
    expect(row.phone).toBe("'+442079460958"); // international numbers keep their +
    expect(row.contact_name).toBe("'+王");
    expect(row.contact_title).toBe("'-经理");
    for (const cell of Object.values(records((await crm(db, ['export'])).stdout).flatMap((x) => Object.values(x)))) {
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  test('--fields keeps the listed keys in that order; an unknown key is exit 2 naming the allowed ones', async () => {
    const r = await crm(db, ['export', '--raw', '--fields', 'name,id', '--fields', 'contact_mobile']);
    expect(r.stdout).toBe('\uFEFFname,id,contact_mobile\r\n深圳市华强电子有限公司,C000001,138 0013 8000\r\n上海中兴贸易有限公司,C000002,139 1234 5678\r\n' +
      `"'=HYPERLINK(""http://evil.example"",""点我"")",C000003,\r\n`);
    const bad = await crm(db, ['export', '--fields', 'name,secret']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('"secret"');
    expect(bad.stderr).toContain('contact_email');
    const badJson = await crm(db, ['export', '--format', 'json', '--fields', 'contact_email']);
    expect(badJson.code).toBe(2); // a CSV column, not a card key
    expect(badJson.stderr).toContain('contacts');
  });

  test('JSON: full cards with contacts, --fields choosing top-level keys; one line for a program, indented on a terminal', async () => {
    const piped = await crm(db, ['export', '--format', 'json']);
    const cards = json<Record<string, unknown>[]>(piped);
    expect(piped.stdout).toBe(JSON.stringify(cards) + '\n');
    expect((await crm(db, ['export', '--format', 'json'], { stdoutTTY: true })).stdout).toBe(JSON.stringify(cards, null, 2) + '\n');
    expect(cards.map((c) => c.id)).toEqual(['C000001', 'C000002', 'C000003']);
    expect(cards[0]).toMatchObject({ name: '深圳市华强电子有限公司', phone: '+8675583765432', owner: 'zhangwei', verified: false,
      contacts: [expect.objectContaining({ name: '王强', mobile: '13800138000', email: 'wq@hq.cn' })] });
    expect(cards[2]!.staff).toEqual(['zhangwei']);
    const picked = json<Record<string, unknown>[]>(await crm(db, ['export', '--format', 'json', '--fields', 'id,contacts']));
    expect(Object.keys(picked[1]!)).toEqual(['id', 'contacts']);
    expect(picked[1]!.contacts).toEqual([expect.objectContaining({ name: '单田芳', hobbies: '高尔夫' })]);
  });

  test.each([
    [['--region', '华南'], ['C000001', 'C000003']],
    [['--owner', 'lina'], ['C000002', 'C000003']],
    [['--grade', 'b'], ['C000002']],
    [['--search', '华强'], ['C000001']],
    [['--status', 'cooperating', '--region', '华东'], []],
  ])('list filters %j', async (filters, expected) => {
    const cards = json<{ id: string }[]>(await crm(db, ['export', ...filters, '--format', 'json']));
    expect(cards.map((c) => c.id)).toEqual(expected);
  });

  test('a bad filter is a usage error; an unknown owner is exit 1', async () => {
    expect((await crm(db, ['export', '--tier', 'platinum'])).code).toBe(2);
    expect((await crm(db, ['export', '--search', '  '])).code).toBe(2);
    expect((await crm(db, ['export', '--owner', 'nobody'])).code).toBe(1);
  });

  test('only what the caller may see: a rep exports their own customers, a guest nothing', async () => {
    const as = async (login: string) => records((await crm(db, ['export', '--raw'], { login })).stdout).map((x) => x.id);
    expect(await as('zhangwei')).toEqual(['C000001', 'C000003']); // owner, and staff contact of C000003
    expect(await as('lina')).toEqual(['C000002', 'C000003']);
    expect(await as('guest')).toEqual([]);
    expect((await crm(db, ['export', '--raw'], { login: 'guest' })).stdout).toMatch(/^\uFEFFid,name,.*\r\n$/); // the header alone
  });

  test('each exported customer is one access-log row with its basis', async () => {
    await crm(db, ['export', '--region', '华南'], { login: 'zhangwei' });
    const rows = query<{ customer_id: number; basis: string; login: string }>(
      db, "SELECT l.customer_id, l.basis, s.login FROM access_log l JOIN staff s ON s.id = l.staff_id WHERE l.action = 'export' ORDER BY l.id");
    expect(rows).toEqual([
      { customer_id: 1, basis: 'own', login: 'zhangwei' },
      { customer_id: 3, basis: 'own', login: 'zhangwei' },
    ]);
  });

  test('a file seen through an approved request is exported with its contacts’ personal data masked', async () => {
    const req = json<{ id: number }>(await crm(db, ['access', 'request', '--customer', 'C2', '--purpose', 'x', '--json'], { login: 'zhangwei' }));
    expect((await crm(db, ['access', 'approve', String(req.id)], { login: 'zhaomin' })).code).toBe(0);

    const rows = records((await crm(db, ['export', '--raw'], { login: 'zhangwei' })).stdout);
    expect(rows.map((x) => x.id)).toEqual(['C000001', 'C000002', 'C000003']);
    expect(rows[1]).toMatchObject({ contact_name: '单田芳', contact_mobile: '139****5678', contact_email: 's***@zx.cn' });
    expect(rows[0]!.contact_mobile).toBe('138 0013 8000'); // own customer: unmasked

    const cards = json<{ id: string; contacts: Record<string, unknown>[] }[]>(await crm(db, ['export', '--format', 'json'], { login: 'zhangwei' }));
    expect(cards[1]!.contacts[0]).toMatchObject({ mobile: '139****5678', email: 's***@zx.cn', hobbies: null });
    expect(cards[0]!.contacts[0]).toMatchObject({ mobile: '13800138000' });

    const log = query<{ customer_id: number; basis: string }>(db, "SELECT customer_id, basis FROM access_log WHERE action = 'export' AND customer_id = 2");
    expect(log).toEqual([
      { customer_id: 2, basis: `request:${req.id}` },
      { customer_id: 2, basis: `request:${req.id}` },
    ]);
  });

  test('--out writes the file atomically (0600, no temp left), nothing on stdout', async () => {
    const out = join(dir(), 'customers.csv');
    const r = await crm(db, ['export', '--raw', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Exported 3 customers');
    const text = readFileSync(out, 'utf8');
    expect(records(text).map((x) => x.id)).toEqual(['C000001', 'C000002', 'C000003']);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('--out x.json without --format writes JSON; --format still wins over the extension', async () => {
    const out = join(dir(), 'customers.json');
    expect((await crm(db, ['export', '--out', out])).code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { id: string }[]).map((c) => c.id)).toEqual(['C000001', 'C000002', 'C000003']);
    expect((await crm(db, ['export', '--out', out, '--format', 'csv', '--raw'])).code).toBe(0);
    expect(records(readFileSync(out, 'utf8')).map((x) => x.id)).toEqual(['C000001', 'C000002', 'C000003']);
  });

  test('--out naming a directory is refused before anything is read or logged (exit 2)', async () => {
    const r = await crm(db, ['export', '--out', dir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a directory: give a file name/);
    expect(query(db, "SELECT 1 FROM access_log WHERE action = 'export'")).toEqual([]);
  });

  test('--out into a missing directory fails with nothing written and nothing logged', async () => {
    const out = join(dir(), 'missing', 'customers.csv');
    const r = await crm(db, ['export', '--out', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(query(db, "SELECT 1 FROM access_log WHERE action = 'export'")).toEqual([]);
  });
});
