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
    /** Files whose last update is before this date. */
    stale_before: string;
    stale: number;
    ab_few_staff: (CustomerRef & { grade: string; staff: number })[];
  };
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

/** Six months before the month's end (the first day of the next month): files last updated before
 * it are stale. */
export function staleBefore(m: MonthRange): string {
  const y = Number(m.to.slice(0, 4));
  const mo = Number(m.to.slice(5, 7)) - 6;
  const yy = mo <= 0 ? y - 1 : y;
  const mm = mo <= 0 ? mo + 12 : mo;
  return `${yy}-${String(mm).padStart(2, '0')}-01`;
}

/** Credit ratings best first; 'unrated' is not compared. */
const RATING_ORDER = ['AAA', 'AA', 'A', 'B', 'C'];

/** Whether `latest` is a lower rating than `before` (both rated). */
export function isDowngrade(before: string, latest: string): boolean {
  const b = RATING_ORDER.indexOf(before);
  const l = RATING_ORDER.indexOf(latest);
  return b >= 0 && l >= 0 && l > b;
}
