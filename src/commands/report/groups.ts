// crm report groups [--json]: companies with branches or subsidiaries (分(支)厂), their trade
// over the last 365 days rolled up to the parent at the head of each group, largest first.
import { print, printJson, type Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { groupsRolledUp } from '../../db/file-reports.js';
import { isoDate } from '../../domain/date.js';
import { formatCustomerId } from '../../domain/ids.js';
import { formatMoney } from '../../domain/money.js';
import { renderTable } from '../../io/table.js';
import { withSession } from '../../session.js';

export async function run(ctx: Context, o: { json?: boolean }): Promise<void> {
  const today = isoDate(ctx.now());
  const rows = await withSession(ctx, 'report groups', (s) => readTransaction(s.db, () => groupsRolledUp(s.db, s.scope, today)));
  const groups = rows.map((g) => ({ ...g, head_id: formatCustomerId(g.head_id) }));
  if (o.json) return printJson(ctx, { date: today, groups });
  if (groups.length === 0) return print(ctx, ctx.t('report.groups_none'));
  const head = ['head', 'files', 'head_trade', 'group_trade'].map((k) => ctx.t(`files.col_group_${k}` as never));
  const body = groups.map((g) => [
    `${g.head_id} ${g.head ?? ctx.t('show.out_of_scope_name')}`,
    String(g.files),
    formatMoney(g.head_trade_12m, ctx.lang),
    formatMoney(g.group_trade_12m, ctx.lang),
  ]);
  print(ctx, renderTable(ctx, head, body));
}
