// Notes, complaints and satisfaction surveys: writing them with their history, and the per-customer
// summaries that show, reports and the agenda use.
import type { Scope } from '../domain/scope.js';
import type { ComplaintStatus, NoteKind } from '../domain/complaints.js';
import type { Db } from './database.js';
import { recordChanges, recordCreated, type Actor } from './history.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';

export interface NoteRow {
  id: number;
  customer_id: number;
  kind: NoteKind;
  noted_on: string;
  contact_id: number | null;
  text: string;
  abnormal: number;
  complaint_status: ComplaintStatus | null;
  handler_id: number | null;
  resolution: string | null;
  handled_on: string | null;
  closed_on: string | null;
  staff_id: number;
  created_at: string;
}

export interface NewNote {
  customer_id: number;
  kind: NoteKind;
  noted_on: string;
  contact_id: number | null;
  text: string;
  abnormal: boolean;
  complaint_status: ComplaintStatus | null;
}

export function insertNote(db: Db, actor: Actor, n: NewNote): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO notes (customer_id, kind, noted_on, contact_id, text, abnormal, complaint_status, staff_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(n.customer_id, n.kind, n.noted_on, n.contact_id, n.text, n.abnormal ? 1 : 0, n.complaint_status, actor.staffId, actor.at).lastInsertRowid,
  );
  recordCreated(db, actor, { entity: 'note', entityId: id, customerId: n.customer_id }, { ...n, abnormal: n.abnormal ? true : null });
  return id;
}

export function getNote(db: Db, id: number): NoteRow | undefined {
  return stmt(db, 'SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
}

type StepValues = Partial<Pick<NoteRow, 'complaint_status' | 'handler_id' | 'resolution' | 'handled_on' | 'closed_on'>>;

/** One step of a complaint's lifecycle, each changed column in the history. */
export function updateComplaint(db: Db, actor: Actor, note: NoteRow, values: StepValues): void {
  const cols = Object.keys(values) as (keyof StepValues)[];
  stmt(db, `UPDATE notes SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...values, id: note.id });
  const before = Object.fromEntries(cols.map((c) => [c, note[c]]));
  recordChanges(db, actor, { entity: 'note', entityId: note.id, customerId: note.customer_id }, before, values);
}

export interface NewSurvey {
  customer_id: number;
  surveyed_on: string;
  score: number;
  text: string | null;
}

export function insertSurvey(db: Db, actor: Actor, s: NewSurvey): number {
  const id = Number(
    stmt(db, 'INSERT INTO surveys (customer_id, surveyed_on, score, text, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      s.customer_id,
      s.surveyed_on,
      s.score,
      s.text,
      actor.staffId,
      actor.at,
    ).lastInsertRowid,
  );
  recordCreated(db, actor, { entity: 'survey', entityId: id, customerId: s.customer_id }, { ...s });
  return id;
}

export interface ComplaintSummary {
  open: number;
  handled: number;
  closed: number;
}

/** How many of the customer's complaints are at each step. */
export function complaintSummary(db: Db, customerId: number): ComplaintSummary {
  const row = stmt(
    db,
    `SELECT coalesce(sum(complaint_status = 'open'), 0) AS open, coalesce(sum(complaint_status = 'handled'), 0) AS handled,
            coalesce(sum(complaint_status = 'closed'), 0) AS closed
       FROM notes WHERE customer_id = ? AND kind = 'complaint'`,
  ).get(customerId) as ComplaintSummary;
  return { open: row.open, handled: row.handled, closed: row.closed };
}

export interface Satisfaction {
  surveys: number;
  /** Mean score rounded to one decimal, null without surveys. */
  average: number | null;
  /** The latest survey, null without surveys. */
  last: { date: string; score: number } | null;
}

export function satisfaction(db: Db, customerId: number): Satisfaction {
  const agg = stmt(db, 'SELECT count(*) AS n, avg(score) AS avg FROM surveys WHERE customer_id = ?').get(customerId) as { n: number; avg: number | null };
  const last = stmt(db, 'SELECT surveyed_on AS date, score FROM surveys WHERE customer_id = ? ORDER BY surveyed_on DESC, id DESC LIMIT 1').get(customerId) as
    | { date: string; score: number }
    | undefined;
  return { surveys: agg.n, average: agg.avg === null ? null : Math.round(agg.avg * 10) / 10, last: last ?? null };
}

export interface ComplaintListRow {
  id: number;
  customer_id: number;
  customer_name: string;
  noted_on: string;
  text: string;
  complaint_status: ComplaintStatus;
  handler: string | null;
  resolution: string | null;
  handled_on: string | null;
  closed_on: string | null;
  /** The grant the caller sees the customer by (for the access log). */
  basis: string;
}

/** Complaints of the customers the scope shows, newest first; `openOnly`: not yet closed. */
export function listComplaints(db: Db, scope: Scope, openOnly: boolean): ComplaintListRow[] {
  const s = scopeSql(scope);
  return db
    .prepare(
      `SELECT n.id, n.customer_id, c.name AS customer_name, n.noted_on, n.text, n.complaint_status, h.login AS handler,
              n.resolution, n.handled_on, n.closed_on, ${s.basis} AS basis
         FROM notes n JOIN customers c ON c.id = n.customer_id LEFT JOIN staff h ON h.id = n.handler_id
        WHERE n.kind = 'complaint' AND ${s.where} ${openOnly ? "AND n.complaint_status IN ('open', 'handled')" : ''}
        ORDER BY n.noted_on DESC, n.id DESC`,
    )
    .all(s.params) as ComplaintListRow[];
}

/** Complaints not yet closed of the customers in the scope, oldest first (for the agenda). */
export function openComplaintsFor(db: Db, scope: Scope): ComplaintListRow[] {
  return listComplaints(db, scope, true).reverse();
}
