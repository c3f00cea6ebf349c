// The figures of the monthly report (POLICY §7) and of the single reports made of its parts
// (composition, receivables, visits, customers): a handful of aggregate queries, each over the
// customers the caller may read (scopeSql, alias c). The caller runs them in one read transaction.
import { formatCustomerId } from '../domain/ids.js';
import type { Policy } from '../domain/policy.js';
import {
  asOfAging,
  change,
  composition,
  countShares,
  fen,
  isDowngrade,
  lastDay,
  previousMonth,
  monthEndAging,
  nextDay,
  staleBefore,
  yearEarlier,
  type AgingAmounts,
  type AgingWindow,
  type CompositionBy,
  type CompositionReport,
  type CountRow,
  type CustomerRef,
  type CustomersBy,
  type CustomersReport,
  type DateRange,
  type MonthlyReport,
  type ReceivablesReport,
} from '../domain/report.js';
import type { Scope } from '../domain/scope.js';
import type { MonthRange } from '../domain/visits.js';
import { missingContracts } from './contracts.js';
import type { Db } from './database.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';
import { monthMinimumsCte, visitsDue } from './visits.js';

type Sums = Map<string, number>;

/** Deals still owed something on a date, as ranges of the deals_receivable index. */
const OPEN_RANGES = ['d.settled_on IS NULL', 'd.settled_on > @openAfter'] as const;

function add(m: Sums, key: string, v: number): void {
  m.set(key, (m.get(key) ?? 0) + v);
}

/** The SQL of each key our deals are summed by (deals d, customers c). */
const DEAL_KEYS: Record<CompositionBy, string> = {
  grade: "coalesce(c.grade, 'none')",
  line: "coalesce(d.business_line, 'none')",
  region: "coalesce(d.region, 'none')",
  industry: "coalesce(c.industry, 'none')",
};

/**
 * Our deals from `from` to before `to` of the customers the caller may read, summed (amount, gross
 * profit) by each of the keys at once: one pass over the deals_date covering index, grouped in
 * SQL by every key; the customer's grade and industry come from its primary key.
 */
function dealSums(db: Db, scope: Scope, from: string, to: string, keys: readonly CompositionBy[]): { amount: Sums; profit: Sums }[] {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `SELECT ${keys.map((k) => DEAL_KEYS[k]).join(', ')}, total(d.amount), total(d.profit)
       FROM deals d INDEXED BY deals_date JOIN customers c ON c.id = d.customer_id
      WHERE d.competitor IS NULL AND d.deal_date >= @from AND d.deal_date < @to AND ${s.where}
      GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`,
  )
    .raw()
    .all({ ...s.params, from, to }) as (string | number)[][];
  return keys.map((_, i) => {
    const sums = { amount: new Map() as Sums, profit: new Map() as Sums };
    for (const r of rows) {
      add(sums.amount, r[i] as string, r[keys.length] as number);
      add(sums.profit, r[i] as string, r[keys.length + 1] as number);
    }
    return sums;
  });
}

/** The month's revenue by grade, business line and region, and gross profit by grade. */
function compositions(db: Db, scope: Scope, month: MonthRange, prev: MonthRange): MonthlyReport['composition'] {
  const keys = ['grade', 'line', 'region'] as const;
  const [cur, old] = [dealSums(db, scope, month.from, month.to, keys), dealSums(db, scope, prev.from, prev.to, keys)];
  return {
    revenue_by_grade: composition(cur[0]!.amount, old[0]!.amount),
    revenue_by_business_line: composition(cur[1]!.amount, old[1]!.amount),
    revenue_by_region: composition(cur[2]!.amount, old[2]!.amount),
    profit_by_grade: composition(cur[0]!.profit, old[0]!.profit),
  };
}

/** `crm report composition`: revenue and gross profit of the period by one key, against the same
 * period a year earlier. */
export function compositionReport(db: Db, scope: Scope, range: DateRange, by: CompositionBy): CompositionReport {
  const earlier = { from: yearEarlier(range.from), to: yearEarlier(range.to) };
  const [cur] = dealSums(db, scope, range.from, nextDay(range.to), [by]);
  const [old] = dealSums(db, scope, earlier.from, nextDay(earlier.to), [by]);
  return { ...range, by, compared_with: earlier, revenue: composition(cur!.amount, old!.amount), profit: composition(cur!.profit, old!.profit) };
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

const BUCKETS = ['due_this_month', 'overdue', 'over_aging'] as const;

/**
 * What each customer owed in each aging bucket at each window (three amounts per window), from the
 * deals still open at the earliest window's date. The partial index deals_receivable holds only
 * our deals with a due date, by settled_on then customer: the open ones are two ranges of it (never
 * settled, read in customer order with no sort; settled after the date) rather than the whole
 * history of deals. A deal owes nothing once settled, everything before its first payment, and
 * only when partly paid are its payments looked up (a lookup for every open deal cost a second on
 * the benchmark).
 */
function owedByCustomer(db: Db, windows: readonly AgingWindow[]): Map<number, number[]> {
  const params: Record<string, string> = {
    openAfter: windows.reduce((a, w) => (w.paidBy < a ? w.paidBy : a), windows[0]!.paidBy),
    dueBy: windows.reduce((a, w) => (w.dueTo > a ? w.dueTo : a), windows[0]!.dueTo),
  };
  const sums: string[] = [];
  windows.forEach((w, i) => {
    // Due this month wins over the aging limit (a limit shorter than the month): the buckets are
    // three ranges of due dates, compared directly (a CASE per bucket costs a third more).
    Object.assign(params, { [`paidBy${i}`]: w.paidBy, [`dueFrom${i}`]: w.dueFrom, [`dueTo${i}`]: w.dueTo, [`agingFrom${i}`]: w.agingFrom < w.dueFrom ? w.agingFrom : w.dueFrom });
    const owed = `CASE WHEN d.settled_on <= @paidBy${i} THEN 0 WHEN d.first_paid_on IS NULL OR d.first_paid_on > @paidBy${i} THEN d.amount
                       ELSE d.amount - (SELECT total(p.amount) FROM payments p WHERE p.deal_id = d.id AND p.paid_on <= @paidBy${i}) END`;
    sums.push(
      `total(iif(d.due_date >= @dueFrom${i} AND d.due_date <= @dueTo${i}, ${owed}, 0))`,
      `total(iif(d.due_date >= @agingFrom${i} AND d.due_date < @dueFrom${i}, ${owed}, 0))`,
      `total(iif(d.due_date < @agingFrom${i}, ${owed}, 0))`,
    );
  });
  const net = new Map<number, number[]>();
  // Two ranges of the index (never settled, settled after the earliest date asked about): an OR
  // of the two would scan it whole.
  for (const range of OPEN_RANGES.keys()) {
    const rows = stmt(
      db,
      `SELECT d.customer_id, ${sums.join(', ')}
         FROM deals d INDEXED BY deals_receivable
        WHERE d.competitor IS NULL AND d.due_date IS NOT NULL AND ${OPEN_RANGES[range]} AND d.due_date <= @dueBy
        GROUP BY d.customer_id`,
    )
      .raw()
      .all(params) as number[][];
    for (const [id, ...owed] of rows) {
      const v = net.get(id!);
      if (v) owed.forEach((x, k) => (v[k]! += x));
      else net.set(id!, owed);
    }
  }
  return net;
}

/** `crm report receivables`: what is owed on the date (the report of the 15th). */
export function receivablesReport(db: Db, scope: Scope, asOf: string, agingDays: number): ReceivablesReport {
  const { totals, by_customer, by_rep } = receivablesAging(db, scope, [asOfAging(asOf, agingDays)]);
  return { as_of: asOf, aging_days: agingDays, totals: totals[0]!, by_rep, by_customer };
}

interface ReceivablesAging {
  /** Per window, the totals over the caller's customers. */
  totals: AgingAmounts[];
  /** At the first window: every customer owing something, and the sums per rep (the customer's
   * owner now, who collects; null: no owner), reps by login and the unowned last. */
  by_customer: (CustomerRef & AgingAmounts)[];
  by_rep: ({ rep: string | null } & AgingAmounts)[];
}

function aging(v: readonly number[], window: number): AgingAmounts {
  return { due_this_month: fen(v[window * 3]!), overdue: fen(v[window * 3 + 1]!), over_aging: fen(v[window * 3 + 2]!) };
}

/** Receivables aging of the customers the caller may read, at one window or more (POLICY §5). */
function receivablesAging(db: Db, scope: Scope, windows: readonly AgingWindow[]): ReceivablesAging {
  const net = owedByCustomer(db, windows);
  // Only the customers the caller may read, with their names and owners (who collect).
  const s = scopeSql(scope);
  const customers = stmt(db, `SELECT c.id, c.name, o.login AS owner FROM customers c LEFT JOIN staff o ON o.id = c.owner_id WHERE ${s.where} ORDER BY c.id`).all(
    s.params,
  ) as { id: number; name: string; owner: string | null }[];
  const totals = windows.map(emptyAging);
  const byCustomer: ReceivablesAging['by_customer'] = [];
  const perRep = new Map<string | null, { rep: string | null } & AgingAmounts>();
  for (const c of customers) {
    const v = net.get(c.id);
    if (!v) continue;
    windows.forEach((_, w) => {
      const a = aging(v, w);
      for (const k of BUCKETS) totals[w]![k] = fen(totals[w]![k] + a[k]);
    });
    const amounts = aging(v, 0);
    if (BUCKETS.every((k) => amounts[k] === 0)) continue;
    byCustomer.push({ id: formatCustomerId(c.id), name: c.name, owner: c.owner, ...amounts });
    let r = perRep.get(c.owner);
    if (!r) perRep.set(c.owner, (r = { rep: c.owner, ...emptyAging() }));
    for (const k of BUCKETS) r[k] = fen(r[k] + amounts[k]);
  }
  const byRep = [...perRep.values()];
  byRep.sort((a, b) => (a.rep === null ? 1 : b.rep === null ? -1 : a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
  return { totals, by_customer: byCustomer, by_rep: byRep };
}

/** What was owed on the last day of the month, against the last day of the previous month. */
function receivables(db: Db, scope: Scope, month: MonthRange, prev: MonthRange, agingDays: number): MonthlyReport['receivables'] {
  const { totals, by_customer, by_rep } = receivablesAging(db, scope, [monthEndAging(month, agingDays), monthEndAging(prev, agingDays)]);
  const [t, p] = [totals[0]!, totals[1]!];
  return {
    aging_days: agingDays,
    totals: { due_this_month: change(t.due_this_month, p.due_this_month), overdue: change(t.overdue, p.overdue), over_aging: change(t.over_aging, p.over_aging) },
    by_customer,
    by_rep,
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
 * the visits made to them in the month (the same customers and count as visitsDue: archived files
 * are left out). */
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
      WHERE c.archived_at IS NULL AND ${s.where}
      GROUP BY c.owner_id
      ORDER BY o.login IS NULL, o.login`,
  ).all(params) as RepVisits[];
}

/** Visits against the minimums per rep, the customers short of theirs and the reports awaiting
 * approval: the monthly report's section and `crm report visits`. */
export function visitFigures(db: Db, scope: Scope, month: MonthRange, prev: MonthRange, policy: Policy): MonthlyReport['visits'] {
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
  const join = scope.grants.some((g) => g.kind === 'all') ? '' : `JOIN customers c ON c.id = v.customer_id AND ${s.where}`;
  return stmt(
    db,
    `WITH n(rep_id, count) AS (SELECT v.rep_id, count(*) FROM visits v NOT INDEXED ${join} WHERE v.approved_by IS NULL AND v.visited_on < @to GROUP BY v.rep_id)
     SELECT r.login AS rep, n.count FROM n JOIN staff r ON r.id = n.rep_id ORDER BY r.login`,
  ).all({ ...s.params, to }) as { rep: string; count: number }[];
}

/** The SQL of each key the customer files are counted by (customers c, their owner o). */
const CUSTOMER_KEYS: Record<CustomersBy, string> = {
  status: 'c.status',
  grade: 'c.grade',
  region: 'c.region',
  industry: 'c.industry',
  source: 'c.source',
  owner: 'o.login',
};

/** `crm report customers`: the files the caller may read, counted by one key. */
export function customersReport(db: Db, scope: Scope, by: CustomersBy): CustomersReport {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `SELECT coalesce(${CUSTOMER_KEYS[by]}, 'none') AS key, count(*) AS count
       FROM customers c LEFT JOIN staff o ON o.id = c.owner_id WHERE ${s.where} GROUP BY 1`,
  ).all(s.params) as CountRow[];
  return { by, total: rows.reduce((a, r) => a + r.count, 0), rows: countShares(new Map(rows.map((r) => [r.key, r.count]))) };
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
    visits: visitFigures(db, scope, month, prev, policy),
    contracts: { count: missing.length, missing: missing.map((r) => ({ id: formatCustomerId(r.id), name: r.name, owner: r.owner, grade: r.grade })) },
    credit: credit(db, scope, asOf),
    data_quality: { unverified: base.unverified, stale_before: stale, stale: base.stale, ab_few_staff: abFewStaff(db, scope) },
  };
}
