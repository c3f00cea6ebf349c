// crm report composition [--from D] [--to D] [--by grade|line|region|industry] [--format …] [--out FILE]:
// revenue and gross profit of our deals in the period by one key (收入构成, 业务构成, 地区构成,
// 利润贡献; POLICY §7), against the same period a year earlier, over the customers the caller may
// read. The period defaults to the year to date.
import type { Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { compositionReport } from '../../db/report.js';
import { isoDate } from '../../domain/date.js';
import { COMPOSITION_BY } from '../../domain/report.js';
import { UsageError } from '../../errors.js';
import { compositionLayout } from '../../io/report-sections.js';
import { withSession } from '../../session.js';
import { byOption, dateOption } from './options.js';
import { chooseFormat, deliver, TABULAR_FORMATS, type OutputOptions } from './output.js';

export async function run(ctx: Context, o: OutputOptions & { from?: string; to?: string; by?: string }): Promise<void> {
  const to = dateOption('--to', o.to, isoDate(ctx.now()));
  const from = dateOption('--from', o.from, `${to.slice(0, 4)}-01-01`);
  if (from > to) throw new UsageError('report.bad_range', { from, to });
  const by = byOption(o.by, COMPOSITION_BY);
  const format = chooseFormat(ctx, o, TABULAR_FORMATS);
  const report = await withSession(ctx, 'report composition', (s) => readTransaction(s.db, () => compositionReport(s.db, s.scope, { from, to }, by)));
  const layout = compositionLayout(report, ctx.t, ctx.lang);
  await deliver(ctx, o, format, { doc: report, layout, csv: layout.sections[0]! });
}
