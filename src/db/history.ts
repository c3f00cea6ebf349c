// The change history: one row per changed field, with who (staff and OS login), when and
// through which command. Written by every command that changes anything.
import type { Db } from './database.js';
import { stmt } from './statements.js';

export type Entity = 'customer' | 'contact' | 'staff' | 'customer_staff' | 'policy' | 'evaluation' | 'deal' | 'payment' | 'contract' | 'visit' | 'note' | 'survey' | 'verification' | 'assignment';

/** Who is acting, for the history and (later) the access log. */
export interface Actor {
  staffId: number | null;
  osLogin: string;
  command: string;
  at: string;
}

export interface HistoryRow {
  id: number;
  at: string;
  staff_login: string | null;
  os_login: string;
  command: string;
  entity: Entity;
  entity_id: number;
  customer_id: number | null;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

type Plain = string | number | boolean | null | undefined;

function asText(v: Plain): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

export interface ChangeTarget {
  entity: Entity;
  entityId: number;
  customerId: number | null;
}

/** Records each field whose value differs between `before` and `after`; returns how many. */
export function recordChanges(db: Db, actor: Actor, target: ChangeTarget, before: Record<string, Plain>, after: Record<string, Plain>): number {
  let n = 0;
  for (const field of Object.keys(after)) {
    const oldText = asText(before[field]);
    const newText = asText(after[field]);
    if (oldText === newText) continue;
    insertRow(db, actor, target, field, oldText, newText);
    n++;
  }
  return n;
}

/** Field name of a history row that records a whole record created or removed. */
export const WHOLE_RECORD = '*';

function snapshot(values: Record<string, Plain>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '')));
}

/**
 * A new record, as one history row holding its values (JSON): one row rather than one per field
 * keeps a million-card import fast, and later changes are recorded field by field from there.
 */
export function recordCreated(db: Db, actor: Actor, target: ChangeTarget, values: Record<string, Plain>): void {
  insertRow(db, actor, target, WHOLE_RECORD, null, snapshot(values));
}

/** A removed record, its last values kept in the history. */
export function recordRemoved(db: Db, actor: Actor, target: ChangeTarget, values: Record<string, Plain>): void {
  insertRow(db, actor, target, WHOLE_RECORD, snapshot(values), null);
}

function insertRow(db: Db, actor: Actor, target: ChangeTarget, field: string, oldText: string | null, newText: string | null): void {
  stmt(
    db,
    `INSERT INTO history (at, staff_id, os_login, command, entity, entity_id, customer_id, field, old_value, new_value)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(actor.at, actor.staffId, actor.osLogin, actor.command, target.entity, target.entityId, target.customerId, field, oldText, newText);
}

/** History rows with the acting staff member's login; callers add WHERE and ORDER BY. */
export const HISTORY_SELECT = `SELECT h.id, h.at, s.login AS staff_login, h.os_login, h.command, h.entity, h.entity_id, h.customer_id,
            h.field, h.old_value, h.new_value
       FROM history h LEFT JOIN staff s ON s.id = h.staff_id`;

export function customerHistory(db: Db, customerId: number): HistoryRow[] {
  return stmt(
    db,
    `${HISTORY_SELECT} WHERE h.customer_id = ? ORDER BY h.id`,
  ).all(customerId) as HistoryRow[];
}
