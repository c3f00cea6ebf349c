import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { beforeEach, describe, expect, test } from 'vitest';
import { query, snapshot } from '../support/db.js';
import { crm, seededDb, useTempDir } from '../support/run.js';

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

interface Summary {
  rows_read: number;
  deals_created: number;
  payments_created: number;
  skipped: number;
  rejected: number;
  dry_run: boolean;
}

/** The stored deals as a user would describe them. */
function deals(db: string) {
  return query(
    db,
    `SELECT d.customer_id, d.deal_date, d.amount, d.profit, d.business_line, d.mode, d.payment_terms, d.contract_no, d.due_date, d.competitor,
            d.region, s.login AS owner, (SELECT total(amount) FROM payments WHERE deal_id = d.id) AS paid
       FROM deals d LEFT JOIN staff s ON s.id = d.owner_id ORDER BY d.id`,
  );
}

/** What deals-gb18030.csv holds, as stored. */
const FROM_FIXTURE = [
  { customer_id: 1, deal_date: '2026-03-15', amount: 500_000, profit: 80_000, business_line: '电子元件', mode: '经销', payment_terms: '月结30天', contract_no: 'HT-2026-001', due_date: '2026-04-14', competitor: null, region: '华南', owner: 'zhangwei', paid: 500_000 },
  { customer_id: 1, deal_date: '2026-09-01', amount: 1_200_000, profit: 150_000, business_line: '电子元件', mode: '经销', payment_terms: '月结60天', contract_no: 'HT-2026-017', due_date: '2026-10-31', competitor: null, region: '华南', owner: 'zhangwei', paid: 200_000 },
  { customer_id: 2, deal_date: '2026-06-30', amount: 800_000, profit: -5000, business_line: '仪器仪表', mode: '直销', payment_terms: '现款', contract_no: null, due_date: '2026-06-30', competitor: null, region: '华东', owner: 'lina', paid: 0 },
  { customer_id: 2, deal_date: '2026-05-01', amount: 3_000_000, profit: null, business_line: null, mode: null, payment_terms: null, contract_no: null, due_date: null, competitor: '竞争对手甲公司', region: '华东', owner: 'lina', paid: 0 },
];

describe('crm import --kind deals', () => {
  const dir = useTempDir();
  let db = '';
  const importDeals = async (argv: string[], o: { login?: string; stdin?: string } = {}) => {
    const r = await crm(db, ['import', ...argv, '--kind', 'deals', '--json'], o);
    return { ...r, summary: JSON.parse(r.stdout || '{}') as Summary };
  };

  beforeEach(async () => {
    db = await seededDb(dir());
    await crm(db, ['add', '--name', '深圳市华强电子有限公司', '--owner', 'zhangwei', '--region', '华南']);
    await crm(db, ['add', '--name', '中兴贸易有限公司', '--owner', 'lina', '--region', '华东']);
  });

  test('an Excel workbook: dates and amounts as Excel stores them (date cells, numbers) become the same deals as their CSV', async () => {
    const file = join(dir(), '交易.xlsx');
    const date = (iso: string) => ({ value: new Date(`${iso}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' });
    const data = [
      ['客户编号', '交易日期', '金额', '毛利', '到期日', '已付'],
      ['C000001', date('2026-03-15'), 500000, 80000, date('2026-04-14'), 500000],
      ['C000002', date('2026-06-30'), 800000, -5000, '2026-06-30', 0],
    ];
    writeFileSync(file, await writeExcelFile(data as never).toBuffer());
    const r = await importDeals([file]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.summary).toMatchObject({ rows_read: 2, deals_created: 2, payments_created: 1, rejected: 0 });
    expect(query(db, 'SELECT customer_id, deal_date, amount, profit, due_date FROM deals ORDER BY id')).toEqual([
      { customer_id: 1, deal_date: '2026-03-15', amount: 500_000, profit: 80_000, due_date: '2026-04-14' },
      { customer_id: 2, deal_date: '2026-06-30', amount: 800_000, profit: -5000, due_date: '2026-06-30' },
    ]);
    expect(query(db, 'SELECT encoding FROM imports')).toEqual([{ encoding: 'xlsx' }]);
  });

  test('an Excel file from Chinese Windows (GB18030): deals by customer id or name, payments, status moves, one import record', async () => {
    const r = await importDeals([fixture('deals-gb18030.csv')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.summary).toEqual({ rows_read: 4, deals_created: 4, payments_created: 2, skipped: 0, rejected: 0, dry_run: false });
    expect(deals(db)).toEqual(FROM_FIXTURE);
    // Paid amounts are receipts on the deal date.
    expect(query(db, 'SELECT deal_id, paid_on, amount FROM payments ORDER BY id')).toEqual([
      { deal_id: 1, paid_on: '2026-03-15', amount: 500_000 },
      { deal_id: 2, paid_on: '2026-09-01', amount: 200_000 },
    ]);
    expect(query(db, 'SELECT id, status FROM customers ORDER BY id')).toEqual([
      { id: 1, status: 'cooperating' },
      { id: 2, status: 'cooperating' },
    ]);
    expect(query(db, 'SELECT file_name, encoding, layout, rows_read, rejected FROM imports')).toEqual([
      { file_name: 'deals-gb18030.csv', encoding: 'gb18030', layout: 'deals', rows_read: 4, rejected: 0 },
    ]);
    expect(query(db, "SELECT entity, field, old_value, new_value FROM history WHERE command = 'import #1' AND entity = 'customer' ORDER BY id")).toEqual([
      { entity: 'customer', field: 'status', old_value: 'potential', new_value: 'cooperating' },
      { entity: 'customer', field: 'status', old_value: 'potential', new_value: 'cooperating' },
    ]);
    expect(query(db, "SELECT entity, count(*) AS n FROM history WHERE command = 'import #1' GROUP BY entity ORDER BY entity")).toEqual([
      { entity: 'customer', n: 2 },
      { entity: 'deal', n: 4 },
      { entity: 'payment', n: 2 },
    ]);
  });

  test('the same rows in UTF-8 on standard input give the same deals; importing them again adds nothing', async () => {
    const utf8 = new TextDecoder('gb18030').decode(readFileSync(fixture('deals-gb18030.csv')));
    expect((await importDeals(['-'], { stdin: utf8 })).summary).toMatchObject({ deals_created: 4, payments_created: 2 });
    expect(deals(db)).toEqual(FROM_FIXTURE);
    const again = await importDeals([fixture('deals-gb18030.csv')]);
    expect(again.summary).toMatchObject({ rows_read: 4, deals_created: 0, payments_created: 0, skipped: 4 });
    expect(deals(db)).toEqual(FROM_FIXTURE);
  });

  test('bad rows are rejected with line and reason, good ones recorded, exit 1; --errors writes them for Excel', async () => {
    const errors = join(dir(), 'rejected.csv');
    const r = await importDeals([fixture('deals-bad-rows.csv'), '--errors', errors]);
    expect(r.code).toBe(1);
    expect(r.summary).toEqual({ rows_read: 9, deals_created: 2, payments_created: 1, skipped: 0, rejected: 7, dry_run: false });
    expect(r.stderr).toMatch(/7 rows were rejected and written with their reasons to .*rejected\.csv/);
    const rows = (parse(readFileSync(errors, 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]);
    expect(rows[0]).toEqual(['客户', '日期', '金额', '到期日', '竞争对手', '已付', 'line', 'reason']);
    expect(rows.slice(1).map((l) => [l.at(-2), l.at(-1)])).toEqual([
      ['2', expect.stringMatching(/日期 "2026-02-30" is not a real date/)],
      ['3', expect.stringMatching(/no customer "不存在的公司"/)],
      ['4', expect.stringMatching(/金额 "十万" is not an amount/)],
      ['5', expect.stringMatching(/到期日 2026-03-01 is before the deal date 2026-03-10/)],
      ['6', expect.stringMatching(/competitor is not owed to us, so it has no 到期日/)],
      ['7', expect.stringMatching(/已付 200000 is more than the deal amount 100000/)],
      ['10', expect.stringMatching(/neither a customer id nor a company/)],
    ]);
    expect(deals(db)).toEqual([
      expect.objectContaining({ customer_id: 1, deal_date: '2026-03-20', amount: 100_000, due_date: '2026-04-19', paid: 50_000 }),
      expect.objectContaining({ customer_id: 2, deal_date: '2026-03-21', amount: 60_000 }),
    ]);
  });

  test('a deal dated after today or with a profit above its amount is rejected with its line, as crm deal add refuses it', async () => {
    const csv = ['客户编号,日期,金额,毛利', 'C000001,2027-03-15,1000,100', 'C000001,2026-03-15,1000,1500', 'C000001,2026-11-23,1000,1000', 'C000002,2026-03-15,1000,-5000'].join('\n');
    const r = await importDeals(['-'], { stdin: csv });
    expect(r.code).toBe(1);
    expect(r.summary).toMatchObject({ rows_read: 4, deals_created: 2, rejected: 2 });
    expect(r.stderr).toMatch(/line 2 not imported: 日期 2027-03-15 is after today \(2026-11-23\)/);
    expect(r.stderr).toMatch(/line 3 not imported: 毛利 "1500" is more than the deal's 金额 "1000"/);
    expect(query(db, 'SELECT customer_id, deal_date, profit FROM deals ORDER BY id')).toEqual([
      { customer_id: 1, deal_date: '2026-11-23', profit: 1000 },
      { customer_id: 2, deal_date: '2026-03-15', profit: -5000 },
    ]);
  });

  test("a rep's rows for customers outside their scope are rejected", async () => {
    const r = await importDeals([fixture('deals-bad-rows.csv')], { login: 'zhangwei' });
    expect(r.code).toBe(1);
    expect(r.summary).toMatchObject({ deals_created: 1, rejected: 8 });
    expect(r.stderr).toMatch(/line 9 not imported: customer C000002 is outside what you may change/);
    expect(query(db, 'SELECT customer_id FROM deals')).toEqual([{ customer_id: 1 }]);
  });

  test('--strict stops at the first bad row (exit 2) and --dry-run saves nothing', async () => {
    const before = snapshot(db);
    const strict = await crm(db, ['import', fixture('deals-bad-rows.csv'), '--kind', 'deals', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/line 2 rejected \(--strict/);
    expect(snapshot(db)).toEqual(before);
    const dry = await importDeals([fixture('deals-gb18030.csv'), '--dry-run']);
    expect(dry.summary).toEqual({ rows_read: 4, deals_created: 4, payments_created: 2, skipped: 0, rejected: 0, dry_run: true });
    expect(snapshot(db)).toEqual(before);
  });

  test.each([
    ['客户,日期\n华强电子,2026-01-01\n', /no amount column/],
    ['日期,金额\n2026-01-01,100\n', /no customer_id or company column/],
    ['客户,日期,金额\n', /header row but no deals/],
    ['', /no deals to import/],
  ])('a file that cannot be read as deals: one line, exit 2, nothing written (%#)', async (csv, message) => {
    const before = snapshot(db);
    const r = await crm(db, ['import', '-', '--kind', 'deals'], { stdin: csv });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(db)).toEqual(before);
  });

  test('flags of the card import are refused; a wrong encoding stops the import', async () => {
    const owner = await crm(db, ['import', fixture('deals-gb18030.csv'), '--kind', 'deals', '--owner', 'lina']);
    expect(owner.code).toBe(2);
    expect(owner.stderr).toMatch(/--owner is for importing cards/);
    const utf8 = await crm(db, ['import', fixture('deals-gb18030.csv'), '--kind', 'deals', '--encoding', 'utf8']);
    expect(utf8.code).toBe(2);
    expect(utf8.stderr).toMatch(/not valid utf8/);
    expect(query(db, 'SELECT count(*) AS n FROM deals')).toEqual([{ n: 0 }]);
  });

  test('a company name matching two files asks for the customer id', async () => {
    expect((await crm(db, ['add', '--name', '中兴贸易', '--allow-duplicate'])).code).toBe(0);
    const r = await importDeals(['-'], { stdin: '公司,日期,金额\n中兴贸易,2026-01-05,1000\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"中兴贸易" matches several customers \(C000002, C000003\)/);
  });
});
