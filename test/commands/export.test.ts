import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, test } from 'vitest';
import { query } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

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

  test('CSV: BOM, CRLF, one header row of keys, Chinese text and displayed phones', async () => {
    const r = await crm(db, ['export', '--format', 'csv']);
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

  test('CSV: cells a spreadsheet would take for a formula are neutralised, contacts included', async () => {
    const row = records((await crm(db, ['export'])).stdout)[2]!;
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
    const r = await crm(db, ['export', '--fields', 'name,id', '--fields', 'contact_mobile']);
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

  test('JSON: full cards with contacts, --fields choosing top-level keys', async () => {
    const cards = json<Record<string, unknown>[]>(await crm(db, ['export', '--format', 'json']));
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
    const as = async (login: string) => records((await crm(db, ['export'], { login })).stdout).map((x) => x.id);
    expect(await as('zhangwei')).toEqual(['C000001', 'C000003']); // owner, and staff contact of C000003
    expect(await as('lina')).toEqual(['C000002', 'C000003']);
    expect(await as('guest')).toEqual([]);
    expect((await crm(db, ['export'], { login: 'guest' })).stdout).toMatch(/^\uFEFFid,name,.*\r\n$/); // the header alone
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

    const rows = records((await crm(db, ['export'], { login: 'zhangwei' })).stdout);
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
    const r = await crm(db, ['export', '--out', out]);
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
    expect((await crm(db, ['export', '--out', out, '--format', 'csv'])).code).toBe(0);
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
