// The figures of the monthly report (POLICY §7) and of the single reports made of its parts
// (composition, receivables, visits, customers): one read of the customer files and a handful of
// aggregate queries, each over the customers the caller may read (scopeSql, alias c). The caller
// runs them in one read transaction.
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
import type { Scope } from '../domain/scope.js';
import type { MonthRange } from '../domain/visits.js';
import { VALID_CONTRACT } from './contracts.js';
import type { Db } from './database.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';
import { monthMinimumsCte } from './visits.js';

type Sums = Map<string, number>;

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
// three passes over the visits cost more than all the sums (1.4 s for these parts, now 0.65 s).

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
  /** The visits a month the policy asks for (null: none), made this month and the previous. */
  minimum: number | null,
  done: number | null,
  donePrev: number | null,
  /** Per aging window: owed due this month, overdue, over the aging limit. */
  ...owed: number[],
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
  /** Visits against the policy's minimums, this month and the previous. */
  visits?: { month: MonthRange; prev: MonthRange; policy: Policy };
  /** Receivables aging at each window (the first is the one listed per customer). */
  windows?: readonly AgingWindow[];
}

/** A part of the pass: its common table expressions, its columns, its joins. */
interface Part {
  sql: string;
  columns: string;
  join: string;
}

const NO_BASE: Part = { sql: '', columns: 'NULL, NULL, NULL', join: '' };
const NO_VISITS: Part = { sql: '', columns: 'NULL, NULL, NULL', join: '' };
const NO_OWED: Part = { sql: '', columns: 'NULL', join: '' };

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
    sql: monthMinimumsCte(q.policy, q.month, params, q.prev),
    columns: 'm.minimum, done.n, done.n_prev',
    join: 'LEFT JOIN m ON m.status = c.status AND m.grade = c.grade LEFT JOIN done ON done.customer_id = c.id',
  };
}

/** Deals still owed something on a date, as ranges of the deals_receivable index. */
const OPEN_RANGES = ['d.settled_on IS NULL', 'd.settled_on > @openAfter'] as const;

/**
 * What each customer owed in each aging bucket at each window (three amounts per window), from the
 * deals still open at the earliest window's date. The partial index deals_receivable holds only
 * our deals with a due date, by settled_on then customer: the open ones are two ranges of it (never
 * settled, read in customer order with no sort; settled after the date) rather than the whole
 * history of deals, summed per customer in two tables joined to the files. A deal owes nothing
 * once settled, everything before its first payment, and only when partly paid are its payments
 * looked up (a lookup for every open deal cost a second on the benchmark).
 */
function owedPart(windows: readonly AgingWindow[], params: Record<string, string | number | null>): Part {
  Object.assign(params, {
    openAfter: windows.reduce((a, w) => (w.paidBy < a ? w.paidBy : a), windows[0]!.paidBy),
    dueBy: windows.reduce((a, w) => (w.dueTo > a ? w.dueTo : a), windows[0]!.dueTo),
  });
  const sums: string[] = [];
  windows.forEach((w, i) => {
    // Due this month wins over the aging limit (a limit shorter than the month): the buckets are
    // three ranges of due dates, compared directly (a CASE per bucket costs a third more).
    Object.assign(params, { [`paidBy${i}`]: w.paidBy, [`dueFrom${i}`]: w.dueFrom, [`dueTo${i}`]: w.dueTo, [`agingFrom${i}`]: w.agingFrom < w.dueFrom ? w.agingFrom : w.dueFrom });
    // A deal made after the date was not owed on it (only possible when due after the date: the
    // short-circuited test reads the table row, outside the covering index, for those deals alone).
    const owed = `CASE WHEN d.settled_on <= @paidBy${i} THEN 0 WHEN d.due_date > @paidBy${i} AND d.deal_date > @paidBy${i} THEN 0
                       WHEN d.first_paid_on IS NULL OR d.first_paid_on > @paidBy${i} THEN d.amount
                       ELSE d.amount - (SELECT total(p.amount) FROM payments p WHERE p.deal_id = d.id AND p.paid_on <= @paidBy${i}) END`;
    sums.push(
      `total(iif(d.due_date >= @dueFrom${i} AND d.due_date <= @dueTo${i}, ${owed}, 0)) AS a${i * 3}`,
      `total(iif(d.due_date >= @agingFrom${i} AND d.due_date < @dueFrom${i}, ${owed}, 0)) AS a${i * 3 + 1}`,
      `total(iif(d.due_date < @agingFrom${i}, ${owed}, 0)) AS a${i * 3 + 2}`,
    );
  });
  // Two ranges of the index (never settled, settled after the earliest date asked about): an OR
  // of the two would scan it whole.
  return {
    sql: OPEN_RANGES.map(
      (_, i) => `o${i} AS (SELECT d.customer_id, ${sums.join(', ')}
                            FROM deals d INDEXED BY deals_receivable
                           WHERE d.competitor IS NULL AND d.due_date IS NOT NULL AND ${OPEN_RANGES[i]} AND d.due_date <= @dueBy
                           GROUP BY d.customer_id)`,
    ).join(',\n'),
    columns: sums.map((_, k) => `coalesce(o0.a${k}, 0) + coalesce(o1.a${k}, 0)`).join(', '),
    join: 'LEFT JOIN o0 ON o0.customer_id = c.id LEFT JOIN o1 ON o1.customer_id = c.id',
  };
}

/** What is made of the files, one row at a time. */
interface Tally<T> {
  add(f: FileRow): void;
  result(): T;
}

/**
 * Reads the files the caller may read, in id order, with the parts asked for (visits or windows
 * among them: each brings a WITH table), and gives each row to every tally. Rows are read one at
 * a time and dropped once counted, so the files are never all held at once (less memory, and far
 * less for the garbage collector to move).
 */
function eachFile(db: Db, scope: Scope, q: FilesQuery, tallies: readonly Tally<unknown>[]): void {
  const s = scopeSql(scope);
  const params: Record<string, string | number | null> = { ...s.params };
  const base = q.base ? basePart(q.base, params) : NO_BASE;
  const visits = q.visits ? visitsPart(q.visits, params) : NO_VISITS;
  const owed = q.windows?.length ? owedPart(q.windows, params) : NO_OWED;
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

const BUCKETS = ['due_this_month', 'overdue', 'over_aging'] as const;

interface ReceivablesAging {
  /** Per window, the totals over the caller's customers. */
  totals: AgingAmounts[];
  /** At the first window: every customer owing something, and the sums per rep (the customer's
   * owner now, who collects; null: no owner), reps by login and the unowned last. */
  by_customer: (CustomerRef & AgingAmounts)[];
  by_rep: ({ rep: string | null } & AgingAmounts)[];
}

/** The first owed column of a FileRow. */
const OWED = 12;

function aging(f: FileRow, window: number): AgingAmounts {
  const at = OWED + window * 3;
  return { due_this_month: fen(f[at] as number), overdue: fen(f[at + 1] as number), over_aging: fen(f[at + 2] as number) };
}

/** Receivables aging of the files, at each window of the pass (POLICY §5). */
function receivablesAging(windows: number, owners: Map<number, string>): Tally<ReceivablesAging> {
  const totals = Array.from({ length: windows }, emptyAging);
  const byCustomer: ReceivablesAging['by_customer'] = [];
  const perRep = new Map<number | null, AgingAmounts>();
  return {
    add(f) {
      for (let w = 1; w < windows; w++) {
        const a = aging(f, w);
        for (const k of BUCKETS) totals[w]![k] = fen(totals[w]![k] + a[k]);
      }
      const amounts = aging(f, 0);
      if (amounts.due_this_month === 0 && amounts.overdue === 0 && amounts.over_aging === 0) return;
      byCustomer.push({ id: formatCustomerId(f[0]), name: f[1], owner: ownerOf(f[2], owners), ...amounts });
      let r = perRep.get(f[2]);
      if (!r) perRep.set(f[2], (r = emptyAging()));
      for (const k of BUCKETS) {
        totals[0]![k] = fen(totals[0]![k] + amounts[k]);
        r[k] = fen(r[k] + amounts[k]);
      }
    },
    result: () => ({ totals, by_customer: byCustomer, by_rep: byOwner(perRep, owners).map(({ rep, value }) => ({ rep, ...value })) }),
  };
}

/** `crm report receivables`: what is owed on the date (the report of the 15th). */
export function receivablesReport(db: Db, scope: Scope, asOf: string, agingDays: number): ReceivablesReport {
  const windows = [asOfAging(asOf, agingDays)];
  const aged = receivablesAging(windows.length, logins(db));
  eachFile(db, scope, { windows }, [aged]);
  const { totals, by_customer, by_rep } = aged.result();
  return { as_of: asOf, aging_days: agingDays, totals: totals[0]!, by_rep, by_customer };
}

/** What was owed on the last day of the month, against the last day of the previous month. */
function receivables(aged: ReceivablesAging, agingDays: number): MonthlyReport['receivables'] {
  const [t, p] = [aged.totals[0]!, aged.totals[1]!];
  return {
    aging_days: agingDays,
    totals: { due_this_month: change(t.due_this_month, p.due_this_month), overdue: change(t.overdue, p.overdue), over_aging: change(t.over_aging, p.over_aging) },
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

type VisitCounts = Pick<MonthlyReport['visits'], 'by_rep' | 'short'> & { donePrev: number };

/** Visits against the minimums per rep (the customer's owner) and the customers short of theirs:
 * the same customers and counts as visitsDue (archived files are left out). */
function visitCounts(owners: Map<number, string>): Tally<VisitCounts> {
  const perRep = new Map<number | null, RepVisits>();
  const shortOf = new Map<number | null, MonthlyReport['visits']['short']>();
  let donePrev = 0;
  return {
    add(f) {
      const minimum = f[9];
      if (f[5] || minimum === null) return;
      const done = f[10] ?? 0;
      donePrev += f[11] ?? 0;
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
      donePrev,
    }),
  };
}

/** The visits section: the counts against the minimums and the reports awaiting approval. */
function visitSection(db: Db, scope: Scope, month: MonthRange, { by_rep, short, donePrev }: VisitCounts): MonthlyReport['visits'] {
  const unapproved = unapprovedByRep(db, scope, month.to);
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
  eachFile(db, scope, { visits: { month, prev, policy } }, [counted]);
  return visitSection(db, scope, month, counted.result());
}

/** Visit reports made before `to` still awaiting approval, counted per rep (the same visits as
 * unapprovedFor, counted rather than listed): only those reports are read, from the partial index
 * visits_unapproved in rep order, and joined to the customers (visits first: CROSS JOIN keeps the
 * order) only when the scope is narrower than all. */
function unapprovedByRep(db: Db, scope: Scope, to: string): { rep: string; count: number }[] {
  const s = scopeSql(scope);
  const join = scope.grants.some((g) => g.kind === 'all') ? '' : `CROSS JOIN customers c ON c.id = v.customer_id AND ${s.where}`;
  return stmt(
    db,
    `WITH n(rep_id, count) AS (SELECT v.rep_id, count(*) FROM visits v INDEXED BY visits_unapproved ${join}
                                WHERE v.approved_by IS NULL AND v.visited_on < @to GROUP BY v.rep_id)
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

/** Every figure of the month's report for the caller's scope. */
export function monthlyReport(db: Db, scope: Scope, month: MonthRange, policy: Policy): MonthlyReport {
  const prev = previousMonth(month);
  const asOf = lastDay(month);
  const staleBefore = staleCutoff(asOf, policy.staleDays);
  const windows = [monthEndAging(month, policy.receivableAgingDays), monthEndAging(prev, policy.receivableAgingDays)];
  const owners = logins(db);
  const [base, aged, visits, missing, few] = [customerBase(), receivablesAging(windows.length, owners), visitCounts(owners), withoutContract(owners), fewStaff(owners)];
  eachFile(db, scope, { base: { month, prev, staleBefore }, visits: { month, prev, policy }, windows }, [base, aged, visits, missing, few]);
  const b = base.result();
  return {
    month: month.month,
    previous_month: prev.month,
    as_of: asOf,
    composition: compositions(db, scope, month, prev),
    customers: {
      total: b.total,
      by_status: b.byStatus,
      by_grade: b.byGrade,
      new: change(b.newNow, b.newBefore),
      ...changes(db, scope, month, prev),
    },
    receivables: receivables(aged.result(), policy.receivableAgingDays),
    visits: visitSection(db, scope, month, visits.result()),
    contracts: { count: missing.result().length, missing: missing.result() },
    credit: credit(db, scope, asOf),
    data_quality: { unverified: b.unverified, stale_before: staleBefore, stale: b.stale, ab_few_staff: few.result() },
  };
}
