// crm report composition | receivables | visits | customers: every figure hand-computed from a
// small book of deals, payments and visits recorded through the commands themselves.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import type { CompositionReport, CustomersReport, ReceivablesReport, VisitsReport } from '../../src/domain/report.js';
import { snapshot } from '../support/db.js';
import { crm, json, seededDb, useTempDir } from '../support/run.js';

// Staff ids from seededDb: admin 1, zhangwei 2, lina 3. FIXED_NOW is 2026-11-23.
//
// C1 华强电子  zhangwei 华南 A 电子      visit      deals 1, 2, (competitor 9)
// C2 中兴贸易  lina     华东 B 贸易      referral   deals 3, 8
// C3 美的商贸  zhangwei 华南 C 贸易      —          deals 4, 7
// C4 无等级公司 lina     华东 — =SUM(A1) media      no deals: stays potential
const DEALS = [
  // customer, date, amount, profit, line, due
  ['C000001', '2026-03-10', '10000', '2000', '软件', '2026-04-10'], // 1: paid 04-01
  ['C000001', '2026-10-20', '5000', '1000', '硬件', '2026-11-30'], // 2: 1000 paid 11-20
  ['C000002', '2026-06-15', '20000', '3000', '软件', '2026-07-15'], // 3: 5000 paid 07-20
  ['C000003', '2026-11-01', '3000', '-300', null, '2026-11-10'], // 4: unpaid
  ['C000001', '2025-05-01', '8000', '1600', '软件', '2025-06-01'], // 5: paid 2025-06-01
  ['C000003', '2025-11-23', '2000', '400', '硬件', '2025-12-23'], // 6: paid 2026-01-05
  ['C000002', '2025-12-01', '7000', '700', '软件', '2026-01-01'], // 7: unpaid
] as const;
const PAYMENTS = [
  ['1', '2026-04-01', '10000'],
  ['2', '2026-11-20', '1000'],
  ['3', '2026-07-20', '5000'],
  ['5', '2025-06-01', '8000'],
  ['6', '2026-01-05', '2000'],
] as const;

describe('the single reports', () => {
  const dir = useTempDir();
  let db = '';

  beforeEach(async () => {
    db = await seededDb(dir());
    const must = async (argv: string[]) => {
      const r = await crm(db, argv);
      if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
    };
    await must(['add', '--name', '华强电子', '--owner', 'zhangwei', '--region', '华南', '--grade', 'A', '--industry', '电子', '--source', 'visit']);
    await must(['add', '--name', '中兴贸易', '--owner', 'lina', '--region', '华东', '--grade', 'B', '--industry', '贸易', '--source', 'referral']);
    await must(['add', '--name', '美的商贸', '--owner', 'zhangwei', '--region', '华南', '--grade', 'C', '--industry', '贸易']);
    await must(['add', '--name', '无等级公司', '--owner', 'lina', '--region', '华东', '--industry', '=SUM(A1)', '--source', 'media']);
    for (const [customer, date, amount, profit, line, due] of DEALS)
      await must(['deal', 'add', customer, '--date', date, '--amount', amount, '--profit', profit, '--due', due, ...(line ? ['--line', line] : [])]);
    await must(['deal', 'add', 'C000001', '--date', '2026-05-05', '--amount', '99999', '--competitor', '对手公司']);
    for (const [deal, date, amount] of PAYMENTS) await must(['payment', 'add', deal, '--date', date, '--amount', amount]);
    const raw = new Database(db);
    const visit = raw.prepare(
      "INSERT INTO visits (customer_id, rep_id, visited_on, status_then, approved_by, approved_on, staff_id, created_at) VALUES (?, ?, ?, 'cooperating', ?, ?, ?, '2026-01-01T00:00:00+08:00')",
    );
    visit.run(1, 2, '2026-11-03', 1, '2026-11-04', 2);
    visit.run(1, 2, '2026-11-10', null, null, 2);
    visit.run(2, 3, '2026-11-05', null, null, 3);
    visit.run(1, 2, '2026-10-08', 1, '2026-10-09', 2);
    visit.run(2, 3, '2026-10-12', 1, '2026-10-13', 3);
    visit.run(2, 3, '2026-10-25', 1, '2026-10-26', 3);
    raw.close();
  });

  const report = async <T>(argv: string[], login = 'admin') => json<T>(await crm(db, ['report', ...argv, '--format', 'json'], { login }));

  test('payments keep on each deal the date of its first payment and the day it was paid in full', async () => {
    const dates = () => {
      const raw = new Database(db, { readonly: true });
      const rows = raw.prepare('SELECT id, first_paid_on, settled_on FROM deals ORDER BY id').raw().all();
      raw.close();
      return rows;
    };
    expect(dates()).toEqual([
      [1, '2026-04-01', '2026-04-01'],
      [2, '2026-11-20', null],
      [3, '2026-07-20', null],
      [4, null, null],
      [5, '2025-06-01', '2025-06-01'],
      [6, '2026-01-05', '2026-01-05'],
      [7, null, null],
      [8, null, null],
    ]);
    // A payment recorded late but dated earlier: the first payment moves back; the deal is paid
    // in full on the date of its last payment.
    expect((await crm(db, ['payment', 'add', '2', '--date', '2026-11-01', '--amount', '4000'])).code).toBe(0);
    expect(dates()[1]).toEqual([2, '2026-11-01', '2026-11-20']);
    expect((await report<ReceivablesReport>(['receivables'])).totals.due_this_month).toBe(0);
    // On 11-10 deal 2 still owed 5000 − 4000, and deal 4's 3000 fell due that very day.
    expect((await report<ReceivablesReport>(['receivables', '--as-of', '2026-11-10'])).totals).toEqual({ due_this_month: 4000, overdue: 0, over_aging: 22000 });
  });

  describe('crm report composition', () => {
    test('by grade, the year to date against the same dates a year earlier; shares add up to 100.0', async () => {
      const r = await report<CompositionReport>(['composition']);
      expect([r.from, r.to, r.by, r.compared_with]).toEqual(['2026-01-01', '2026-11-23', 'grade', { from: '2025-01-01', to: '2025-11-23' }]);
      // 15000 / 38000 = 39.47, 20000 / 38000 = 52.63, 3000 / 38000 = 7.89: floors 39.4 + 52.6 + 7.8
      // leave two tenths, to C (.95) and A (.74).
      expect(r.revenue.total).toEqual({ value: 38000, previous: 10000, change: 28000, change_pct: 280 });
      expect(r.revenue.rows).toEqual([
        { key: 'B', amount: 20000, share: 52.6, previous: 0, previous_share: 0, change: 20000, change_pct: null },
        { key: 'A', amount: 15000, share: 39.5, previous: 8000, previous_share: 80, change: 7000, change_pct: 87.5 },
        { key: 'C', amount: 3000, share: 7.9, previous: 2000, previous_share: 20, change: 1000, change_pct: 50 },
      ]);
      // Gross profit 3000 + 3000 − 300 = 5700: 52.63 + 52.63 − 5.26; the spare tenth goes to C.
      expect(r.profit.total).toMatchObject({ value: 5700, previous: 2000 });
      expect(r.profit.rows.map((x) => [x.key, x.amount, x.share])).toEqual([
        ['A', 3000, 52.6],
        ['B', 3000, 52.6],
        ['C', -300, -5.2],
      ]);
    });

    test('by line, region and industry, and over a chosen period', async () => {
      const line = await report<CompositionReport>(['composition', '--by', 'line']);
      expect(line.revenue.rows.map((x) => [x.key, x.amount, x.share, x.previous])).toEqual([
        ['软件', 30000, 78.9, 8000],
        ['硬件', 5000, 13.2, 2000],
        ['none', 3000, 7.9, 0],
      ]);
      const region = await report<CompositionReport>(['composition', '--by', 'region']);
      expect(region.revenue.rows.map((x) => [x.key, x.amount, x.share])).toEqual([
        ['华东', 20000, 52.6],
        ['华南', 18000, 47.4],
      ]);
      const industry = await report<CompositionReport>(['composition', '--by', 'INDUSTRY']);
      expect(industry.revenue.rows.map((x) => [x.key, x.amount, x.share])).toEqual([
        ['贸易', 23000, 60.5],
        ['电子', 15000, 39.5],
      ]);
      const october = await report<CompositionReport>(['composition', '--from', '2026/10/01', '--to', '2026年10月31日']);
      expect([october.from, october.to, october.compared_with]).toEqual(['2026-10-01', '2026-10-31', { from: '2025-10-01', to: '2025-10-31' }]);
      expect(october.revenue.rows).toEqual([{ key: 'A', amount: 5000, share: 100, previous: 0, previous_share: null, change: 5000, change_pct: null }]);
      // --to alone: the year of --to from its first day; the last day counts.
      const lastYear = await report<CompositionReport>(['composition', '--to', '2025-11-23']);
      expect(lastYear.from).toBe('2025-01-01');
      expect(lastYear.revenue.total.value).toBe(10000);
    });

    test('the table and the CSV: money with separators for people, raw numbers and neutralised text for Excel', async () => {
      const table = await crm(db, ['report', 'composition']);
      expect(table.code).toBe(0);
      expect(table.stdout).toContain('Revenue and gross profit by Grade, 2026-01-01 to 2026-11-23');
      expect(table.stdout).toContain('A\t15,000.00\t39.5%\t8,000.00\t87.5%\t3,000.00\t52.6%\t1,600.00');
      expect(table.stdout).toContain('Total\t38,000.00\t100.0%\t10,000.00\t280.0%\t5,700.00\t100.0%\t2,000.00');
      const out = join(dir(), '构成.csv');
      expect(await crm(db, ['report', 'composition', '--out', out])).toMatchObject({ code: 0, stdout: '' });
      const csv = readFileSync(out, 'utf8');
      expect(csv.startsWith('\uFEFFGrade,Revenue,Share,')).toBe(true);
      expect(csv).toContain('\r\nC,3000,7.9,2000,50,-300,-5.2,400\r\n');
      expect(readdirSync(dir()).filter((f) => f.includes('.tmp'))).toEqual([]);
    });

    test("a rep's composition counts only the rep's customers", async () => {
      const r = await report<CompositionReport>(['composition'], 'zhangwei');
      expect(r.revenue.rows.map((x) => [x.key, x.amount, x.share])).toEqual([
        ['A', 15000, 83.3],
        ['C', 3000, 16.7],
      ]);
    });
  });

  describe('crm report receivables', () => {
    test('today: due by the end of the month, overdue, over the 90-day limit, per customer and rep', async () => {
      const r = await report<ReceivablesReport>(['receivables']);
      // Deal 2: 5000 − 1000 due 11-30; deal 4: 3000 due 11-10 (13 days late); deals 3 (20000 −
      // 5000, due 07-15) and 7 (7000, due 01-01) more than 90 days late. Deals 1, 5, 6 are paid.
      expect(r).toEqual({
        as_of: '2026-11-23',
        aging_days: 90,
        totals: { due_this_month: 4000, overdue: 3000, over_aging: 22000 },
        by_rep: [
          { rep: 'lina', due_this_month: 0, overdue: 0, over_aging: 22000 },
          { rep: 'zhangwei', due_this_month: 4000, overdue: 3000, over_aging: 0 },
        ],
        by_customer: [
          { id: 'C000001', name: '华强电子', owner: 'zhangwei', due_this_month: 4000, overdue: 0, over_aging: 0 },
          { id: 'C000002', name: '中兴贸易', owner: 'lina', due_this_month: 0, overdue: 0, over_aging: 22000 },
          { id: 'C000003', name: '美的商贸', owner: 'zhangwei', due_this_month: 0, overdue: 3000, over_aging: 0 },
        ],
      });
    });

    test('on an earlier date, payments made after it are still owed', async () => {
      // A deal made on the 18th, due on the 25th, was not owed on the 15th.
      expect((await crm(db, ['deal', 'add', 'C000003', '--date', '2026-11-18', '--amount', '600', '--due', '2026-11-25'])).code).toBe(0);
      // The 15th: deal 2's 1000 came on the 20th, so all 5000 is still to collect this month.
      expect((await report<ReceivablesReport>(['receivables', '--as-of', '2026-11-15'])).totals).toEqual({ due_this_month: 5000, overdue: 3000, over_aging: 22000 });
      // 07-31: deal 3 is 16 days late less the 5000 of 07-20; deal 7 is 211 days late.
      expect((await report<ReceivablesReport>(['receivables', '--as-of', '2026-07-31'])).totals).toEqual({ due_this_month: 0, overdue: 15000, over_aging: 7000 });
      // 01-03: deal 6 (due 2025-12-23, paid in full on 01-05) and deal 7 (due 01-01) are late.
      const r = await report<ReceivablesReport>(['receivables', '--as-of', '2026-01-03']);
      expect(r.totals).toEqual({ due_this_month: 0, overdue: 9000, over_aging: 0 });
      expect(r.by_customer.map((x) => [x.id, x.overdue])).toEqual([
        ['C000002', 7000],
        ['C000003', 2000],
      ]);
    });

    test('an aging limit shorter than a month: what fell due within the month is due this month, counted once', async () => {
      expect((await crm(db, ['policy', 'set', 'receivable_aging_days', '10'])).code).toBe(0);
      // The month report on 11-30: deal 4 (due 11-10) is 20 days late but due within November.
      const monthly = await report<{ receivables: { totals: Record<string, { value: number }> } }>(['monthly', '--month', '2026-11']);
      expect(Object.fromEntries(Object.entries(monthly.receivables.totals).map(([k, v]) => [k, v.value]))).toEqual({ due_this_month: 7000, overdue: 0, over_aging: 22000 });
      // On the 23rd: 13 days late is over a 10-day limit.
      expect((await report<ReceivablesReport>(['receivables'])).totals).toEqual({ due_this_month: 4000, overdue: 0, over_aging: 25000 });
    });

    test("a rep sees only the rep's customers; the CSV is the customers' table with its total", async () => {
      const r = await report<ReceivablesReport>(['receivables'], 'lina');
      expect(r.totals).toEqual({ due_this_month: 0, overdue: 0, over_aging: 22000 });
      expect(r.by_customer.map((x) => x.id)).toEqual(['C000002']);
      const csv = await crm(db, ['report', 'receivables', '--format', 'csv']);
      expect(csv.stdout.split('\r\n')).toEqual([
        '\uFEFFID,Name,Owner,Due this month,Overdue,Over the aging limit',
        // Largest debt first.
        'C000002,中兴贸易,lina,0,0,22000',
        'C000001,华强电子,zhangwei,4000,0,0',
        'C000003,美的商贸,zhangwei,0,3000,0',
        'Total,,,4000,3000,22000',
        '',
      ]);
    });
  });

  describe('crm report visits', () => {
    test('this month by default: visits against the minimums per rep, customers short, reports awaiting approval', async () => {
      const r = await report<VisitsReport>(['visits']);
      // Minimums of cooperating customers: A 2, B 2, C 1 (C4 is ungraded: none).
      expect(r).toEqual({
        month: '2026-11',
        previous_month: '2026-10',
        required: 5,
        done: { value: 3, previous: 3, change: 0, change_pct: 0 },
        customers_short: 2,
        by_rep: [
          { rep: 'lina', customers: 1, required: 2, done: 1, customers_short: 1 },
          { rep: 'zhangwei', customers: 2, required: 3, done: 2, customers_short: 1 },
        ],
        short: expect.arrayContaining([
          { id: 'C000002', name: '中兴贸易', owner: 'lina', status: 'cooperating', grade: 'B', minimum: 2, done: 1 },
          { id: 'C000003', name: '美的商贸', owner: 'zhangwei', status: 'cooperating', grade: 'C', minimum: 1, done: 0 },
        ]),
        unapproved: { count: 2, by_rep: [{ rep: 'lina', count: 1 }, { rep: 'zhangwei', count: 1 }] },
      });
      expect(r.short).toHaveLength(2);
      const october = await report<VisitsReport>(['visits', '--month', '2026-10']);
      expect(october.done.value).toBe(3);
      expect(october.customers_short).toBe(2);
      expect(october.unapproved.count).toBe(0);
    });

    test("a rep's visits report, and Markdown for mail", async () => {
      const r = await report<VisitsReport>(['visits'], 'zhangwei');
      expect(r.by_rep).toEqual([{ rep: 'zhangwei', customers: 2, required: 3, done: 2, customers_short: 1 }]);
      expect(r.unapproved).toEqual({ count: 1, by_rep: [{ rep: 'zhangwei', count: 1 }] });
      const md = await crm(db, ['report', 'visits', '--format', 'md']);
      expect(md.stdout).toContain('# Visits 2026-11');
      expect(md.stdout).toContain('| Total | 3 | 5 | 3 | 2 |');
    });
  });

  describe('crm report customers', () => {
    test('counted by status, grade, owner, source and industry, shares adding up to 100.0', async () => {
      const status = await report<CustomersReport>(['customers']);
      expect(status).toEqual({
        by: 'status',
        total: 4,
        rows: [
          { key: 'cooperating', count: 3, share: 75 },
          { key: 'potential', count: 1, share: 25 },
        ],
      });
      const grade = await report<CustomersReport>(['customers', '--by', 'grade']);
      expect(grade.rows.map((x) => [x.key, x.share])).toEqual([
        ['A', 25],
        ['B', 25],
        ['C', 25],
        ['none', 25],
      ]);
      const source = await report<CustomersReport>(['customers', '--by', 'source']);
      expect(source.rows.map((x) => [x.key, x.count])).toEqual([
        ['media', 1],
        ['none', 1],
        ['referral', 1],
        ['visit', 1],
      ]);
      // Where a person reads, the policy's names of the sources, not their codes.
      const zh = (await crm(db, ['report', 'customers', '--by', 'source', '--lang', 'zh'])).stdout;
      expect(zh).toMatch(/各类媒体\t1\t25\.0%/);
      expect(zh).toMatch(/已合作客户介绍\t1/);
      expect(zh).not.toMatch(/media|referral|visit/);
      expect((await crm(db, ['report', 'customers', '--by', 'source', '--format', 'md'])).stdout).toMatch(/\| referral by a customer \| 1 \|/);
      const mine = await report<CustomersReport>(['customers', '--by', 'grade'], 'lina');
      expect(mine.rows).toEqual([
        { key: 'B', count: 1, share: 50 },
        { key: 'none', count: 1, share: 50 },
      ]);
      const owner = await report<CustomersReport>(['customers', '--by', 'owner'], 'zhangwei');
      expect(owner).toEqual({ by: 'owner', total: 2, rows: [{ key: 'zhangwei', count: 2, share: 100 }] });
    });

    test('archived files are left out', async () => {
      const r = await crm(db, ['archive', 'C000004', '--reason', '公司已注销']);
      expect(r.code).toBe(0);
      expect(await report<CustomersReport>(['customers', '--by', 'grade'])).toEqual({
        by: 'grade',
        total: 3,
        rows: [
          { key: 'A', count: 1, share: 33.4 },
          { key: 'B', count: 1, share: 33.3 },
          { key: 'C', count: 1, share: 33.3 },
        ],
      });
      expect((await report<CustomersReport>(['customers', '--by', 'owner'], 'lina')).rows).toEqual([{ key: 'lina', count: 1, share: 100 }]);
    });

    test('a formula in a cell is neutralised in the CSV', async () => {
      const out = join(dir(), 'industries.csv');
      expect((await crm(db, ['report', 'customers', '--by', 'industry', '--out', out, '--json'])).stdout).toBe(JSON.stringify({ files: [out] }, null, 2) + '\n');
      expect(readFileSync(out, 'utf8').split('\r\n')).toEqual(['\uFEFFIndustry,Count,Share', '贸易,2,50', "'=SUM(A1),1,25", '电子,1,25', 'Total,4,100', '']);
    });
  });

  test('refusals exit 2 and say what to write; the reports write nothing to the database', async () => {
    const before = snapshot(db);
    const refused = async (argv: string[], message: RegExp) => {
      const r = await crm(db, ['report', ...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    };
    await refused(['composition', '--by', 'colour'], /cannot report --by "colour": choose grade, line, region, industry/);
    await refused(['composition', '--from', '2026-13-01'], /--from "2026-13-01" is not a date/);
    await refused(['composition', '--from', '2026-11-01', '--to', '2026-10-01'], /--from 2026-11-01 is after --to 2026-10-01/);
    await refused(['composition', '--format', 'html'], /no html format: choose table, md, json, csv/);
    await refused(['receivables', '--as-of', 'yesterday'], /--as-of "yesterday" is not a date/);
    await refused(['visits', '--month', '2026-13'], /"2026-13" is not a month/);
    await refused(['customers', '--by', 'name'], /choose status, grade, region, industry, source, owner/);
    await refused(['customers', '--out', join(dir(), 'c.html')], /no html format/);
    for (const argv of [['composition'], ['receivables'], ['visits'], ['customers']]) expect((await crm(db, ['report', ...argv, '--json'])).code).toBe(0);
    expect(snapshot(db)).toEqual(before);
  });
});

describe('a list longer than a page in the human formats', () => {
  const dir = useTempDir();
  const OWING = 33;
  let db = '';
  beforeEach(async () => {
    db = await seededDb(dir());
    for (let i = 1; i <= OWING; i++) await crm(db, ['add', '--name', `欠款客户${i}有限公司`, '--owner', 'zhangwei']);
    // Customer i owes i × 100, due in October: the largest debts are the last customers.
    const csv = ['客户编号,交易日期,金额,到期日', ...Array.from({ length: OWING }, (_, i) => `C${String(i + 1).padStart(6, '0')},2026-09-01,${(i + 1) * 100},2026-10-01`)].join('\n');
    expect((await crm(db, ['import', '-', '--kind', 'deals'], { stdin: csv })).code).toBe(0);
  });

  test('shows the largest debts and says how many more; --all-rows and JSON list every one', async () => {
    const short = await crm(db, ['report', 'receivables', '--as-of', '2026-11-15']);
    expect(short.code).toBe(0);
    expect(short.stdout).toContain('欠款客户33有限公司');
    expect(short.stdout).not.toContain('欠款客户1有限公司');
    expect(short.stdout).toContain(`… and ${OWING - 30} more files not listed`);
    const all = await crm(db, ['report', 'receivables', '--as-of', '2026-11-15', '--all-rows']);
    expect(all.stdout).toContain('欠款客户1有限公司');
    expect(all.stdout).not.toContain('not listed');
    const doc = json<ReceivablesReport>(await crm(db, ['report', 'receivables', '--as-of', '2026-11-15', '--json']));
    expect(doc.by_customer).toHaveLength(OWING);
    const md = await crm(db, ['report', 'monthly', '--month', '2026-10', '--format', 'md', '--all-rows']);
    expect(md.stdout).toContain('欠款客户1有限公司');
  });
});
