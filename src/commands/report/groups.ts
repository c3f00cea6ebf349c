// crm report groups [--format table|md|json|csv] [--out FILE]: companies with branches or
// subsidiaries (分(支)厂), their trade over the last 365 days rolled up to the parent at the head of
// each group, largest first.
import type { Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { groupsRolledUp } from '../../db/file-reports.js';
import { isoDate } from '../../domain/date.js';
import { formatCustomerId } from '../../domain/ids.js';
import { groupsLayout } from '../../io/report-sections.js';
import { withSession } from '../../session.js';
import { chooseFormat, deliver, TABULAR_FORMATS, type OutputOptions } from './output.js';

export async function run(ctx: Context, o: OutputOptions): Promise<void> {
  const format = chooseFormat(ctx, o, TABULAR_FORMATS);
  const today = isoDate(ctx.now());
  const rows = await withSession(ctx, 'report groups', (s) => readTransaction(s.db, () => groupsRolledUp(s.db, s.scope, today)));
  const doc = { date: today, groups: rows.map((g) => ({ ...g, head_id: formatCustomerId(g.head_id) })) };
  const layout = groupsLayout(doc, ctx.t);
  await deliver(ctx, o, format, { doc, layout, csv: layout.sections[0]! });
}
