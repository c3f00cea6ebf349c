// Visit reports (客户拜访记录表, POLICY §5): writing, approving, listing, and the monthly
// minimums. Customer visibility always goes through the caller's scope (scopeSql, alias `c`).
import type { Policy } from '../domain/policy.js';
import type { Scope } from '../domain/scope.js';
import { minimumRows, type MonthRange } from '../domain/visits.js';
import type { Db } from './database.js';
import { recordChanges, recordCreated, type Actor } from './history.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';

export interface NewVisit {
  customerId: number;
  repId: number;
  visitedOn: string;
  gradeThen: string | null;
  statusThen: string;
  address: string | null;
  companions: string | null;
  contactId: number | null;
  interlocutor: string | null;
  planned: string | null;
  actual: string | null;
  nextSteps: string | null;
  followUpOn: string | null;
  support: string | null;
  remarks: string | null;
  abnormal: boolean;
}

export function insertVisit(db: Db, actor: Actor, v: NewVisit): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO visits (customer_id, rep_id, visited_on, grade_then, status_then, address, companions, contact_id, interlocutor,
                           planned, actual, next_steps, follow_up_on, support, remarks, abnormal, staff_id, created_at)
       VALUES (@customerId, @repId, @visitedOn, @gradeThen, @statusThen, @address, @companions, @contactId, @interlocutor,
               @planned, @actual, @nextSteps, @followUpOn, @support, @remarks, @abnormal, @staffId, @at)`,
    ).run({ ...v, abnormal: v.abnormal ? 1 : 0, staffId: actor.staffId ?? v.repId, at: actor.at }).lastInsertRowid,
  );
  recordCreated(db, actor, { entity: 'visit', entityId: id, customerId: v.customerId }, {
    visited_on: v.visitedOn,
    rep_id: v.repId,
    grade_then: v.gradeThen,
    status_then: v.statusThen,
    address: v.address,
    companions: v.companions,
    contact_id: v.contactId,
    interlocutor: v.interlocutor,
    planned: v.planned,
    actual: v.actual,
    next_steps: v.nextSteps,
    follow_up_on: v.followUpOn,
    support: v.support,
    remarks: v.remarks,
    abnormal: v.abnormal,
  });
  return id;
}

export interface VisitRow {
  id: number;
  customer_id: number;
  customer_name: string;
  customer_region: string | null;
  rep_id: number;
  rep: string;
  visited_on: string;
  grade_then: string | null;
  status_then: string;
  address: string | null;
  companions: string | null;
  contact_id: number | null;
  interlocutor: string | null;
  planned: string | null;
  actual: string | null;
  next_steps: string | null;
  follow_up_on: string | null;
  follow_up_done: number;
  support: string | null;
  remarks: string | null;
  abnormal: number;
  approved_by: string | null;
  approved_on: string | null;
  approval_comment: string | null;
  created_at: string;
}

const VISIT_SELECT = `SELECT v.id, v.customer_id, c.name AS customer_name, c.region AS customer_region, v.rep_id, r.login AS rep,
       v.visited_on, v.grade_then, v.status_then, v.address, v.companions, v.contact_id, v.interlocutor, v.planned, v.actual,
       v.next_steps, v.follow_up_on, v.follow_up_done, v.support, v.remarks, v.abnormal, a.login AS approved_by, v.approved_on,
       v.approval_comment, v.created_at
  FROM visits v JOIN customers c ON c.id = v.customer_id JOIN staff r ON r.id = v.rep_id LEFT JOIN staff a ON a.id = v.approved_by`;

export function getVisit(db: Db, id: number): VisitRow | undefined {
  return stmt(db, `${VISIT_SELECT} WHERE v.id = ?`).get(id) as VisitRow | undefined;
}

export function approveVisit(db: Db, actor: Actor, visit: VisitRow, approverId: number, approverLogin: string, on: string, comment: string | null): void {
  stmt(db, 'UPDATE visits SET approved_by = ?, approved_on = ?, approval_comment = ? WHERE id = ?').run(approverId, on, comment, visit.id);
  recordChanges(
    db,
    actor,
    { entity: 'visit', entityId: visit.id, customerId: visit.customer_id },
    { approved_by: visit.approved_by, approved_on: visit.approved_on, approval_comment: visit.approval_comment },
    { approved_by: approverLogin, approved_on: on, approval_comment: comment },
  );
}

export interface VisitFilters {
  customerId?: number;
  repId?: number;
  month?: MonthRange;
  unapproved?: boolean;
}

export type ListedVisit = VisitRow & { basis: string };

/** Visits of customers the scope shows, newest first, each with the grant it is seen by. */
export function listVisits(db: Db, scope: Scope, f: VisitFilters): ListedVisit[] {
  const s = scopeSql(scope);
  return stmt(
    db,
    `${VISIT_SELECT.replace('SELECT ', `SELECT ${s.basis} AS basis, `)}
      WHERE ${s.where}
        AND (@customer IS NULL OR v.customer_id = @customer)
        AND (@rep IS NULL OR v.rep_id = @rep)
        AND (@from IS NULL OR (v.visited_on >= @from AND v.visited_on < @to))
        AND (@unapproved = 0 OR v.approved_by IS NULL)
      ORDER BY v.visited_on DESC, v.id DESC`,
  ).all({
    ...s.params,
    customer: f.customerId ?? null,
    rep: f.repId ?? null,
    from: f.month?.from ?? null,
    to: f.month?.to ?? null,
    unapproved: f.unapproved ? 1 : 0,
  }) as ListedVisit[];
}

export interface DueRow {
  id: number;
  name: string;
  status: string;
  grade: string;
  owner_id: number | null;
  rep: string | null;
  minimum: number;
  done: number;
  basis: string;
}

/**
 * The common table expressions both the visits-due list and the monthly report start from: the
 * policy's minimums as a table m(status, grade, minimum) (no rows when the policy asks for no
 * visits) and the visits in `month` per customer as done(customer_id, n), from the visits_month
 * index. Fills `params`.
 */
export function monthMinimumsCte(policy: Policy, month: MonthRange, params: Record<string, string | number | null>): string {
  const mins = minimumRows(policy.visits).filter((m) => m.minimum > 0);
  Object.assign(params, { from: month.from, to: month.to });
  const values = mins.map((m, i) => {
    params[`ms${i}`] = m.status;
    params[`mg${i}`] = m.grade;
    params[`mn${i}`] = m.minimum;
    return `(@ms${i}, @mg${i}, @mn${i})`;
  });
  return `m(status, grade, minimum) AS (${values.length > 0 ? `VALUES ${values.join(', ')}` : 'SELECT NULL, NULL, NULL WHERE 0'}),
          done(customer_id, n) AS (SELECT customer_id, count(*) FROM visits INDEXED BY visits_month
                                    WHERE visited_on >= @from AND visited_on < @to GROUP BY customer_id)`;
}

/**
 * Customers the scope shows whose visits in `month` fall short of the policy's minimum for their
 * current status × grade (ungraded customers need none), by rep then customer. One aggregate
 * query: the month's visits counted over the visits_month index, joined to the customers.
 */
export function visitsDue(db: Db, scope: Scope, month: MonthRange, policy: Policy, repId: number | null = null): DueRow[] {
  const s = scopeSql(scope);
  const params: Record<string, string | number | null> = { ...s.params, rep: repId };
  const withMinimums = monthMinimumsCte(policy, month, params);
  return stmt(
    db,
    `WITH ${withMinimums}
     SELECT c.id, c.name, c.status, c.grade, c.owner_id, o.login AS rep, m.minimum, coalesce(d.n, 0) AS done, ${s.basis} AS basis
       FROM customers c
       JOIN m ON m.status = c.status AND m.grade = c.grade
       LEFT JOIN done d ON d.customer_id = c.id
       LEFT JOIN staff o ON o.id = c.owner_id
      WHERE c.archived_at IS NULL AND ${s.where} AND coalesce(d.n, 0) < m.minimum AND (@rep IS NULL OR c.owner_id = @rep)
      ORDER BY o.login IS NULL, o.login, c.id`,
  ).all(params) as DueRow[];
}

export interface FollowUp {
  id: number;
  customer_id: number;
  customer_name: string;
  visited_on: string;
  follow_up_on: string;
  next_steps: string | null;
}

/** A rep's visits whose follow-up falls between the two dates (inclusive) and is not done yet. */
export function pendingFollowUps(db: Db, staffId: number, fromDate: string, toDate: string): FollowUp[] {
  return stmt(
    db,
    `SELECT v.id, v.customer_id, c.name AS customer_name, v.visited_on, v.follow_up_on, v.next_steps
       FROM visits v JOIN customers c ON c.id = v.customer_id
      WHERE v.rep_id = ? AND v.follow_up_done = 0 AND v.follow_up_on IS NOT NULL AND v.follow_up_on >= ? AND v.follow_up_on <= ?
      ORDER BY v.follow_up_on, v.id`,
  ).all(staffId, fromDate, toDate) as FollowUp[];
}

/**
 * Visits awaiting approval for customers in the approver's scope (their role scope: all for the
 * manager, director and GM, the region for a region manager), not their own, oldest first.
 */
export function unapprovedFor(db: Db, approverScope: Scope, approverId: number | null = null): VisitRow[] {
  const s = scopeSql(approverScope);
  return stmt(
    db,
    `${VISIT_SELECT}
      WHERE ${s.where} AND v.approved_by IS NULL AND (@me IS NULL OR v.rep_id <> @me)
      ORDER BY v.visited_on, v.id`,
  ).all({ ...s.params, me: approverId }) as VisitRow[];
}
