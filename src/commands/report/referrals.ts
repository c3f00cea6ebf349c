// crm report referrals [--json]: referral by existing customers as a source (POLICY §3): for each
// referrer, how many files name it, how many of those became cooperating customers, and our trade
// with them over the last 365 days; most referrals first.
import { print, printJson, type Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { referralsByReferrer } from '../../db/file-reports.js';
import { isoDate } from '../../domain/date.js';
import { formatCustomerId } from '../../domain/ids.js';
import { formatMoney } from '../../domain/money.js';
import { renderTable } from '../../io/table.js';
import { withSession } from '../../session.js';

export async function run(ctx: Context, o: { json?: boolean }): Promise<void> {
  const today = isoDate(ctx.now());
  const rows = await withSession(ctx, 'report referrals', (s) => readTransaction(s.db, () => referralsByReferrer(s.db, s.scope, today)));
  const referrers = rows.map((r) => ({
    referrer_id: formatCustomerId(r.referrer_id),
    referrer: r.referrer,
    referred: r.referred,
    cooperating: r.cooperating,
    trade_12m: r.trade_12m,
    referred_ids: r.referred_ids.map(formatCustomerId),
  }));
  if (o.json) return printJson(ctx, { date: today, referrers });
  if (referrers.length === 0) return print(ctx, ctx.t('report.referrals_none'));
  const head = ['referrer', 'referred', 'cooperating', 'trade', 'ids'].map((k) => ctx.t(`files.col_ref_${k}` as never));
  const body = referrers.map((r) => [
    `${r.referrer_id} ${r.referrer ?? ctx.t('show.out_of_scope_name')}`,
    String(r.referred),
    String(r.cooperating),
    formatMoney(r.trade_12m, ctx.lang),
    r.referred_ids.join(', '),
  ]);
  print(ctx, renderTable(ctx, head, body));
}
