// The figures of the monthly report (POLICY §7) and of the single reports made of its parts
// (composition, receivables, visits, customers): one read of the customer files and a handful of
// aggregate queries, each over the customers the caller may read (scopeSql, alias c). The caller
// runs them in one read transaction; the monthly report's aggregates may be read by a helper
// thread on a connection of its own, at the same time as the pass over the files.
import { staleCutoff } from '../domain/file-keeping.js';
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
import { seesAll, type Scope } from '../domain/scope.js';
import type { MonthRange } from '../domain/visits.js';
import { VALID_CONTRACT } from './contracts.js';
import { dataVersion, readTransactionAsync, type Db } from './database.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';
import { monthMinimumsCte } from './visits.js';

type Sums = Map<string, number>;

function add(m: Sums, key: string, v: number): void {
  m.set(key, (m.get(key) ?? 0) + v);
}

/** Each key our deals are summed by: of the deals summed per customer (x), or of the customer (c). */
const DEAL_KEYS: Record<CompositionBy, string> = {
  grade: "coalesce(c.grade, 'none')",
  line: "coalesce(x.business_line, 'none')",
  region: "coalesce(x.region, 'none')",
  industry: "coalesce(c.industry, 'none')",
};

/** The deals' own columns among the keys: x sums the deals by customer and these. */
const DEAL_COLUMNS: Partial<Record<CompositionBy, string>> = { line: 'business_line', region: 'region' };

/**
 * Our deals from `from` to before `to` of the customers the caller may read, summed (amount, gross
 * profit) by each of the keys at once: one pass over the deals_date covering index, summed per
 * customer and deal key first, so that the customers (for the scope, the grade and the industry)
 * are then looked up once each and in id order (visiting them in the deals' date order cost 40 %
 * more on the benchmark).
 */
function dealSums(db: Db, scope: Scope, from: string, to: string, keys: readonly CompositionBy[]): { amount: Sums; profit: Sums }[] {
  const s = scopeSql(scope);
  const columns = keys.flatMap((k) => (DEAL_COLUMNS[k] ? [`, d.${DEAL_COLUMNS[k]}`] : [])).join('');
  const rows = stmt(
    db,
    `WITH x AS MATERIALIZED (SELECT d.customer_id${columns}, total(d.amount) AS amount, total(d.profit) AS profit
                              FROM deals d INDEXED BY deals_date
                             WHERE d.competitor IS NULL AND d.deal_date >= @from AND d.deal_date < @to
                             GROUP BY d.customer_id${columns})
     SELECT ${keys.map((k) => DEAL_KEYS[k]).join(', ')}, total(x.amount), total(x.profit)
       FROM x JOIN customers c ON c.id = x.customer_id
      WHERE ${s.where}
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

/** The keys of the monthly report's compositions. */
const MONTHLY_KEYS = ['grade', 'line', 'region'] as const;

type KeySums = ReturnType<typeof dealSums>;

/** A month's deals summed by each of the monthly report's keys. */
function monthDealSums(db: Db, scope: Scope, month: MonthRange): KeySums {
  return dealSums(db, scope, month.from, month.to, MONTHLY_KEYS);
}

/** The month's revenue by grade, business line and region, and gross profit by grade. */
function compositions(cur: KeySums, old: KeySums): MonthlyReport['composition'] {
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

// ---- The customer files, read once -------------------------------------------------------------
//
// Every list of customers in the reports (who owes, who is short of visits, who lacks a contract
// or staff) and the counts of the customer base come from one read of the files the caller may
// read, in id order, each row carrying what the parts asked for, computed in SQL. Handing a row
// to JavaScript costs about half a microsecond plus 50–100 ns a value: the four lists read
// separately (a quarter of a million rows on the benchmark, each name decoded again) and the
// three passes over the visits cost more than all the sums (1.4 s for these parts; the one pass,
// with only the month's own figures per file, now takes about half a second on the benchmark).

/** A file as the pass reads it (a raw row). Columns of a part not asked for are null. */
type FileRow = [
  id: number,
  name: string,
  ownerId: number | null,
  status: string,
  grade: string | null,
  archived: number,
  /** NEW_NOW, NEW_BEFORE, UNVERIFIED and STALE, as bits. */
  base: number | null,
  /** A and B files not churned: 1 without a contract valid at the month's end, else 0. */
  withoutContract: number | null,
  /** A and B files not churned: staff in contact (the owner and the others). */
  staff: number | null,
  /** The visits a month the policy asks for (null: none), and made in the month. */
  minimum: number | null,
  done: number | null,
  /** Owed at the aging window's date: due in its month, overdue, over the aging limit. */
  dueThisMonth: number | null,
  overdue: number | null,
  overAging: number | null,
];

const NEW_NOW = 1;
const NEW_BEFORE = 2;
const UNVERIFIED = 4;
const STALE = 8;

/** The month of the customer base: new files, staleness, contracts valid at its last day. */
interface BaseQuery {
  month: MonthRange;
  prev: MonthRange;
  staleBefore: string;
}

interface FilesQuery {
  base?: BaseQuery;
  /** Visits in the month against the policy's minimums. */
  visits?: { month: MonthRange; policy: Policy };
  /** Receivables aging at a date. */
  window?: AgingWindow;
}

/** A part of the pass: its common table expressions, its columns, its joins. */
interface Part {
  sql: string;
  columns: string;
  join: string;
}

const NO_BASE: Part = { sql: '', columns: 'NULL, NULL, NULL', join: '' };
const NO_VISITS: Part = { sql: '', columns: 'NULL, NULL', join: '' };
const NO_OWED: Part = { sql: '', columns: 'NULL, NULL, NULL', join: '' };

/** A and B files with a relationship: they must have a contract and two staff in contact. */
const AB_ACTIVE = "c.grade IN ('A', 'B') AND c.status <> 'churned'";

function basePart(q: BaseQuery, params: Record<string, string | number | null>): Part {
  Object.assign(params, { newFrom: q.month.from, newTo: q.month.to, newPrevFrom: q.prev.from, stale: q.staleBefore, as_of: lastDay(q.month) });
  return {
    sql: '',
    // A file is stale when neither updated nor verified since the cutoff (as `crm stale` says).
    columns: `(c.created_at >= @newFrom AND c.created_at < @newTo) * ${NEW_NOW} + (c.created_at >= @newPrevFrom AND c.created_at < @newFrom) * ${NEW_BEFORE}
                + (c.verified_at IS NULL) * ${UNVERIFIED} + (max(c.updated_at, coalesce(c.verified_at, '')) < @stale) * ${STALE},
              CASE WHEN ${AB_ACTIVE} THEN NOT ${VALID_CONTRACT} END,
              CASE WHEN ${AB_ACTIVE} THEN (c.owner_id IS NOT NULL)
                     + (SELECT count(*) FROM customer_staff cs WHERE cs.customer_id = c.id AND cs.staff_id IS NOT c.owner_id) END`,
    join: '',
  };
}

function visitsPart(q: NonNullable<FilesQuery['visits']>, params: Record<string, string | number | null>): Part {
  return {
    sql: monthMinimumsCte(q.policy, q.month, params),
    columns: 'm.minimum, done.n',
    join: 'LEFT JOIN m ON m.status = c.status AND m.grade = c.grade LEFT JOIN done ON done.customer_id = c.id',
  };
}

/** Deals still owed something on a date, as ranges of the deals_receivable index. */
const OPEN_RANGES = ['d.settled_on IS NULL', 'd.settled_on > @paidBy'] as const;

/**
 * What each customer owed at the window's date in each aging bucket, from the deals still open
 * then, as two tables o0 and o1 (customer_id, a0, a1, a2). The partial index deals_receivable holds
 * only our deals with a due date, by settled_on then customer: the open ones are two ranges of it
 * (never settled, read in customer order with no sort; settled after the date) rather than the
 * whole history of deals, summed per customer. A deal owes nothing once settled, everything before
 * its first payment, and only when partly paid are its payments looked up (a lookup for every
 * open deal cost a second on the benchmark).
 */
function owedTables(w: AgingWindow, params: Record<string, string | number | null>): string {
  // Due this month wins over the aging limit (a limit shorter than the month): the buckets are
  // three ranges of due dates, compared directly (a CASE per bucket costs a third more).
  Object.assign(params, { paidBy: w.paidBy, dueFrom: w.dueFrom, dueTo: w.dueTo, agingFrom: w.agingFrom < w.dueFrom ? w.agingFrom : w.dueFrom });
  // A deal made after the date was not owed on it (only possible when due after the date).
  const owed = `CASE WHEN d.settled_on <= @paidBy THEN 0 WHEN d.due_date > @paidBy AND d.deal_date > @paidBy THEN 0
                     WHEN d.first_paid_on IS NULL OR d.first_paid_on > @paidBy THEN d.amount
                     ELSE d.amount - (SELECT total(p.amount) FROM payments p WHERE p.deal_id = d.id AND p.paid_on <= @paidBy) END`;
  const sums = [
    `total(iif(d.due_date >= @dueFrom AND d.due_date <= @dueTo, ${owed}, 0)) AS a0`,
    `total(iif(d.due_date >= @agingFrom AND d.due_date < @dueFrom, ${owed}, 0)) AS a1`,
    `total(iif(d.due_date < @agingFrom, ${owed}, 0)) AS a2`,
  ];
  // Two ranges of the index (never settled, settled after the date): an OR of the two would scan
  // it whole.
  return OPEN_RANGES.map(
    (_, i) => `o${i} AS (SELECT d.customer_id, ${sums.join(', ')}
                              FROM deals d INDEXED BY deals_receivable
                             WHERE d.competitor IS NULL AND d.due_date IS NOT NULL AND ${OPEN_RANGES[i]} AND d.due_date <= @dueTo
                             GROUP BY d.customer_id)`,
  ).join(',\n');
}

const OWED_BUCKETS = [0, 1, 2].map((k) => `coalesce(o0.a${k}, 0) + coalesce(o1.a${k}, 0)`);

function owedPart(w: AgingWindow, params: Record<string, string | number | null>): Part {
  return {
    sql: owedTables(w, params),
    columns: OWED_BUCKETS.join(', '),
    join: 'LEFT JOIN o0 ON o0.customer_id = c.id LEFT JOIN o1 ON o1.customer_id = c.id',
  };
}

/** What is made of the files, one row at a time. */
interface Tally<T> {
  add(f: FileRow): void;
  result(): T;
}

/**
 * Reads the files the caller may read, in id order, with the parts asked for (visits or a window
 * among them: each brings a WITH table), and gives each row to every tally. Rows are read one at
 * a time and dropped once counted, so the files are never all held at once (less memory, and far
 * less for the garbage collector to move).
 */
function eachFile(db: Db, scope: Scope, q: FilesQuery, tallies: readonly Tally<unknown>[]): void {
  const s = scopeSql(scope);
  const params: Record<string, string | number | null> = { ...s.params };
  const base = q.base ? basePart(q.base, params) : NO_BASE;
  const visits = q.visits ? visitsPart(q.visits, params) : NO_VISITS;
  const owed = q.window ? owedPart(q.window, params) : NO_OWED;
  const sql = [base.sql, visits.sql, owed.sql].filter((x) => x !== '').join(',\n');
  const rows = stmt(
    db,
    `WITH ${sql}
     SELECT c.id, c.name, c.owner_id, c.status, c.grade, c.archived_at IS NOT NULL, ${base.columns}, ${visits.columns}, ${owed.columns}
       FROM customers c ${visits.join} ${owed.join}
      WHERE ${s.where}
      ORDER BY c.id`,
  )
    .raw()
    .iterate(params) as IterableIterator<FileRow>;
  for (const f of rows) for (const t of tallies) t.add(f);
}

/** Staff logins by id: the files carry their owner's id. */
function logins(db: Db): Map<number, string> {
  return new Map(stmt(db, 'SELECT id, login FROM staff').raw().all() as [number, string][]);
}

function ownerOf(ownerId: number | null, owners: Map<number, string>): string | null {
  return ownerId === null ? null : (owners.get(ownerId) ?? null);
}

/** Groups by owner, in the reports' order of reps: by login, the unowned last. */
function byOwner<T>(groups: Map<number | null, T>, owners: Map<number, string>): { rep: string | null; value: T }[] {
  const reps = [...groups].map(([id, value]) => ({ rep: ownerOf(id, owners), value }));
  return reps.sort((a, b) => (a.rep === null ? (b.rep === null ? 0 : 1) : b.rep === null ? -1 : a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
}

function counts(m: Map<string, number>): CountRow[] {
  return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The customer base of the month, archived files left out: counts by status and grade, new
 * files in either month, files never verified, stale files. */
function customerBase() {
  const byStatus = new Map<string, number>();
  const byGrade = new Map<string, number>();
  const t = { total: 0, newNow: 0, newBefore: 0, unverified: 0, stale: 0 };
  return {
    add(f: FileRow) {
      if (f[5]) return;
      add(byStatus, f[3], 1);
      add(byGrade, f[4] ?? 'none', 1);
      const bits = f[6]!;
      t.total++;
      if (bits & NEW_NOW) t.newNow++;
      if (bits & NEW_BEFORE) t.newBefore++;
      if (bits & UNVERIFIED) t.unverified++;
      if (bits & STALE) t.stale++;
    },
    result: () => ({ ...t, byStatus: counts(byStatus), byGrade: counts(byGrade) }),
  };
}

/** A and B files (not churned) without a contract valid at the month's end, as `crm contract
 * check` lists them (archived ones too). */
function withoutContract(owners: Map<number, string>): Tally<MonthlyReport['contracts']['missing']> {
  const missing: MonthlyReport['contracts']['missing'] = [];
  return {
    add(f) {
      if (f[7] === 1) missing.push({ id: formatCustomerId(f[0]), name: f[1], owner: ownerOf(f[2], owners), grade: f[4]! });
    },
    result: () => missing,
  };
}

/** A and B files (not churned, not archived) with fewer than two staff in contact. */
function fewStaff(owners: Map<number, string>): Tally<MonthlyReport['data_quality']['ab_few_staff']> {
  const few: MonthlyReport['data_quality']['ab_few_staff'] = [];
  return {
    add(f) {
      const staff = f[8];
      if (!f[5] && staff !== null && staff < 2) few.push({ id: formatCustomerId(f[0]), name: f[1], owner: ownerOf(f[2], owners), grade: f[4]!, staff });
    },
    result: () => few,
  };
}

function emptyAging(): AgingAmounts {
  return { due_this_month: 0, overdue: 0, over_aging: 0 };
}

function addAging(a: AgingAmounts, due: number, overdue: number, over: number): void {
  a.due_this_month = fen(a.due_this_month + due);
  a.overdue = fen(a.overdue + overdue);
  a.over_aging = fen(a.over_aging + over);
}

interface ReceivablesAging {
  /** The totals over the caller's customers. */
  totals: AgingAmounts;
  /** Every customer owing something, and the sums per rep (the customer's owner now, who
   * collects; null: no owner), reps by login and the unowned last. */
  by_customer: (CustomerRef & AgingAmounts)[];
  by_rep: ({ rep: string | null } & AgingAmounts)[];
}

/** Receivables aging of the files at the pass's window (POLICY §5). */
function receivablesAging(owners: Map<number, string>): Tally<ReceivablesAging> {
  const totals = emptyAging();
  const byCustomer: ReceivablesAging['by_customer'] = [];
  const perRep = new Map<number | null, AgingAmounts>();
  return {
    // Called for every file: no object but the listed one is made (a tenth of the pass's time).
    add(f) {
      const [due, overdue, over] = [fen(f[11]!), fen(f[12]!), fen(f[13]!)];
      if (due === 0 && overdue === 0 && over === 0) return;
      byCustomer.push({ id: formatCustomerId(f[0]), name: f[1], owner: ownerOf(f[2], owners), due_this_month: due, overdue, over_aging: over });
      let r = perRep.get(f[2]);
      if (!r) perRep.set(f[2], (r = emptyAging()));
      addAging(totals, due, overdue, over);
      addAging(r, due, overdue, over);
    },
    result: () => ({ totals, by_customer: byCustomer, by_rep: byOwner(perRep, owners).map(({ rep, value }) => ({ rep, ...value })) }),
  };
}

/** What the caller's customers owed at the window's date, in total: the sums of the files' aging,
 * summed in SQL (for the previous month's end, where the report lists no one), over the files
 * the caller may read, or straight from the open deals when that is all of them (half the time). */
function owedTotals(db: Db, scope: Scope, w: AgingWindow): AgingAmounts {
  const s = scopeSql(scope);
  const params: Record<string, string | number | null> = { ...s.params };
  const sums = seesAll(scope)
    ? 'SELECT total(a0), total(a1), total(a2) FROM (SELECT a0, a1, a2 FROM o0 UNION ALL SELECT a0, a1, a2 FROM o1)'
    : `SELECT ${OWED_BUCKETS.map((b) => `total(${b})`).join(', ')}
         FROM customers c LEFT JOIN o0 ON o0.customer_id = c.id LEFT JOIN o1 ON o1.customer_id = c.id
        WHERE ${s.where}`;
  const sql = owedTables(w, params);
  const [due, overdue, over] = stmt(db, `WITH ${sql} ${sums}`)
    .raw()
    .get(params) as number[];
  return { due_this_month: fen(due!), overdue: fen(overdue!), over_aging: fen(over!) };
}

/** `crm report receivables`: what is owed on the date (the report of the 15th). */
export function receivablesReport(db: Db, scope: Scope, asOf: string, agingDays: number): ReceivablesReport {
  const aged = receivablesAging(logins(db));
  eachFile(db, scope, { window: asOfAging(asOf, agingDays) }, [aged]);
  const { totals, by_customer, by_rep } = aged.result();
  return { as_of: asOf, aging_days: agingDays, totals, by_rep, by_customer };
}

/** What was owed on the last day of the month, against the last day of the previous month. */
function receivables(aged: ReceivablesAging, before: AgingAmounts, agingDays: number): MonthlyReport['receivables'] {
  const t = aged.totals;
  return {
    aging_days: agingDays,
    totals: { due_this_month: change(t.due_this_month, before.due_this_month), overdue: change(t.overdue, before.overdue), over_aging: change(t.over_aging, before.over_aging) },
    by_customer: aged.by_customer,
    by_rep: aged.by_rep,
  };
}

interface RepVisits {
  customers: number;
  required: number;
  done: number;
  customers_short: number;
}

type VisitCounts = Pick<MonthlyReport['visits'], 'by_rep' | 'short'>;

/** Visits against the minimums per rep (the customer's owner) and the customers short of theirs:
 * the same customers and counts as visitsDue (archived files are left out). */
function visitCounts(owners: Map<number, string>): Tally<VisitCounts> {
  const perRep = new Map<number | null, RepVisits>();
  const shortOf = new Map<number | null, MonthlyReport['visits']['short']>();
  return {
    add(f) {
      const minimum = f[9];
      if (f[5] || minimum === null) return;
      const done = f[10] ?? 0;
      let r = perRep.get(f[2]);
      if (!r) perRep.set(f[2], (r = { customers: 0, required: 0, done: 0, customers_short: 0 }));
      r.customers++;
      r.required += minimum;
      r.done += done;
      if (done >= minimum) return;
      r.customers_short++;
      let short = shortOf.get(f[2]);
      if (!short) shortOf.set(f[2], (short = []));
      short.push({ id: formatCustomerId(f[0]), name: f[1], owner: ownerOf(f[2], owners), status: f[3], grade: f[4]!, minimum, done });
    },
    result: () => ({
      by_rep: byOwner(perRep, owners).map(({ rep, value }) => ({ rep, ...value })),
      short: byOwner(shortOf, owners).flatMap(({ value }) => value),
    }),
  };
}

/** The visits made in the month to the files that the policy asks visits of now (archived ones
 * left out): the visit counts' customers and sum, in SQL (for the previous month, where the
 * report lists no one). */
function visitsDone(db: Db, scope: Scope, month: MonthRange, policy: Policy): number {
  const s = scopeSql(scope);
  const params: Record<string, string | number | null> = { ...s.params };
  const withMinimums = monthMinimumsCte(policy, month, params);
  return stmt(
    db,
    `WITH ${withMinimums}
     SELECT total(done.n) FROM customers c JOIN m ON m.status = c.status AND m.grade = c.grade JOIN done ON done.customer_id = c.id
      WHERE c.archived_at IS NULL AND ${s.where}`,
  )
    .pluck()
    .get(params) as number;
}

type Unapproved = { rep: string; count: number }[];

/** The visits section: the counts against the minimums (the month's against `donePrev` made the
 * month before) and the reports awaiting approval. */
function visitSection({ by_rep, short }: VisitCounts, donePrev: number, unapproved: Unapproved): MonthlyReport['visits'] {
  const sum = (k: 'required' | 'done') => by_rep.reduce((a, r) => a + r[k], 0);
  return {
    required: sum('required'),
    done: change(sum('done'), donePrev),
    customers_short: short.length,
    by_rep,
    short,
    unapproved: { count: unapproved.reduce((a, r) => a + r.count, 0), by_rep: unapproved },
  };
}

/** `crm report visits`: the monthly report's visits section. */
export function visitFigures(db: Db, scope: Scope, month: MonthRange, prev: MonthRange, policy: Policy): MonthlyReport['visits'] {
  const counted = visitCounts(logins(db));
  eachFile(db, scope, { visits: { month, policy } }, [counted]);
  return visitSection(counted.result(), visitsDone(db, scope, prev, policy), unapprovedByRep(db, scope, month.to));
}

/** Visit reports made before `to` still awaiting approval, counted per rep (the same visits as
 * unapprovedFor, counted rather than listed): only those reports are read, from the partial index
 * visits_unapproved in rep order, and joined to the customers (visits first: CROSS JOIN keeps the
 * order) only when the scope is narrower than all. */
function unapprovedByRep(db: Db, scope: Scope, to: string): Unapproved {
  const s = scopeSql(scope);
  const join = seesAll(scope) ? '' : `CROSS JOIN customers c ON c.id = v.customer_id AND ${s.where}`;
  return stmt(
    db,
    `WITH n(rep_id, count) AS (SELECT v.rep_id, count(*) FROM visits v INDEXED BY visits_unapproved ${join}
                                WHERE v.approved_by IS NULL AND v.visited_on < @to GROUP BY v.rep_id)
     SELECT r.login AS rep, n.count FROM n JOIN staff r ON r.id = n.rep_id ORDER BY r.login`,
  ).all({ ...s.params, to }) as Unapproved;
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

/** `crm report customers`: the files the caller may read, archived ones left out, counted by one key. */
export function customersReport(db: Db, scope: Scope, by: CustomersBy): CustomersReport {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `SELECT coalesce(${CUSTOMER_KEYS[by]}, 'none') AS key, count(*) AS count
       FROM customers c LEFT JOIN staff o ON o.id = c.owner_id WHERE c.archived_at IS NULL AND ${s.where} GROUP BY 1`,
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

/** About how many files there are, at once: ids are given in order (the range, less the few erased). */
export function fileCount(db: Db): number {
  return (stmt(db, 'SELECT max(id) - min(id) + 1 FROM customers').pluck().get() as number | null) ?? 0;
}

/** The monthly report's question, as plain data (it crosses to a helper thread). */
export interface MonthlyQuery {
  scope: Scope;
  month: MonthRange;
  policy: Policy;
}

/**
 * The monthly report's reads besides the pass over the files, each of plain data (so that a
 * helper thread can make some of them on its own connection, at the same time as the pass): the
 * two months' deal sums, the previous month's receivables and visits (totals only: the report
 * lists no one for that month), the reports awaiting approval, churns and grade changes, credit.
 */
const SIDE_READS = {
  deals: (db: Db, { scope, month }: MonthlyQuery) => monthDealSums(db, scope, month),
  previousDeals: (db: Db, { scope, month }: MonthlyQuery) => monthDealSums(db, scope, previousMonth(month)),
  previousOwed: (db: Db, { scope, month, policy }: MonthlyQuery) => owedTotals(db, scope, monthEndAging(previousMonth(month), policy.receivableAgingDays)),
  previousVisits: (db: Db, { scope, month, policy }: MonthlyQuery) => visitsDone(db, scope, previousMonth(month), policy),
  unapproved: (db: Db, { scope, month }: MonthlyQuery) => unapprovedByRep(db, scope, month.to),
  changes: (db: Db, { scope, month }: MonthlyQuery) => changes(db, scope, month, previousMonth(month)),
  credit: (db: Db, { scope, month }: MonthlyQuery) => credit(db, scope, lastDay(month)),
};

export type SideFigures = { [K in keyof typeof SIDE_READS]: ReturnType<(typeof SIDE_READS)[K]> };

/** The side reads, on the connection given. */
export function sideReads(db: Db, q: MonthlyQuery): SideFigures {
  return Object.fromEntries(Object.entries(SIDE_READS).map(([name, read]) => [name, read(db, q)])) as SideFigures;
}

/** Makes the side reads elsewhere (a thread), giving them as sideReads does. */
export type Helper = (q: MonthlyQuery) => Promise<SideFigures>;

/**
 * Every figure of the month's report for the caller's scope: one pass over the files (the lists,
 * the customer base, the month's receivables and visits), and the side reads, by the helper if
 * there is one, at the same time.
 */
export async function monthlyReport(db: Db, q: MonthlyQuery, helper?: Helper): Promise<MonthlyReport> {
  const { scope, month, policy } = q;
  const helped = helper ? helper(q) : undefined;
  const staleBefore = staleCutoff(lastDay(month), policy.staleDays);
  const owners = logins(db);
  const [base, aged, visits, missing, few] = [customerBase(), receivablesAging(owners), visitCounts(owners), withoutContract(owners), fewStaff(owners)];
  const files: FilesQuery = {
    base: { month, prev: previousMonth(month), staleBefore },
    visits: { month, policy },
    window: monthEndAging(month, policy.receivableAgingDays),
  };
  eachFile(db, scope, files, [base, aged, visits, missing, few]);
  const side = helped ? await helped : sideReads(db, q);
  const b = base.result();
  return {
    month: month.month,
    previous_month: previousMonth(month).month,
    as_of: lastDay(month),
    composition: compositions(side.deals, side.previousDeals),
    customers: {
      total: b.total,
      by_status: b.byStatus,
      by_grade: b.byGrade,
      new: change(b.newNow, b.newBefore),
      ...side.changes,
    },
    receivables: receivables(aged.result(), side.previousOwed, policy.receivableAgingDays),
    visits: visitSection(visits.result(), side.previousVisits, side.unapproved),
    contracts: { count: missing.result().length, missing: missing.result() },
    credit: side.credit,
    data_quality: { unverified: b.unverified, stale_before: staleBefore, stale: b.stale, ab_few_staff: few.result() },
  };
}

/**
 * The monthly report of the caller's scope, read in one state of the book: in one read
 * transaction, and with a helper only if nobody committed while the two connections read (the
 * helper reads from a snapshot of its own); otherwise read again, on this connection alone.
 */
export async function readMonthlyReport(db: Db, q: MonthlyQuery, helper?: Helper): Promise<MonthlyReport> {
  const read = (h?: Helper) => readTransactionAsync(db, () => monthlyReport(db, q, h));
  if (!helper) return read();
  const before = dataVersion(db);
  const report = await read(helper);
  return dataVersion(db) === before ? report : read();
}
