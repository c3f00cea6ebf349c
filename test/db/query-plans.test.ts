// The look-ups run once per card on a large import must use an index: a full scan there turns a
// one-minute import into hours. The reports' reads of deals and payments likewise.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { LOOKUP } from '../../src/db/customers.js';
import { createDatabase, readTransactionAsync } from '../../src/db/database.js';
import { compositionReport, customersReport, monthlyReport, receivablesReport, visitFigures } from '../../src/db/report.js';
import { DEFAULT_POLICY } from '../../src/domain/policy.js';
import { parseMonth } from '../../src/domain/visits.js';
import { useTempDir } from '../support/run.js';

const dir = useTempDir();

test.each(Object.entries(LOOKUP))('%s uses an index', (_name, sql) => {
  const path = join(dir(), 'plans.db');
  createDatabase(path).close();
  const db = new Database(path, { readonly: true });
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ v: 'x', customer: 1 }) as { detail: string }[]).map((r) => r.detail);
  db.close();
  expect(plan.filter((d) => /^SCAN (customers|contacts|c|k)\b/.test(d))).toEqual([]);
  expect(plan.some((d) => /USING (COVERING )?INDEX|INTEGER PRIMARY KEY/.test(d))).toBe(true);
});

// The reports read the whole book: every deal, payment and visit must come through an index (a
// scan of two million deals, or a payments lookup per deal, is what made the monthly report take
// 6 s).
test('the report queries read deals, payments and visits through their indexes only', async () => {
  const path = join(dir(), 'report-plans.db');
  createDatabase(path).close();
  const db = new Database(path, { readonly: true });
  const seen = new Set<string>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.add(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  const scope = { grants: [{ kind: 'all' as const }] };
  const month = parseMonth('2026-10')!;
  const query = { scope, month, policy: DEFAULT_POLICY };
  await readTransactionAsync(db, async () => {
    await monthlyReport(db, query);
    compositionReport(db, scope, { from: '2026-01-01', to: '2026-11-23' }, 'industry');
    receivablesReport(db, scope, '2026-11-15', 90);
    visitFigures(db, scope, month, parseMonth('2026-09')!, DEFAULT_POLICY);
    customersReport(db, scope, 'owner');
  });
  const plans = new Map([...seen].map((sql) => [sql, (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(paramsOf(sql)) as { detail: string }[]).map((r) => r.detail)]));
  db.close();
  const all = [...plans.values()].flat();
  expect(all.filter((d) => /^SCAN (deals|d|payments|p)\b/.test(d))).toEqual([]);
  // The customer files are read once (one SCAN c per statement that reads them), each part joined
  // to them through an index: the open deals are two ranges of the partial index (never settled,
  // in customer order: no sort; settled after the date), summed per customer into two tables, and
  // only their payments are read, from the covering payments_deal. (SQLite calls a partial index
  // covering only when it holds the columns of its own WHERE too: competitor is not read.)
  const receivables = [...plans].filter(([sql]) => sql.includes('deals_receivable')).map(([, plan]) => plan);
  // The monthly report's pass over the files, its total for the previous month (all files: no
  // customer read), the report of the 15th.
  expect(receivables.length).toBe(3);
  const customerReads = [];
  for (const plan of receivables) {
    const steps = plan.filter((d) => !d.startsWith('CORRELATED') && !d.startsWith('SEARCH p') && !d.startsWith('BLOOM FILTER'));
    const [never, after] = ['(settled_on=?)', '(settled_on>?)'].map((range) => steps.indexOf(`SEARCH d USING INDEX deals_receivable ${range}`));
    expect(steps.filter((d) => d.includes('deals_receivable')).length).toBe(2);
    expect([steps[never! + 1], steps[after! + 1]]).toEqual([expect.not.stringMatching(/TEMP B-TREE/), 'USE TEMP B-TREE FOR GROUP BY']);
    const files = steps.filter((d) => /^(SCAN|SEARCH) c\b/.test(d));
    customerReads.push(files.length);
    if (files.length === 0) continue;
    expect(files).toEqual(['SCAN c']);
    expect(steps.slice(steps.indexOf('SCAN c') + 1).filter((d) => / o[01] /.test(d))).toEqual([
      'SEARCH o0 USING AUTOMATIC COVERING INDEX (customer_id=?) LEFT-JOIN',
      'SEARCH o1 USING AUTOMATIC COVERING INDEX (customer_id=?) LEFT-JOIN',
    ]);
  }
  expect(customerReads.sort()).toEqual([0, 1, 1]);
  const payments = new Set(receivables.flat().filter((d) => d.startsWith('SEARCH p')));
  expect(payments).toEqual(new Set(['SEARCH p USING COVERING INDEX payments_deal (deal_id=? AND paid_on<?)']));
  // A month's visits in one range of visits_month; the reports awaiting approval from their own
  // partial index, never the million visits of the table.
  expect(new Set(all.filter((d) => /^(SCAN|SEARCH) (visits|v)\b/.test(d)))).toEqual(
    new Set(['SCAN v USING INDEX visits_unapproved', 'SEARCH visits USING COVERING INDEX visits_month (visited_on>? AND visited_on<?)']),
  );
  // The deals of the period from their date index, summed per customer, then each customer looked
  // up by its id.
  const compositions = [...plans].filter(([sql]) => sql.includes('deals_date')).map(([, plan]) => plan);
  expect(compositions.length).toBeGreaterThan(0);
  for (const plan of compositions) {
    expect(plan.slice(0, 2)).toEqual(['MATERIALIZE x', expect.stringMatching(/^SEARCH d USING (COVERING )?INDEX deals_date \(deal_date>\? AND deal_date<\?\)$/)]);
    expect(plan).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
  }
});

/** A null for every named parameter of the statement (plans do not depend on the values). */
function paramsOf(sql: string): Record<string, null> {
  return Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1]!, null]));
}
