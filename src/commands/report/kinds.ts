// crm report kinds [--json]: the files by kind (POLICY §1: customers, suppliers, distributors,
// special parties), each with its count by status and our trade over the last 365 days.
import { print, printJson, type Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { filesByKind } from '../../db/file-reports.js';
import { isoDate } from '../../domain/date.js';
import { KINDS, optionLabel, STATUSES } from '../../domain/enums.js';
import { formatMoney } from '../../domain/money.js';
import { renderTable } from '../../io/table.js';
import { withSession } from '../../session.js';

export async function run(ctx: Context, o: { json?: boolean }): Promise<void> {
  const today = isoDate(ctx.now());
  const kinds = await withSession(ctx, 'report kinds', (s) => readTransaction(s.db, () => filesByKind(s.db, s.scope, today)));
  if (o.json) return printJson(ctx, { date: today, kinds });
  const head = [ctx.t('files.col_kind'), ctx.t('files.col_files'), ...STATUSES.map((st) => optionLabel(STATUSES, st.value, ctx.lang)), ctx.t('files.col_ref_trade')];
  const body = kinds.map((k) => [
    optionLabel(KINDS, k.kind, ctx.lang),
    String(k.files),
    ...STATUSES.map((st) => String(k.statuses[st.value])),
    formatMoney(k.trade_12m, ctx.lang),
  ]);
  print(ctx, renderTable(ctx, head, body));
}
