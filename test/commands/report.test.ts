import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import type { MonthlyReport } from '../../src/domain/report.js';
import { snapshot } from '../support/db.js';
import { monthlyBook } from '../support/monthly-book.js';
import { crm, json, useTempDir } from '../support/run.js';

// The book is test/support/monthly-book.ts: every figure below is computed by hand from it.
describe('crm report monthly', () => {
  const dir = useTempDir();
  let db = '';

  beforeEach(async () => {
    db = await monthlyBook(dir());
  });

  const report = async (argv: string[] = [], login = 'admin') => json<MonthlyReport>(await crm(db, ['report', 'monthly', '--format', 'json', ...argv], { login }));

  test('compositions: amounts of our deals in the month by grade, line and region, shares adding to 100.0, against the previous month', async () => {
    const r = await report(['--month', '2026-10']);
    expect([r.month, r.previous_month, r.as_of]).toEqual(['2026-10', '2026-09', '2026-10-31']);
    const g = r.composition.revenue_by_grade;
    expect(g.total).toEqual({ value: 38333, previous: 10000, change: 28333, change_pct: 283.3 });
    expect(g.rows).toEqual([
      { key: 'B', amount: 20000, share: 52.2, previous: 0, previous_share: 0, change: 20000, change_pct: null },
      { key: 'A', amount: 15000, share: 39.1, previous: 8000, previous_share: 80, change: 7000, change_pct: 87.5 },
      { key: 'none', amount: 3333, share: 8.7, previous: 0, previous_share: 0, change: 3333, change_pct: null },
      { key: 'C', amount: 0, share: 0, previous: 2000, previous_share: 20, change: -2000, change_pct: -100 },
    ]);
    // 78.26 + 13.04 + 8.69: plain rounding gives 78.3 + 13.0 + 8.7 = 100.0 only thanks to the largest remainder going to 'none'.
    expect(r.composition.revenue_by_business_line.rows.map((x) => [x.key, x.amount, x.share, x.previous])).toEqual([
      ['软件', 30000, 78.3, 8000],
      ['硬件', 5000, 13, 2000],
      ['none', 3333, 8.7, 0],
    ]);
    expect(r.composition.revenue_by_region.rows.map((x) => [x.key, x.amount, x.share, x.previous_share])).toEqual([
      ['华东', 20000, 52.2, 0],
      ['华南', 15000, 39.1, 100],
      ['none', 3333, 8.7, 0],
    ]);
    // 52.94 + 52.94 − 5.88: rounding each gives 52.9 + 52.9 − 5.9 = 99.9; the spare tenth goes to A.
    const p = r.composition.profit_by_grade;
    expect(p.total).toMatchObject({ value: 5667, previous: 2000, change: 3667 });
    expect(p.rows.map((x) => [x.key, x.amount, x.share])).toEqual([
      ['A', 3000, 53],
      ['B', 3000, 52.9],
      ['C', 0, 0],
      ['none', -333, -5.9],
    ]);
    for (const c of Object.values(r.composition)) {
      expect(Math.round(c.rows.reduce((a, x) => a + (x.share ?? 0), 0) * 10)).toBe(1000);
      expect(Math.round(c.rows.reduce((a, x) => a + (x.previous_share ?? 0), 0) * 10)).toBe(1000);
    }
  });

  test('customer base, churns with reasons, grade changes, receivables aging per customer and rep', async () => {
    const r = await report(['--month', '2026-10']);
    const c = r.customers;
    expect(c.total).toBe(4);
    expect(c.by_status).toEqual([
      { key: 'churned', count: 1 },
      { key: 'cooperating', count: 2 },
      { key: 'followed', count: 1 },
    ]);
    expect(c.by_grade).toEqual([
      { key: 'A', count: 1 },
      { key: 'B', count: 1 },
      { key: 'C', count: 1 },
      { key: 'none', count: 1 },
    ]);
    expect(c.new).toEqual({ value: 1, previous: 1, change: 0, change_pct: 0 });
    expect(c.churned).toEqual({
      count: { value: 1, previous: 1, change: 0, change_pct: 0 },
      customers: [{ id: 'C000004', name: '无等级公司', owner: 'lina', churned_on: '2026-10-18', reason: '价格太高' }],
    });
    expect(c.grade_changes).toEqual({
      count: { value: 1, previous: 1, change: 0, change_pct: 0 },
      changes: [{ id: 'C000001', name: '华强电子', owner: 'zhangwei', changed_on: '2026-10-07', from: 'B', to: 'A' }],
    });
    const rc = r.receivables;
    expect(rc.aging_days).toBe(90);
    // Due within October (even if already late): 6000 + 5000 + 3333 + 2000; overdue by up to 90
    // days: deal 10 (due 08-15); over 90 days: deal 7 (due 06-01). On 09-30 deal 5 was paid off.
    expect(rc.totals).toEqual({
      due_this_month: { value: 16333, previous: 0, change: 16333, change_pct: null },
      overdue: { value: 700, previous: 700, change: 0, change_pct: 0 },
      over_aging: { value: 1500, previous: 1500, change: 0, change_pct: 0 },
    });
    expect(rc.by_customer).toEqual([
      { id: 'C000001', name: '华强电子', owner: 'zhangwei', due_this_month: 11000, overdue: 0, over_aging: 0 },
      { id: 'C000002', name: '中兴贸易', owner: 'lina', due_this_month: 0, overdue: 0, over_aging: 1500 },
      { id: 'C000003', name: '美的商贸', owner: 'zhangwei', due_this_month: 2000, overdue: 700, over_aging: 0 },
      { id: 'C000004', name: '无等级公司', owner: 'lina', due_this_month: 3333, overdue: 0, over_aging: 0 },
    ]);
    expect(rc.by_rep).toEqual([
      { rep: 'lina', due_this_month: 3333, overdue: 0, over_aging: 1500 },
      { rep: 'zhangwei', due_this_month: 13000, overdue: 700, over_aging: 0 },
    ]);
  });

  test('visits against minimums, unapproved reports, contracts, credit and data quality', async () => {
    const r = await report(['--month', '2026-10']);
    expect(r.visits).toEqual({
      required: 4,
      done: { value: 3, previous: 2, change: 1, change_pct: 50 },
      customers_short: 1,
      by_rep: [
        { rep: 'lina', customers: 1, required: 2, done: 1, customers_short: 1 },
        { rep: 'zhangwei', customers: 1, required: 2, done: 2, customers_short: 0 },
      ],
      short: [{ id: 'C000002', name: '中兴贸易', owner: 'lina', status: 'cooperating', grade: 'B', minimum: 2, done: 1 }],
      unapproved: { count: 3, by_rep: [{ rep: 'lina', count: 2 }, { rep: 'zhangwei', count: 1 }] },
    });
    expect(r.contracts).toEqual({ count: 1, missing: [{ id: 'C000002', name: '中兴贸易', owner: 'lina', grade: 'B' }] });
    expect(r.credit).toEqual({
      distribution: [
        { key: 'A', count: 1 },
        { key: 'B', count: 1 },
        { key: 'C', count: 1 },
      ],
      downgraded: [{ id: 'C000001', name: '华强电子', owner: 'zhangwei', rated_on: '2026-10-10', from: 'AA', to: 'B' }],
    });
    expect(r.data_quality).toEqual({
      unverified: 3,
      // The policy's stale_days (180 by default) before the month's last day; C3 was last touched on 2026-03-01.
      stale_before: '2026-05-04',
      stale: 1,
      ab_few_staff: [{ id: 'C000002', name: '中兴贸易', owner: 'lina', grade: 'B', staff: 1 }],
    });
  });

  test("staleness follows the policy's stale_days and counts verifications; archived files leave the customer base and data quality", async () => {
    const must = async (argv: string[]) => {
      const r = await crm(db, argv);
      if (r.code !== 0) throw new Error(r.stderr);
    };
    // 300 days before 2026-10-31 is 2026-01-04: C3, last updated on 2026-03-01, is current.
    await must(['policy', 'set', 'stale_days', '300']);
    expect((await report(['--month', '2026-10'])).data_quality).toMatchObject({ stale_before: '2026-01-04', stale: 0 });
    await must(['policy', 'set', 'stale_days', '180']);
    // Confirmed on 2026-06-01 (after the cutoff 2026-05-04): neither stale nor unverified any more.
    const raw = new Database(db);
    raw.prepare("UPDATE customers SET verified_at = '2026-06-01T10:00:00+08:00' WHERE id = 3").run();
    raw.close();
    expect((await report(['--month', '2026-10'])).data_quality).toMatchObject({ stale_before: '2026-05-04', unverified: 2, stale: 0 });

    // C2 (B, one staff member, no valid contract) and C3 (C, followed) retired.
    await must(['archive', 'C000002', '--reason', '公司已注销']);
    await must(['archive', 'C000003', '--reason', '停业']);
    const r = await report(['--month', '2026-10']);
    expect(r.customers.total).toBe(2);
    expect(r.customers.by_status).toEqual([
      { key: 'churned', count: 1 },
      { key: 'cooperating', count: 1 },
    ]);
    expect(r.customers.by_grade).toEqual([
      { key: 'A', count: 1 },
      { key: 'none', count: 1 },
    ]);
    // C2 was new in September: nothing new before October any more.
    expect(r.customers.new).toEqual({ value: 1, previous: 0, change: 1, change_pct: null });
    expect(r.data_quality).toEqual({ unverified: 1, stale_before: '2026-05-04', stale: 0, ab_few_staff: [] });
    // Visits against the minimums leave archived files out (as `crm visit due` does) …
    expect(r.visits).toMatchObject({ required: 2, customers_short: 0, short: [], by_rep: [{ rep: 'zhangwei', customers: 1, required: 2, done: 2, customers_short: 0 }] });
    // … while what they owe is still owed, and their deals are still the month's revenue.
    expect(r.receivables.by_customer.map((c) => c.id)).toEqual(['C000001', 'C000002', 'C000003', 'C000004']);
    expect(r.composition.revenue_by_grade.total.value).toBe(38333);
    // The contracts list is `crm contract check`'s, which lists archived files too.
    expect(r.contracts.missing.map((c) => c.id)).toEqual(['C000002']);
  });

  test("a rep's report counts only the rep's customers", async () => {
    const r = await report(['--month', '2026-10'], 'zhangwei');
    expect(r.customers.total).toBe(2);
    expect(r.composition.revenue_by_grade.total).toEqual({ value: 15000, previous: 10000, change: 5000, change_pct: 50 });
    expect(r.composition.revenue_by_grade.rows.map((x) => [x.key, x.share, x.previous_share])).toEqual([
      ['A', 100, 80],
      ['C', 0, 20],
    ]);
    expect(r.receivables.totals.due_this_month.value).toBe(13000);
    // At the end of September too, only the rep's customers: deal 10 (C3) overdue, not deal 7 (lina's C2).
    expect(r.receivables.totals.overdue).toEqual({ value: 700, previous: 700, change: 0, change_pct: 0 });
    expect(r.receivables.totals.over_aging).toEqual({ value: 0, previous: 0, change: 0, change_pct: null });
    // C1's two October visits against its one in September (C2's visit is lina's customer's).
    expect(r.visits.done).toEqual({ value: 2, previous: 1, change: 1, change_pct: 100 });
    expect(r.customers.churned.customers).toEqual([]);
    expect(r.customers.churned.count.previous).toBe(1);
    expect(r.contracts.count).toBe(0);
    expect(r.visits.unapproved.count).toBe(1);
    expect(r.data_quality).toMatchObject({ unverified: 1, stale: 1, ab_few_staff: [] });
  });

  test('--month defaults to the previous month; a bad month or format exits 2; the report writes nothing to the database', async () => {
    const before = snapshot(db);
    const r = await report();
    expect(r.month).toBe('2026-10');
    expect(r.composition.revenue_by_grade.total.value).toBe(38333);
    const jan = await report(['--month', '2026-01']);
    expect([jan.previous_month, jan.as_of]).toEqual(['2025-12', '2026-01-31']);
    expect((await report(['--month', '2026-11'])).month).toBe('2026-11'); // this month so far
    expect(snapshot(db)).toEqual(before);
    const bad = await crm(db, ['report', 'monthly', '--month', '2026-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"2026-13" is not a month/);
    // A month not begun (2027-10 typed for 2026-10) would show every receivable over the aging limit.
    const future = await crm(db, ['report', 'monthly', '--month', '2026-12']);
    expect(future).toMatchObject({ code: 2, stdout: '' });
    expect(future.stderr).toMatch(/2026-12 has not begun yet: the monthly report goes up to this month \(2026-11\)/);
    expect((await crm(db, ['report', 'monthly', '--format', 'xml'])).code).toBe(2);
    const csv = await crm(db, ['report', 'monthly', '--out', join(dir(), 'r.csv')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/one file per section: give a directory/);
    expect(existsSync(join(dir(), 'r.csv'))).toBe(false);
  });

  test('--out writes the file whole, its format from the extension, leaving no temporary file', async () => {
    const out = join(dir(), 'oct.json');
    const r = await crm(db, ['report', 'monthly', '--month', '2026-10', '--out', out]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    const json = readFileSync(out, 'utf8');
    const doc = JSON.parse(json) as MonthlyReport;
    expect(doc.receivables.totals.due_this_month.value).toBe(16333);
    // For programs (a file, a pipe) on one line; on a terminal indented.
    expect(json.split('\n')).toEqual([JSON.stringify(doc), '']);
    expect((await crm(db, ['report', 'monthly', '--month', '2026-10', '--format', 'json'])).stdout).toBe(json);
    const tty = await crm(db, ['report', 'monthly', '--month', '2026-10', '--format', 'json'], { stdoutTTY: true });
    expect(tty.stdout).toBe(JSON.stringify(doc, null, 2) + '\n');
    const md = join(dir(), 'oct.md');
    expect((await crm(db, ['report', 'monthly', '--month', '2026-10', '--out', md])).code).toBe(0);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('## 收入构成 Revenue by grade');
    expect(text).toContain('| A | 15,000.00 | 39.1% | 8,000.00 | 80.0% | +7,000.00 | 87.5% |');
    expect(text).toContain('| Total | 38,333.00 | 100.0% | 10,000.00 | 100.0% | +28,333.00 | 283.3% |');
    expect(readdirSync(dir()).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  test('the table format in Chinese: money in 万, percentages to one decimal', async () => {
    const r = await crm(db, ['report', 'monthly', '--month', '2026-10'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('收入构成（按客户等级）');
    expect(r.stdout).toContain('A\t1.5万\t39.1%\t8,000.00\t80.0%\t+7,000.00\t87.5%');
    expect(r.stdout).toContain('软件\t3万\t78.3%');
    expect(r.stdout).toContain('C000004\t无等级公司\tlina\t2026-10-18\t价格太高');
  });
});
