// The parts of the agenda not already listed elsewhere (follow-ups and visits due come from
// db/visits.ts, open complaints from db/notes.ts): decision makers' birthdays (客户关怀), A/B
// customers with fewer than two staff in contact, and — for managers — abnormal relationships
// flagged on visits and notes (关系异常) until acknowledged. Each is one query over the customers
// the caller may read.
import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';

export interface AgendaItem {
  kind: 'follow_up' | 'visits_due' | 'complaint' | 'birthday' | 'staff_contacts' | 'escalation' | 'stale';
  date: string | null;
  customer_id: number;
  customer: string;
  detail: string;
  /** The visit or note an item is about, where there is one. */
  ref: number | null;
  /** For an escalation: whether `ref` is a visit or a note (crm ack visit|note ID). */
  ref_kind?: 'visit' | 'note';
}

type Params = Record<string, string | number | null>;

function rows(db: Db, sql: string, params: Params): AgendaItem[] {
  return stmt(db, sql).all(params) as AgendaItem[];
}

/**
 * Decision makers whose birthday (YYYY-MM-DD or --MM-DD) falls in the coming days. Month-days are
 * compared as MM-DD text, across the turn of the year when the window crosses it.
 */
export function birthdays(db: Db, scope: Scope, fromMonthDay: string, toMonthDay: string): AgendaItem[] {
  const s = scopeSql(scope);
  return rows(
    db,
    `SELECT 'birthday' AS kind, substr(k.birthday, -5) AS date, c.id AS customer_id, c.name AS customer,
            k.name || coalesce(' ' || k.title, '') AS detail, k.id AS ref
       FROM contacts k JOIN customers c ON c.id = k.customer_id
      WHERE k.decision_maker = 1 AND k.birthday IS NOT NULL AND c.archived_at IS NULL AND ${s.where}
        AND CASE WHEN @from <= @to THEN substr(k.birthday, -5) BETWEEN @from AND @to
                 ELSE substr(k.birthday, -5) >= @from OR substr(k.birthday, -5) <= @to END
      ORDER BY substr(k.birthday, -5) < @from, substr(k.birthday, -5), k.id`,
    { ...s.params, from: fromMonthDay, to: toMonthDay },
  );
}

/** Important customers should have at least two staff in contact (POLICY §2): owner plus one. */
export function fewStaffContacts(db: Db, scope: Scope): AgendaItem[] {
  const s = scopeSql(scope);
  return rows(
    db,
    `SELECT 'staff_contacts' AS kind, NULL AS date, c.id AS customer_id, c.name AS customer, c.grade AS detail, NULL AS ref
       FROM customers c
      WHERE c.grade IN ('A', 'B') AND c.archived_at IS NULL AND ${s.where}
        AND (c.owner_id IS NOT NULL) + (SELECT count(*) FROM customer_staff cs WHERE cs.customer_id = c.id AND cs.staff_id IS NOT c.owner_id) < 2
      ORDER BY c.id`,
    s.params,
  );
}

/** Abnormal relationships flagged on visits and notes, not yet acknowledged; the detail is what was written (the command says which record). */
export function escalations(db: Db, scope: Scope): AgendaItem[] {
  const s = scopeSql(scope);
  return rows(
    db,
    `SELECT 'escalation' AS kind, v.visited_on AS date, c.id AS customer_id, c.name AS customer, coalesce(v.actual, v.planned, '') AS detail, v.id AS ref, 'visit' AS ref_kind
       FROM visits v JOIN customers c ON c.id = v.customer_id
      WHERE v.abnormal = 1 AND v.acknowledged_on IS NULL AND ${s.where}
     UNION ALL
     SELECT 'escalation', n.noted_on, c.id, c.name, n.text, n.id, 'note'
       FROM notes n JOIN customers c ON c.id = n.customer_id
      WHERE n.abnormal = 1 AND n.acknowledged_on IS NULL AND ${s.where}
     ORDER BY 2`,
    s.params,
  );
}

/** Marks a flagged visit or note as seen by a manager; false if there is no such flagged record. */
export function acknowledge(db: Db, table: 'visits' | 'notes', id: number, staffId: number, on: string): boolean {
  const sql =
    table === 'visits'
      ? 'UPDATE visits SET acknowledged_by = ?, acknowledged_on = ? WHERE id = ? AND abnormal = 1 AND acknowledged_on IS NULL'
      : 'UPDATE notes SET acknowledged_by = ?, acknowledged_on = ? WHERE id = ? AND abnormal = 1 AND acknowledged_on IS NULL';
  return stmt(db, sql).run(staffId, on, id).changes > 0;
}

export function customerOf(db: Db, table: 'visits' | 'notes', id: number): number | undefined {
  const sql = table === 'visits' ? 'SELECT customer_id FROM visits WHERE id = ?' : 'SELECT customer_id FROM notes WHERE id = ?';
  return (stmt(db, sql).get(id) as { customer_id: number } | undefined)?.customer_id;
}
