// Visit reports (客户拜访记录表, POLICY §5), the pure rules: months as YYYY-MM, the monthly
// minimum for a customer's status × grade, and who may approve a visit.
import type { Policy } from './policy.js';
import type { Role } from './enums.js';

export interface MonthRange {
  /** YYYY-MM */
  month: string;
  /** First day of the month (inclusive), YYYY-MM-DD. */
  from: string;
  /** First day of the next month (exclusive), YYYY-MM-DD. */
  to: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'YYYY-MM' (also 'YYYY-M', 'YYYY/MM', 'YYYY年M月') to its date range, or null. */
export function parseMonth(text: string): MonthRange | null {
  const m = /^(\d{4})(?:-|\/|年)(\d{1,2})月?$/u.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (y < 1800 || mo < 1 || mo > 12) return null;
  const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${pad(mo + 1)}-01`;
  return { month: `${y}-${pad(mo)}`, from: `${y}-${pad(mo)}-01`, to: next };
}

/** The calendar month of a local date. */
export function monthOf(d: Date): MonthRange {
  return parseMonth(`${d.getFullYear()}-${pad(d.getMonth() + 1)}`)!;
}

/** Visits a month required for a customer: the policy's status × grade, 0 when ungraded. */
export function visitMinimum(visits: Policy['visits'], status: string, grade: string | null): number {
  if (grade === null) return 0;
  return (visits as Record<string, number>)[`${status}.${grade}`] ?? 0;
}

/** Every status × grade with its minimum, as rows for a SQL VALUES list. */
export function minimumRows(visits: Policy['visits']): { status: string; grade: string; minimum: number }[] {
  return Object.entries(visits).map(([k, minimum]) => {
    const [status, grade] = k.split('.') as [string, string];
    return { status, grade, minimum };
  });
}

export interface Approver {
  staffId: number;
  role: Role;
  region: string | null;
}

export type ApprovalVerdict = 'ok' | 'own' | 'not-manager';

const MANAGERS: readonly Role[] = ['manager', 'director', 'gm'];

/**
 * A visit is approved by the rep's management: the manager, the director, the general manager,
 * or the region manager of the customer's region; never by the rep who made it.
 */
export function mayApproveVisit(approver: Approver, visit: { repId: number; customerRegion: string | null }): ApprovalVerdict {
  if (approver.staffId === visit.repId) return 'own';
  if (MANAGERS.includes(approver.role)) return 'ok';
  if (approver.role === 'region-manager' && approver.region !== null && approver.region === visit.customerRegion) return 'ok';
  return 'not-manager';
}
