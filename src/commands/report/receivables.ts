// crm report receivables [--as-of D] [--format …] [--out FILE]: the report of the 15th (POLICY §5):
// what is owed on the date (default today) by rep and by customer — due by the end of the month,
// overdue, and over the aging limit (a policy setting) — over the customers the caller may read.
import type { Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { loadPolicy } from '../../db/policy.js';
import { receivablesReport } from '../../db/report.js';
import { isoDate } from '../../domain/date.js';
import { receivablesLayout } from '../../io/report-sections.js';
import { withSession } from '../../session.js';
import { dateOption } from './options.js';
import { chooseFormat, deliver, TABULAR_FORMATS, type OutputOptions } from './output.js';

export async function run(ctx: Context, o: OutputOptions & { asOf?: string }): Promise<void> {
  const asOf = dateOption('--as-of', o.asOf, isoDate(ctx.now()));
  const format = chooseFormat(ctx, o, TABULAR_FORMATS);
  const report = await withSession(ctx, 'report receivables', (s) =>
    readTransaction(s.db, () => receivablesReport(s.db, s.scope, asOf, loadPolicy(s.db).receivableAgingDays)),
  );
  const layout = receivablesLayout(report, ctx.t, ctx.lang);
  // The CSV is the customers' table: its owner column gives the per-rep sums in a pivot.
  await deliver(ctx, o, format, { doc: report, layout, csv: layout.sections[1]! });
}
