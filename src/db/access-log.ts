// The access log: every consultation of a customer file and every refusal (POLICY §6). The table
// is append-only (triggers refuse UPDATE and DELETE).
import type { Db } from './database.js';
import type { Actor } from './history.js';
import { stmt } from './statements.js';

export const DENIED = 'denied';

export interface Consultation {
  customerId: number | null;
  basis: string;
}

export function logAccess(db: Db, actor: Actor, action: string, consultations: Consultation[]): void {
  const insert = stmt(db, 'INSERT INTO access_log (at, staff_id, os_login, customer_id, action, basis) VALUES (?, ?, ?, ?, ?, ?)');
  for (const c of consultations) insert.run(actor.at, actor.staffId, actor.osLogin, c.customerId, action, c.basis);
}

/** What a listing consulted: each customer once, however many of its rows are listed (the rows
 * of one customer share its basis). */
export function logListed(db: Db, actor: Actor, action: string, rows: readonly { customer_id: number; basis: string }[]): void {
  const seen = new Map<number, string>();
  for (const r of rows) if (!seen.has(r.customer_id)) seen.set(r.customer_id, r.basis);
  logAccess(db, actor, action, [...seen].map(([customerId, basis]) => ({ customerId, basis })));
}

export interface AccessLogRow {
  id: number;
  at: string;
  staff: string;
  os_login: string;
  customer_id: number | null;
  action: string;
  basis: string;
}

export interface LogFilters {
  customerId?: number;
  staffId?: number;
  since?: string;
  deniedOnly?: boolean;
}

export function readAccessLog(db: Db, f: LogFilters): AccessLogRow[] {
  return stmt(
    db,
    `SELECT l.id, l.at, s.login AS staff, l.os_login, l.customer_id, l.action, l.basis
       FROM access_log l JOIN staff s ON s.id = l.staff_id
      WHERE (@customer IS NULL OR l.customer_id = @customer)
        AND (@staff IS NULL OR l.staff_id = @staff)
        AND (@since IS NULL OR l.at >= @since)
        AND (@denied = 0 OR l.basis = '${DENIED}')
      ORDER BY l.id`,
  ).all({ customer: f.customerId ?? null, staff: f.staffId ?? null, since: f.since ?? null, denied: f.deniedOnly ? 1 : 0 }) as AccessLogRow[];
}
