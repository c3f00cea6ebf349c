// A customer's timeline: visits, notes and complaints, surveys, deals (ours and competitors'),
// evaluations and the changes of the customer record, in one UNION ALL query, newest first. Each
// branch reads its table by the customer_id index; a customer with thousands of events costs one
// sort of those rows.
import type { Db } from './database.js';
import { stmt } from './statements.js';

/** One event: `a`, `b`, `c` and `flag` are the raw pieces its kind's summary is made of. */
export interface TimelineRow {
  date: string;
  /** When it was recorded (orders events of the same day). */
  at: string;
  /** visit, call … feedback, complaint, survey, deal, competitor-deal, evaluation, status, grade, field, created */
  kind: string;
  id: number;
  a: string | null;
  b: string | null;
  c: string | null;
  flag: number;
}

const TIMELINE_SQL = `
SELECT date, at, kind, id, a, b, c, flag FROM (
  SELECT v.visited_on AS date, v.created_at AS at, 'visit' AS kind, v.id AS id,
         coalesce(v.actual, v.planned) AS a, CASE WHEN v.actual IS NULL THEN 'planned' ELSE 'actual' END AS b,
         r.login AS c, v.abnormal AS flag
    FROM visits v LEFT JOIN staff r ON r.id = v.rep_id
   WHERE v.customer_id = @id
  UNION ALL
  SELECT n.noted_on, n.created_at, n.kind, n.id, n.text, n.complaint_status, n.resolution, n.abnormal
    FROM notes n WHERE n.customer_id = @id
  UNION ALL
  SELECT s.surveyed_on, s.created_at, 'survey', s.id, s.text, CAST(s.score AS TEXT), NULL, 0
    FROM surveys s WHERE s.customer_id = @id
  UNION ALL
  SELECT d.deal_date, d.created_at, CASE WHEN d.competitor IS NULL THEN 'deal' ELSE 'competitor-deal' END, d.id,
         d.competitor, CAST(d.amount AS TEXT), d.business_line, 0
    FROM deals d WHERE d.customer_id = @id
  UNION ALL
  SELECT e.evaluated_on, e.created_at, 'evaluation', e.id, e.grade, CAST(e.total AS TEXT), e.method, 0
    FROM evaluations e WHERE e.customer_id = @id
  UNION ALL
  SELECT substr(h.at, 1, 10), h.at,
         CASE WHEN h.field = '*' THEN 'created' WHEN h.field IN ('status', 'grade') THEN h.field ELSE 'field' END,
         h.id, h.field, h.old_value, CASE WHEN h.field = '*' THEN NULL ELSE h.new_value END, 0
    FROM history h
   WHERE h.customer_id = @id AND h.entity = 'customer' AND (h.field <> '*' OR h.old_value IS NULL)
)
ORDER BY date DESC, at DESC, id DESC`;

export function customerTimeline(db: Db, customerId: number): TimelineRow[] {
  return stmt(db, TIMELINE_SQL).all({ id: customerId }) as TimelineRow[];
}
