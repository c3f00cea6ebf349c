// crm deal list [--customer ID]: the deals of the customers the caller may read, with what has
// been paid and what is outstanding on ours. Each customer listed is a consultation (POLICY §6).
import type { Context } from '../../context.js';
import { logListed } from '../../db/access-log.js';
import { consultTransaction } from '../../db/database.js';
import { listDeals } from '../../db/deals.js';
import { formatCustomerId } from '../../domain/ids.js';
import { formatMoney } from '../../domain/money.js';
import { withSession } from '../../session.js';
import { requireCustomer } from '../customer-file.js';
import { showRows } from '../rows-view.js';

export async function run(ctx: Context, o: { customer?: string; json?: boolean }): Promise<void> {
  const rows = await withSession(ctx, 'deal list', (s) =>
    consultTransaction(s.db, () => {
      // A named customer outside the caller's scope is refused (exit 3), not shown as empty.
      const only = o.customer === undefined ? null : requireCustomer(s, o.customer).row.id;
      const deals = listDeals(s.db, s.scope, only);
      logListed(s.db, s.actor, 'deal list', deals);
      return deals;
    }),
  );

  const money = (x: number | null) => (x === null ? '' : formatMoney(x, ctx.lang));
  await showRows(ctx, o.json, rows, {
    json: (d) => ({
      id: d.id,
      customer: formatCustomerId(d.customer_id),
      name: d.name,
      date: d.deal_date,
      amount: d.amount,
      profit: d.profit,
      line: d.business_line,
      mode: d.mode,
      payment_terms: d.payment_terms,
      contract: d.contract_no,
      competitor: d.competitor,
      due: d.due_date,
      paid: d.paid,
      outstanding: d.outstanding,
    }),
    none: ctx.t('trade.no_deals'),
    head: ['id', 'customer', 'name', 'date', 'amount', 'profit', 'line', 'competitor', 'due', 'paid', 'outstanding'].map((k) => ctx.t(`trade.col_${k}` as never)),
    cells: (d) => [
      String(d.id),
      formatCustomerId(d.customer_id),
      d.name,
      d.deal_date,
      money(d.amount),
      money(d.profit),
      d.business_line ?? '',
      d.competitor ?? '',
      d.due_date ?? '',
      money(d.paid),
      money(d.outstanding),
    ],
  });
}
