// The interactive evaluation form (客户评估表): each criterion with its weight and standard, the
// score checked as it is typed, the running total, then a summary to confirm. Nothing is
// written here; the caller stores what was confirmed.
import type { Context } from '../../context.js';
import { loadPolicy } from '../../db/policy.js';
import { criterionLabel, gradeFor, parseScore, weightedTotal, type Scores } from '../../domain/grading.js';
import { formatCustomerId } from '../../domain/ids.js';
import { CRITERIA } from '../../domain/policy.js';
import { CancelledError } from '../../errors.js';
import { pick } from '../../i18n/translate.js';
import { renderTable } from '../../io/table.js';
import type { Session } from '../../session.js';
import { requireCustomer } from '../customer-file.js';

export async function walkForm(ctx: Context, s: Session, idText: string, note: string | undefined): Promise<{ scores: Scores; note: string | undefined }> {
  const { t } = ctx;
  // Refused before any question if the caller may not change this customer.
  const { row } = requireCustomer(s, idText, 'change');
  const { weights, grades } = loadPolicy(s.db);
  const id = formatCustomerId(row.id);
  const p = await ctx.prompter();
  const say = (line: string) => ctx.io.stdout.write(line + '\n');

  say(t('classify.form_title', { id, name: row.name, grade: (row.grade as string | null) ?? '—' }));
  const scores: Partial<Scores> = {};
  for (const c of CRITERIA) {
    const answer = await p.input(t('classify.ask_score', { criterion: pick(ctx.lang, c), weight: weights[c.key], standard: c.standard }), {
      validate: (v) => (parseScore(v) === null ? t('classify.bad_score', { criterion: criterionLabel(c), value: v }) : true),
    });
    scores[c.key] = parseScore(answer)!;
    say(t('classify.running', { total: weightedTotal(scores, weights).toFixed(2), n: Object.keys(scores).length, count: CRITERIA.length }));
  }
  const total = weightedTotal(scores, weights);
  const grade = gradeFor(total, grades);
  const remark = note ?? (await p.input(t('classify.ask_note')));

  const head = ['criterion', 'weight', 'score', 'points'].map((k) => t(`classify.col_${k}` as never));
  const rows = CRITERIA.map((c) => [pick(ctx.lang, c), `${weights[c.key]}%`, String(scores[c.key]), ((scores[c.key]! * weights[c.key]) / 100).toFixed(2)]);
  say('\n' + renderTable(ctx, head, rows));
  say(t('classify.result', { total: total.toFixed(2), grade }));
  if (!(await p.confirm(t('classify.confirm', { id, from: (row.grade as string | null) ?? '—', to: grade }), true))) throw new CancelledError('walk.cancelled');
  return { scores: scores as Scores, note: remark };
}
