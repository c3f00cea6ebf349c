// The figures of the monthly report (POLICY §7): a handful of aggregate queries, each over the
// customers the caller may read (scopeSql, alias c). The caller runs them in one read transaction.
import { formatCustomerId } from '../domain/ids.js';
import type { Policy } from '../domain/policy.js';
import {
  change,
  composition,
  fen,
  isDowngrade,
  lastDay,
  previousMonth,
  staleBefore,
  type AgingAmounts,
  type CountRow,
  type MonthlyReport,
} from '../domain/report.js';
import type { Scope } from '../domain/scope.js';
import type { MonthRange } from '../domain/visits.js';
import { missingContracts } from './contracts.js';
import type { Db } from './database.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';
import { monthMinimumsCte, visitsDue } from './visits.js';

type Sums = Map<string, number>;

function add(m: Sums, key: string, v: number): void {
  m.set(key, (m.get(key) ?? 0) + v);
}

/** Our deals of the two months over the deals_date covering index, grouped in SQL by everything
 * the compositions need; the customer's current grade comes from its primary key. */
function compositions(db: Db, scope: Scope, month: MonthRange, prev: MonthRange): MonthlyReport['composition'] {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `SELECT d.deal_date >= @from AS current, coalesce(c.grade, 'none') AS grade, coalesce(d.business_line, 'none') AS line,
            coalesce(d.region, 'none') AS region, total(d.amount) AS amount, total(d.profit) AS profit
       FROM deals d INDEXED BY deals_date JOIN customers c ON c.id = d.customer_id
      WHERE d.competitor IS NULL AND d.deal_date >= @prevFrom AND d.deal_date < @to AND ${s.where}
      GROUP BY 1, 2, 3, 4`,
  ).all({ ...s.params, from: month.from, prevFrom: prev.from, to: month.to }) as {
    current: number;
    grade: string;
    line: string;
    region: string;
    amount: number;
    profit: number;
  }[];
  const sums = [0, 1].map(() => ({ grade: new Map() as Sums, line: new Map() as Sums, region: new Map() as Sums, profit: new Map() as Sums }));
  for (const r of rows) {
    const m = sums[r.current ? 0 : 1]!;
    add(m.grade, r.grade, r.amount);
    add(m.line, r.line, r.amount);
    add(m.region, r.region, r.amount);
    add(m.profit, r.grade, r.profit);
  }
  const [cur, old] = [sums[0]!, sums[1]!];
  return {
    revenue_by_grade: composition(cur.grade, old.grade),
    revenue_by_business_line: composition(cur.line, old.line),
    revenue_by_region: composition(cur.region, old.region),
    profit_by_grade: composition(cur.profit, old.profit),
  };
}

function counts(m: Map<string, number>): CountRow[] {
  return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** One pass over the customers: counts by status and grade, new in either month, data quality. */
function customerBase(db: Db, scope: Scope, month: MonthRange, prev: MonthRange, stale: string) {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `SELECT c.status, coalesce(c.grade, 'none') AS grade, count(*) AS n,
            total(c.created_at >= @from AND c.created_at < @to) AS new_now,
            total(c.created_at >= @prevFrom AND c.created_at < @from) AS new_before,
            total(c.verified_at IS NULL) AS unverified,
            total(c.updated_at < @stale) AS stale
       FROM customers c WHERE ${s.where} GROUP BY 1, 2`,
  ).all({ ...s.params, from: month.from, to: month.to, prevFrom: prev.from, stale }) as {
    status: string;
    grade: string;
    n: number;
    new_now: number;
    new_before: number;
    unverified: number;
    stale: number;
  }[];
  const byStatus = new Map<string, number>();
  const byGrade = new Map<string, number>();
  const t = { total: 0, newNow: 0, newBefore: 0, unverified: 0, stale: 0 };
  for (const r of rows) {
    add(byStatus, r.status, r.n);
    add(byGrade, r.grade, r.n);
    t.total += r.n;
    t.newNow += r.new_now;
    t.newBefore += r.new_before;
    t.unverified += r.unverified;
    t.stale += r.stale;
  }
  return { ...t, byStatus: counts(byStatus), byGrade: counts(byGrade) };
}

/** Churns and grade changes of the two months, from the history. */
function changes(db: Db, scope: Scope, month: MonthRange, prev: MonthRange) {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `SELECT h.at >= @from AS current, h.field, h.old_value, h.new_value, substr(h.at, 1, 10) AS on_date,
            c.id, c.name, c.churn_reason, o.login AS owner
       FROM history h JOIN customers c ON c.id = h.customer_id LEFT JOIN staff o ON o.id = c.owner_id
      WHERE h.entity = 'customer' AND h.at >= @prevFrom AND h.at < @to
        AND ((h.field = 'status' AND h.new_value = 'churned') OR h.field = 'grade') AND ${s.where}
      ORDER BY h.id`,
  ).all({ ...s.params, from: month.from, to: month.to, prevFrom: prev.from }) as {
    current: number;
    field: string;
    old_value: string | null;
    new_value: string | null;
    on_date: string;
    id: number;
    name: string;
    churn_reason: string | null;
    owner: string | null;
  }[];
  const churned: MonthlyReport['customers']['churned']['customers'] = [];
  const graded: MonthlyReport['customers']['grade_changes']['changes'] = [];
  let churnedBefore = 0;
  let gradedBefore = 0;
  for (const r of rows) {
    const ref = { id: formatCustomerId(r.id), name: r.name, owner: r.owner };
    if (r.field === 'status') {
      if (r.current) churned.push({ ...ref, churned_on: r.on_date, reason: r.churn_reason });
      else churnedBefore++;
    } else if (r.current) graded.push({ ...ref, changed_on: r.on_date, from: r.old_value, to: r.new_value });
    else gradedBefore++;
  }
  return {
    churned: { count: change(churned.length, churnedBefore), customers: churned },
    grade_changes: { count: change(graded.length, gradedBefore), changes: graded },
  };
}

function emptyAging(): AgingAmounts {
  return { due_this_month: 0, overdue: 0, over_aging: 0 };
}

/** The date `days` days before an ISO date: due before it is more than `days` days late. */
function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const BUCKETS = ['due_this_month', 'overdue', 'over_aging'] as const;

/** The bucket (0 due this month, 1 overdue, 2 over the aging limit, null not yet due) of a deal's
 * due date on the last day of a month, as SQL: agingBucket's limits, except that everything due
 * within the month counts as due this month. */
function bucketSql(from: string, asOf: string, agingFrom: string): string {
  return `CASE WHEN d.due_date > ${asOf} THEN NULL WHEN d.due_date >= ${from} THEN 0 WHEN d.due_date < ${agingFrom} THEN 2 ELSE 1 END`;
}

/**
 * What was owed on the last day of the month and of the previous month, per customer and bucket,
 * as (our deals' amounts) − (payments on them by then): two aggregate passes, one over the
 * deals_open index and one over the payments, instead of one payments lookup per deal. A deal is
 * due on or after its date, so a deal due by a date was made by then (no lookup of deal_date).
 * The payments are read in table order, each looking its deal up (CROSS JOIN keeps that order:
 * the planner's choice, each deal probing the payments, is four times slower).
 */
function receivables(db: Db, scope: Scope, month: MonthRange, prev: MonthRange, agingDays: number): MonthlyReport['receivables'] {
  const asOf = lastDay(month);
  const prevAsOf = lastDay(prev);
  // The aging limits computed once here: a date() call per deal and column costs seconds.
  const p = { from: month.from, asOf, prevFrom: prev.from, prevAsOf, agingFrom: daysBefore(asOf, agingDays), prevAgingFrom: daysBefore(prevAsOf, agingDays) };
  const cur = bucketSql('@from', '@asOf', '@agingFrom');
  const old = bucketSql('@prevFrom', '@prevAsOf', '@prevAgingFrom');
  const cols = (expr: string, amount: string, asOf: string, bucket: string) =>
    [0, 1, 2].map((b) => `total(iif(${bucket} = ${b}${asOf}, ${amount}, 0)) AS ${expr}${b}`).join(', ');
  type Row = { customer_id: number } & Record<string, number>;
  const owed = stmt(
    db,
    `SELECT d.customer_id, ${cols('c', 'd.amount', '', cur)}, ${cols('p', 'd.amount', '', old)}
       FROM deals d INDEXED BY deals_open
      WHERE d.competitor IS NULL AND d.due_date IS NOT NULL AND d.due_date <= @asOf
      GROUP BY d.customer_id`,
  ).all(p) as Row[];
  const paid = stmt(
    db,
    `SELECT d.customer_id, ${cols('c', 'p.amount', ' AND p.paid_on <= @asOf', cur)}, ${cols('p', 'p.amount', ' AND p.paid_on <= @prevAsOf', old)}
       FROM payments p NOT INDEXED CROSS JOIN deals d ON d.id = p.deal_id
      WHERE p.paid_on <= @asOf AND d.competitor IS NULL AND d.due_date IS NOT NULL AND d.due_date <= @asOf
      GROUP BY d.customer_id`,
  ).all(p) as Row[];
  const net = new Map<number, number[]>();
  for (const [rows, sign] of [[owed, 1], [paid, -1]] as const) {
    for (const r of rows) {
      let v = net.get(r.customer_id);
      if (!v) net.set(r.customer_id, (v = [0, 0, 0, 0, 0, 0]));
      for (let b = 0; b < 3; b++) {
        v[b]! += sign * r[`c${b}`]!;
        v[b + 3]! += sign * r[`p${b}`]!;
      }
    }
  }
  // Only the customers the caller may read, with their names and owners (who collect).
  const s = scopeSql(scope);
  const customers = stmt(db, `SELECT c.id, c.name, o.login AS owner FROM customers c LEFT JOIN staff o ON o.id = c.owner_id WHERE ${s.where} ORDER BY c.id`).all(
    s.params,
  ) as { id: number; name: string; owner: string | null }[];
  const byCustomer: MonthlyReport['receivables']['by_customer'] = [];
  const perRep = new Map<string | null, { rep: string | null } & AgingAmounts>();
  const totals = [0, 0, 0, 0, 0, 0];
  for (const c of customers) {
    const v = net.get(c.id);
    if (!v) continue;
    const a = v.map(fen);
    a.forEach((x, i) => (totals[i]! += x));
    if (a[0] === 0 && a[1] === 0 && a[2] === 0) continue;
    const amounts = { due_this_month: a[0]!, overdue: a[1]!, over_aging: a[2]! };
    byCustomer.push({ id: formatCustomerId(c.id), name: c.name, owner: c.owner, ...amounts });
    let r = perRep.get(c.owner);
    if (!r) perRep.set(c.owner, (r = { rep: c.owner, ...emptyAging() }));
    for (const k of BUCKETS) r[k] = fen(r[k] + amounts[k]);
  }
  const byRep = [...perRep.values()];
  byRep.sort((a, b) => (a.rep === null ? 1 : b.rep === null ? -1 : a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
  const t = totals.map(fen);
  return {
    aging_days: agingDays,
    totals: { due_this_month: change(t[0]!, t[3]!), overdue: change(t[1]!, t[4]!), over_aging: change(t[2]!, t[5]!) },
    by_customer: byCustomer,
    by_rep: byRep,
  };
}

interface RepVisits {
  rep: string | null;
  customers: number;
  required: number;
  done: number;
  customers_short: number;
}

/** Per rep (the customer's owner): the customers with a minimum, the visits they required and
 * the visits made to them in the month (the same count as visitsDue). */
function visitsByRep(db: Db, scope: Scope, month: MonthRange, policy: Policy): RepVisits[] {
  const s = scopeSql(scope);
  const params: Record<string, string | number | null> = { ...s.params };
  const withMinimums = monthMinimumsCte(policy, month, params);
  if (!withMinimums) return [];
  return stmt(
    db,
    `${withMinimums}
     SELECT o.login AS rep, count(*) AS customers, total(m.minimum) AS required, total(coalesce(d.n, 0)) AS done,
            total(coalesce(d.n, 0) < m.minimum) AS customers_short
       FROM customers c
       JOIN m ON m.status = c.status AND m.grade = c.grade
       LEFT JOIN done d ON d.customer_id = c.id
       LEFT JOIN staff o ON o.id = c.owner_id
      WHERE ${s.where}
      GROUP BY c.owner_id
      ORDER BY o.login IS NULL, o.login`,
  ).all(params) as RepVisits[];
}

function visits(db: Db, scope: Scope, month: MonthRange, prev: MonthRange, policy: Policy): MonthlyReport['visits'] {
  const byRep = visitsByRep(db, scope, month, policy);
  const before = visitsByRep(db, scope, prev, policy);
  const short = visitsDue(db, scope, month, policy).map((r) => ({
    id: formatCustomerId(r.id),
    name: r.name,
    owner: r.rep,
    status: r.status,
    grade: r.grade,
    minimum: r.minimum,
    done: r.done,
  }));
  const unapproved = unapprovedByRep(db, scope, month.to);
  const sum = (rows: RepVisits[], k: 'required' | 'done') => rows.reduce((a, r) => a + r[k], 0);
  return {
    required: sum(byRep, 'required'),
    done: change(sum(byRep, 'done'), sum(before, 'done')),
    customers_short: short.length,
    by_rep: byRep,
    short,
    unapproved: { count: unapproved.reduce((a, r) => a + r.count, 0), by_rep: unapproved },
  };
}

/** Visit reports made before `to` still awaiting approval, counted per rep (the same visits as
 * unapprovedFor, counted rather than listed). Counted per rep id first, and joined to the
 * customers only when the scope is narrower than all (a million lookups cost seconds); the
 * visits are read in table order (through visits_month every row is a random lookup). */
function unapprovedByRep(db: Db, scope: Scope, to: string): { rep: string; count: number }[] {
  const s = scopeSql(scope);
  const join = s.where === '1' ? '' : `JOIN customers c ON c.id = v.customer_id AND ${s.where}`;
  return stmt(
    db,
    `WITH n(rep_id, count) AS (SELECT v.rep_id, count(*) FROM visits v NOT INDEXED ${join} WHERE v.approved_by IS NULL AND v.visited_on < @to GROUP BY v.rep_id)
     SELECT r.login AS rep, n.count FROM n JOIN staff r ON r.id = n.rep_id ORDER BY r.login`,
  ).all({ ...s.params, to }) as { rep: string; count: number }[];
}

/** The latest rating per customer as of the date, and the one before it. */
function credit(db: Db, scope: Scope, asOf: string): MonthlyReport['credit'] {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `WITH r AS (SELECT customer_id, rating, rated_on,
                       row_number() OVER (PARTITION BY customer_id ORDER BY rated_on DESC, id DESC) AS rn
                  FROM credit_ratings WHERE rated_on <= @asOf)
     SELECT c.id, c.name, o.login AS owner, a.rating, a.rated_on, b.rating AS before
       FROM r a JOIN customers c ON c.id = a.customer_id
       LEFT JOIN r b ON b.customer_id = a.customer_id AND b.rn = 2
       LEFT JOIN staff o ON o.id = c.owner_id
      WHERE a.rn = 1 AND ${s.where}
      ORDER BY c.id`,
  ).all({ ...s.params, asOf }) as { id: number; name: string; owner: string | null; rating: string; rated_on: string; before: string | null }[];
  const dist = new Map<string, number>();
  const downgraded: MonthlyReport['credit']['downgraded'] = [];
  for (const r of rows) {
    add(dist, r.rating, 1);
    if (r.before !== null && isDowngrade(r.before, r.rating))
      downgraded.push({ id: formatCustomerId(r.id), name: r.name, owner: r.owner, rated_on: r.rated_on, from: r.before, to: r.rating });
  }
  const order = ['AAA', 'AA', 'A', 'B', 'C', 'unrated'];
  const distribution = [...dist].map(([key, count]) => ({ key, count })).sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return { distribution, downgraded };
}

/** A and B customers (not churned) with fewer than two staff in contact: the owner and the others. */
function abFewStaff(db: Db, scope: Scope): MonthlyReport['data_quality']['ab_few_staff'] {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `SELECT c.id, c.name, c.grade, o.login AS owner,
            (c.owner_id IS NOT NULL) + (SELECT count(*) FROM customer_staff cs WHERE cs.customer_id = c.id AND cs.staff_id IS NOT c.owner_id) AS staff
       FROM customers c LEFT JOIN staff o ON o.id = c.owner_id
      WHERE c.grade IN ('A', 'B') AND c.status <> 'churned' AND ${s.where} AND staff < 2
      ORDER BY c.id`,
  ).all(s.params) as { id: number; name: string; grade: string; owner: string | null; staff: number }[];
  return rows.map((r) => ({ id: formatCustomerId(r.id), name: r.name, owner: r.owner, grade: r.grade, staff: r.staff }));
}

/** Every figure of the month's report for the caller's scope. */
export function monthlyReport(db: Db, scope: Scope, month: MonthRange, policy: Policy): MonthlyReport {
  const prev = previousMonth(month);
  const asOf = lastDay(month);
  const stale = staleBefore(month);
  const base = customerBase(db, scope, month, prev, stale);
  const missing = missingContracts(db, scope, asOf).filter((r) => r.reason === 'ab_without_contract');
  return {
    month: month.month,
    previous_month: prev.month,
    as_of: asOf,
    composition: compositions(db, scope, month, prev),
    customers: {
      total: base.total,
      by_status: base.byStatus,
      by_grade: base.byGrade,
      new: change(base.newNow, base.newBefore),
      ...changes(db, scope, month, prev),
    },
    receivables: receivables(db, scope, month, prev, policy.receivableAgingDays),
    visits: visits(db, scope, month, prev, policy),
    contracts: { count: missing.length, missing: missing.map((r) => ({ id: formatCustomerId(r.id), name: r.name, owner: r.owner, grade: r.grade })) },
    credit: credit(db, scope, asOf),
    data_quality: { unverified: base.unverified, stale_before: stale, stale: base.stale, ab_few_staff: abFewStaff(db, scope) },
  };
}
