// Receivables aging for the monthly report (POLICY §5, §7): each rep reports the current month's
// receivables and those older than three months (the aging limit, a policy setting). Pure: dates
// are ISO YYYY-MM-DD strings, compared as calendar days.
import { DEFAULT_POLICY } from './policy.js';

export type AgingBucket = 'not_due' | 'due_this_month' | 'overdue' | 'over_aging';

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/**
 * Where an unpaid amount stands on `asOf`: due later than this month; due from today to the end of
 * this month; overdue (past its due date) by up to `agingDays` days; or overdue by more. Reports
 * pass loadPolicy(db).receivableAgingDays.
 */
export function agingBucket(asOf: string, dueDate: string, agingDays = DEFAULT_POLICY.receivableAgingDays): AgingBucket {
  const late = dayNumber(asOf) - dayNumber(dueDate);
  if (late > agingDays) return 'over_aging';
  if (late > 0) return 'overdue';
  return dueDate.slice(0, 7) === asOf.slice(0, 7) ? 'due_this_month' : 'not_due';
}
