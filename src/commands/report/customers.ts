// crm report customers [--by status|grade|region|industry|source|owner] [--format …] [--out FILE]:
// the customer files the caller may read, counted by one key, with shares adding up to 100.0.
import type { Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { customersReport } from '../../db/report.js';
import { CUSTOMERS_BY } from '../../domain/report.js';
import { customersLayout } from '../../io/report-sections.js';
import { withSession } from '../../session.js';
import { byOption } from './options.js';
import { chooseFormat, deliver, TABULAR_FORMATS, type OutputOptions } from './output.js';

export async function run(ctx: Context, o: OutputOptions & { by?: string }): Promise<void> {
  const by = byOption(o.by, CUSTOMERS_BY);
  const format = chooseFormat(ctx, o, TABULAR_FORMATS);
  const report = await withSession(ctx, 'report customers', (s) => readTransaction(s.db, () => customersReport(s.db, s.scope, by)));
  const layout = customersLayout(report, ctx.t, ctx.lang);
  await deliver(ctx, o, format, { doc: report, layout, csv: layout.sections[0]! });
}
