// crm report kinds [--format table|md|json|csv] [--out FILE]: the files by kind (POLICY §1:
// customers, suppliers, distributors, special parties), each with its count by status and our
// trade over the last 365 days.
import type { Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { filesByKind } from '../../db/file-reports.js';
import { isoDate } from '../../domain/date.js';
import { kindsLayout } from '../../io/report-sections.js';
import { withSession } from '../../session.js';
import { chooseFormat, deliver, TABULAR_FORMATS, type OutputOptions } from './output.js';

export async function run(ctx: Context, o: OutputOptions): Promise<void> {
  const format = chooseFormat(ctx, o, TABULAR_FORMATS);
  const today = isoDate(ctx.now());
  const kinds = await withSession(ctx, 'report kinds', (s) => readTransaction(s.db, () => filesByKind(s.db, s.scope, today)));
  const doc = { date: today, kinds };
  const layout = kindsLayout(doc, ctx.t, ctx.lang);
  await deliver(ctx, o, format, { doc, layout, csv: layout.sections[0]! });
}
