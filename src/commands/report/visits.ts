// crm report visits [--month YYYY-MM] [--format …] [--out FILE]: the month's visits against the
// minimums for each status × grade, per rep, the customers short of theirs and the visit reports
// awaiting approval (POLICY §5), over the customers the caller may read. The month defaults to
// the current one (progress so far), as for `crm visit due`.
import type { Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { loadPolicy } from '../../db/policy.js';
import { visitFigures } from '../../db/report.js';
import { previousMonth } from '../../domain/report.js';
import { monthOf, parseMonth } from '../../domain/visits.js';
import { UsageError } from '../../errors.js';
import { visitsLayout } from '../../io/report-sections.js';
import { withSession } from '../../session.js';
import { chooseFormat, deliver, TABULAR_FORMATS, type OutputOptions } from './output.js';

export async function run(ctx: Context, o: OutputOptions & { month?: string }): Promise<void> {
  const month = o.month === undefined ? monthOf(ctx.now()) : parseMonth(o.month);
  if (!month) throw new UsageError('report.bad_month', { value: o.month ?? '' });
  const format = chooseFormat(ctx, o, TABULAR_FORMATS);
  const prev = previousMonth(month);
  const figures = await withSession(ctx, 'report visits', (s) => readTransaction(s.db, () => visitFigures(s.db, s.scope, month, prev, loadPolicy(s.db))));
  const report = { month: month.month, previous_month: prev.month, ...figures };
  const layout = visitsLayout(report, ctx.t, ctx.lang);
  await deliver(ctx, o, format, { doc: report, layout, csv: layout.sections[0]! });
}
