// crm classify ID --score size=90 credit=85 volume=70 influence=80: a customer's evaluation
// (客户评估表, POLICY §4), on a terminal also as a walk through the form; the evaluation is kept
// and the customer's grade set, both in the history. crm classify --review 2026Q4: the
// quarterly review (classify/review.ts).
import { print, printJson, type Context } from '../context.js';
import { writeTransaction } from '../db/database.js';
import { changeCustomer } from '../db/customer-writes.js';
import { recordEvaluation } from '../db/evaluations.js';
import { loadPolicy } from '../db/policy.js';
import { isoDate, parseDate } from '../domain/date.js';
import type { Grade } from '../domain/enums.js';
import { gradeFor, parseScores, weightedTotal } from '../domain/grading.js';
import { formatCustomerId } from '../domain/ids.js';
import { NeedsInputError, UsageError } from '../errors.js';
import { withSession } from '../session.js';
import { walkForm } from './classify/form.js';
import { review } from './classify/review.js';
import { requireCustomer } from './customer-file.js';

export interface ClassifyOptions {
  score?: string[];
  note?: string;
  date?: string;
  review?: string;
  by: 'score' | 'trade';
  apply?: boolean;
  json?: boolean;
}

export async function run(ctx: Context, idText: string | undefined, o: ClassifyOptions): Promise<void> {
  if (o.review !== undefined) {
    if (idText !== undefined || o.score !== undefined || o.date !== undefined) throw new UsageError('classify.review_alone', {});
    return review(ctx, o.review, o);
  }
  if (o.apply || o.by === 'trade') throw new UsageError('classify.needs_review', { flag: o.apply ? '--apply' : '--by trade' });
  if (idText === undefined) throw new UsageError('classify.needs_target', {});
  return evaluate(ctx, idText, o);
}

async function evaluate(ctx: Context, idText: string, o: ClassifyOptions): Promise<void> {
  // Everything that can be checked without the database is, so a bad flag writes nothing.
  const given = o.score === undefined ? undefined : parseScores(o.score);
  const evaluatedOn = o.date === undefined ? isoDate(ctx.now()) : parseDate(o.date);
  if (evaluatedOn === null) throw new UsageError('classify.bad_date', { value: o.date! });
  if (!given && !ctx.interactive) throw new NeedsInputError('classify.needs_score', {});

  const r = await withSession(ctx, 'classify', async (s) => {
    const form = given ? { scores: given, note: o.note } : await walkForm(ctx, s, idText, o.note);
    return writeTransaction(s.db, () => {
      const { row } = requireCustomer(s, idText, 'change');
      const policy = loadPolicy(s.db);
      const total = weightedTotal(form.scores, policy.weights);
      const grade = gradeFor(total, policy.grades);
      const evaluationId = recordEvaluation(s.db, s.actor, {
        customerId: row.id,
        evaluatedOn,
        method: 'score',
        scores: form.scores,
        weights: policy.weights,
        total,
        grade,
        note: form.note?.trim() || null,
      });
      changeCustomer(s.db, s.actor, row, { grade });
      return { id: formatCustomerId(row.id), total, grade, previous_grade: row.grade as Grade | null, evaluation_id: evaluationId };
    });
  });
  if (o.json) return printJson(ctx, r);
  const total = r.total.toFixed(2);
  if (r.previous_grade === r.grade) print(ctx, ctx.t('classify.unchanged', { id: r.id, grade: r.grade, total }));
  else print(ctx, ctx.t('classify.done', { id: r.id, from: r.previous_grade ?? '—', to: r.grade, total }));
}
