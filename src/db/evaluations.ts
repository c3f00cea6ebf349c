// Evaluations (客户评估表, POLICY §4): each one kept with who, when, scores and grade, so that a
// customer's grade history can be shown; and the queries of the quarterly review.
import type { Grade } from '../domain/enums.js';
import type { Scores } from '../domain/grading.js';
import type { Policy } from '../domain/policy.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import { recordCreated, type Actor } from './history.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';

export interface NewEvaluation {
  customerId: number;
  evaluatedOn: string;
  method: 'score' | 'trade';
  /** The form's scores and the weights they were added with; null for a trade evaluation. */
  scores: Scores | null;
  weights: Policy['weights'] | null;
  total: number;
  grade: Grade;
  note: string | null;
}

/** Stores an evaluation by the acting staff member, and its creation in the history. */
export function recordEvaluation(db: Db, actor: Actor, e: NewEvaluation): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO evaluations (customer_id, staff_id, os_login, evaluated_on, method, scores, weights, total, grade, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.customerId,
      actor.staffId,
      actor.osLogin,
      e.evaluatedOn,
      e.method,
      e.scores && JSON.stringify(e.scores),
      e.weights && JSON.stringify(e.weights),
      e.total,
      e.grade,
      e.note,
      actor.at,
    ).lastInsertRowid,
  );
  recordCreated(db, actor, { entity: 'evaluation', entityId: id, customerId: e.customerId }, {
    evaluated_on: e.evaluatedOn,
    method: e.method,
    ...e.scores,
    total: e.total,
    grade: e.grade,
    note: e.note,
  });
  return id;
}

export interface GradeHistoryRow {
  evaluated_on: string;
  grade: Grade;
  total: number;
  method: 'score' | 'trade';
  /** The evaluator's login. */
  evaluator: string;
}

/** A customer's evaluations, oldest first (for `show` and `history`). */
export function gradeHistory(db: Db, customerId: number): GradeHistoryRow[] {
  return stmt(
    db,
    `SELECT e.evaluated_on, e.grade, e.total, e.method, s.login AS evaluator
       FROM evaluations e JOIN staff s ON s.id = e.staff_id
      WHERE e.customer_id = ? ORDER BY e.evaluated_on, e.id`,
  ).all(customerId) as GradeHistoryRow[];
}

export interface DueCustomer {
  id: number;
  name: string;
  grade: Grade | null;
  last_evaluated: string | null;
  /** The grant by which the caller may change it (for the access log). */
  basis: string;
}

/**
 * The customers in `scope` whose grade is due for review in the quarter starting `from`: never
 * evaluated, or last evaluated before the quarter began. Archived (retired) files are not reviewed:
 * `--apply` would otherwise regrade them, and their trade would weigh in the ranking. An evaluation after the quarter counts
 * too, so a review done in the first days of the next quarter is not asked for again.
 */
export function dueCustomers(db: Db, scope: Scope, from: string): DueCustomer[] {
  const s = scopeSql(scope);
  return stmt(
    db,
    `SELECT * FROM (
       SELECT c.id, c.name, c.grade, ${s.basis} AS basis,
              (SELECT max(e.evaluated_on) FROM evaluations e WHERE e.customer_id = c.id) AS last_evaluated
         FROM customers c WHERE c.archived_at IS NULL AND ${s.where})
      WHERE last_evaluated IS NULL OR last_evaluated < @from
      ORDER BY id`,
  ).all({ ...s.params, from }) as DueCustomer[];
}

/** One aggregate over our deals in the date range, read through the partial index deals_date. */
export const TRADE_VALUES_SQL = `SELECT customer_id, sum(amount) AS value FROM deals
  WHERE competitor IS NULL AND deal_date >= @from AND deal_date <= @to GROUP BY customer_id`;

/** Customer id → the value (CNY) of our deals with them dated from `from` to `to`. */
export function tradeValues(db: Db, from: string, to: string): Map<number, number> {
  const rows = stmt(db, TRADE_VALUES_SQL).all({ from, to }) as { customer_id: number; value: number }[];
  return new Map(rows.map((r) => [r.customer_id, r.value]));
}
