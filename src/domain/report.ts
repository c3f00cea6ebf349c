// The monthly report (客户资料的分析, POLICY §7), the pure part: the report's shape, months before
// and after, changes against the previous month, and shares in percent at one decimal that add up
// to exactly 100.0 (the largest-remainder method).
import { parseMonth, type MonthRange } from './visits.js';

/** A figure of the month with the previous month's and the difference. */
export interface Change {
  value: number;
  previous: number;
  change: number;
  /** The change in percent of the previous value, one decimal; null when the previous was 0. */
  change_pct: number | null;
}

export interface ShareRow {
  /** The grade ('none' for ungraded), business line or region ('none' when not recorded). */
  key: string;
  amount: number;
  /** Percent of the month's total, one decimal; the rows add up to 100.0; null when the total is not positive. */
  share: number | null;
  previous: number;
  previous_share: number | null;
  change: number;
  change_pct: number | null;
}

export interface Composition {
  total: Change;
  rows: ShareRow[];
}

export interface CountRow {
  key: string;
  count: number;
}

export interface CustomerRef {
  id: string;
  name: string;
  owner: string | null;
}

export interface AgingAmounts {
  due_this_month: number;
  overdue: number;
  over_aging: number;
}

export interface MonthlyReport {
  month: string;
  previous_month: string;
  /** The month's last day: receivables, contracts and credit are as of it. */
  as_of: string;
  composition: {
    revenue_by_grade: Composition;
    revenue_by_business_line: Composition;
    revenue_by_region: Composition;
    profit_by_grade: Composition;
  };
  customers: {
    total: number;
    by_status: CountRow[];
    by_grade: CountRow[];
    new: Change;
    churned: { count: Change; customers: (CustomerRef & { churned_on: string; reason: string | null })[] };
    grade_changes: { count: Change; changes: (CustomerRef & { changed_on: string; from: string | null; to: string | null })[] };
  };
  receivables: {
    aging_days: number;
    totals: { due_this_month: Change; overdue: Change; over_aging: Change };
    by_customer: (CustomerRef & AgingAmounts)[];
    by_rep: ({ rep: string | null } & AgingAmounts)[];
  };
  visits: {
    required: number;
    /** Visits made to the customers that have a minimum, this month and the previous. */
    done: Change;
    customers_short: number;
    by_rep: { rep: string | null; customers: number; required: number; done: number; customers_short: number }[];
    short: (CustomerRef & { status: string; grade: string; minimum: number; done: number })[];
    unapproved: { count: number; by_rep: { rep: string; count: number }[] };
  };
  contracts: { count: number; missing: (CustomerRef & { grade: string })[] };
  credit: {
    distribution: CountRow[];
    downgraded: (CustomerRef & { rated_on: string; from: string; to: string })[];
  };
  data_quality: {
    unverified: number;
    /** Files neither updated nor verified since this date (the policy's stale_days before the
     * month's last day) are stale; archived files are left out of this section and of the
     * customer base. */
    stale_before: string;
    stale: number;
    ab_few_staff: (CustomerRef & { grade: string; staff: number })[];
  };
}

/** What `crm report composition --by` splits our deals by: the customer's grade now, the deal's
 * business line, the customer's region when the deal was made, the customer's industry. */
export const COMPOSITION_BY = ['grade', 'line', 'region', 'industry'] as const;
export type CompositionBy = (typeof COMPOSITION_BY)[number];

export interface DateRange {
  /** First day, inclusive, YYYY-MM-DD. */
  from: string;
  /** Last day, inclusive, YYYY-MM-DD. */
  to: string;
}

/** Revenue and gross profit of a period by one key, against the same period a year earlier. */
export interface CompositionReport extends DateRange {
  by: CompositionBy;
  compared_with: DateRange;
  revenue: Composition;
  profit: Composition;
}

/** The report of the 15th (POLICY §5): what is owed on a date, by rep and by customer. */
export interface ReceivablesReport {
  as_of: string;
  aging_days: number;
  totals: AgingAmounts;
  by_rep: ({ rep: string | null } & AgingAmounts)[];
  by_customer: (CustomerRef & AgingAmounts)[];
}

export type VisitsReport = { month: string; previous_month: string } & MonthlyReport['visits'];

/** What `crm report customers --by` counts the customer files by (owner: the owner's login). */
export const CUSTOMERS_BY = ['status', 'grade', 'region', 'industry', 'source', 'owner'] as const;
export type CustomersBy = (typeof CUSTOMERS_BY)[number];

export interface CustomersReport {
  by: CustomersBy;
  total: number;
  /** Largest count first; key 'none' when not recorded; shares add up to 100.0. */
  rows: (CountRow & { share: number | null })[];
}

/** Money sums come back from floating point: round to the fen. */
export function fen(x: number): number {
  return Math.round(x * 100) / 100;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function change(value: number, previous: number): Change {
  return {
    value,
    previous,
    change: fen(value - previous),
    change_pct: previous === 0 ? null : round1(((value - previous) / Math.abs(previous)) * 100),
  };
}

/**
 * Each value's share of the total in percent at one decimal, by the largest-remainder method so
 * that the shares add up to exactly 100.0: every share is first rounded down to a tenth, then the
 * tenths left over go to the largest remainders (ties, within floating-point noise: the larger
 * value, then the earlier one).
 * Null for every value when the total is not positive (no shares to speak of).
 */
export function shares(values: readonly number[]): (number | null)[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return values.map(() => null);
  const raw = values.map((v) => (v / total) * 1000);
  const tenths = raw.map((r) => Math.floor(r + 1e-9));
  let left = 1000 - tenths.reduce((a, b) => a + b, 0);
  const order = raw
    .map((r, i) => ({ i, rem: r - tenths[i]!, v: values[i]! }))
    .sort((a, b) => (Math.abs(b.rem - a.rem) > 1e-9 ? b.rem - a.rem : 0) || b.v - a.v || a.i - b.i);
  for (const o of order) {
    if (left <= 0) break;
    tenths[o.i]! += 1;
    left--;
  }
  return tenths.map((t) => t / 10);
}

/** The composition of a month's total by key against the previous month's: keys of both months,
 * largest amount first (then by key). */
export function composition(current: ReadonlyMap<string, number>, previous: ReadonlyMap<string, number>): Composition {
  const keys = [...new Set([...current.keys(), ...previous.keys()])];
  keys.sort((a, b) => (current.get(b) ?? 0) - (current.get(a) ?? 0) || (previous.get(b) ?? 0) - (previous.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  const cur = keys.map((k) => fen(current.get(k) ?? 0));
  const prev = keys.map((k) => fen(previous.get(k) ?? 0));
  const curShares = shares(cur);
  const prevShares = shares(prev);
  const rows = keys.map((key, i) => {
    const c = change(cur[i]!, prev[i]!);
    return { key, amount: c.value, share: curShares[i]!, previous: c.previous, previous_share: prevShares[i]!, change: c.change, change_pct: c.change_pct };
  });
  const total = change(fen(cur.reduce((a, b) => a + b, 0)), fen(prev.reduce((a, b) => a + b, 0)));
  return { total, rows };
}

export function previousMonth(m: MonthRange): MonthRange {
  const y = Number(m.month.slice(0, 4));
  const mo = Number(m.month.slice(5, 7));
  return parseMonth(mo === 1 ? `${y - 1}-12` : `${y}-${mo - 1}`)!;
}

/** The month's last day, YYYY-MM-DD. */
export function lastDay(m: MonthRange): string {
  const [y, mo] = [Number(m.from.slice(0, 4)), Number(m.from.slice(5, 7))];
  const d = new Date(Date.UTC(y, mo, 0));
  return d.toISOString().slice(0, 10);
}

/**
 * The limits of the receivables aging on one date, as ISO dates: an amount due after dueTo is not
 * yet due; due from dueFrom to dueTo, due this month; due before agingFrom, over the aging limit;
 * otherwise overdue. Payments count up to paidBy.
 */
export interface AgingWindow {
  paidBy: string;
  dueFrom: string;
  dueTo: string;
  agingFrom: string;
}

/** The date `days` days before an ISO date: due before it is more than `days` days late. */
function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** The monthly report's aging, on the month's last day: agingBucket's limits, except that
 * everything due within the month counts as due this month. */
export function monthEndAging(m: MonthRange, agingDays: number): AgingWindow {
  const end = lastDay(m);
  return { paidBy: end, dueFrom: m.from, dueTo: end, agingFrom: daysBefore(end, agingDays) };
}

/** The receivables report on any date (the report of the 15th): agingBucket's limits, so that
 * what falls due from the date to the month's end is still to collect this month and what fell
 * due before the date is overdue. */
export function asOfAging(asOf: string, agingDays: number): AgingWindow {
  const month = parseMonth(asOf.slice(0, 7))!;
  return { paidBy: asOf, dueFrom: asOf, dueTo: lastDay(month), agingFrom: daysBefore(asOf, agingDays) };
}

/** The day after an ISO date (the exclusive end of a range ending on it). */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The same day a year earlier; 29 February becomes the 28th. */
export function yearEarlier(iso: string): string {
  const y = String(Number(iso.slice(0, 4)) - 1).padStart(4, '0');
  const md = iso.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

/** The counts by key with their shares, largest first (then by key). */
export function countShares(counts: ReadonlyMap<string, number>): CustomersReport['rows'] {
  const rows = [...counts].map(([key, count]) => ({ key, count }));
  rows.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const s = shares(rows.map((r) => r.count));
  return rows.map((r, i) => ({ ...r, share: s[i]! }));
}

/** Credit ratings best first; 'unrated' is not compared. */
const RATING_ORDER = ['AAA', 'AA', 'A', 'B', 'C'];

/** Whether `latest` is a lower rating than `before` (both rated). */
export function isDowngrade(before: string, latest: string): boolean {
  const b = RATING_ORDER.indexOf(before);
  const l = RATING_ORDER.indexOf(latest);
  return b >= 0 && l >= 0 && l > b;
}
