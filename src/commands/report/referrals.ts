// crm report referrals [--format table|md|json|csv] [--out FILE]: referral by existing customers as a
// source (POLICY §3): for each referrer, how many files name it, how many of those became
// cooperating customers, and our trade with them over the last 365 days; most referrals first.
import type { Context } from '../../context.js';
import { readTransaction } from '../../db/database.js';
import { referralsByReferrer } from '../../db/file-reports.js';
import { isoDate } from '../../domain/date.js';
import { formatCustomerId } from '../../domain/ids.js';
import { referralsLayout } from '../../io/report-sections.js';
import { withSession } from '../../session.js';
import { chooseFormat, deliver, TABULAR_FORMATS, type OutputOptions } from './output.js';

export async function run(ctx: Context, o: OutputOptions): Promise<void> {
  const format = chooseFormat(ctx, o, TABULAR_FORMATS);
  const today = isoDate(ctx.now());
  const rows = await withSession(ctx, 'report referrals', (s) => readTransaction(s.db, () => referralsByReferrer(s.db, s.scope, today)));
  const doc = {
    date: today,
    referrers: rows.map((r) => ({ ...r, referrer_id: formatCustomerId(r.referrer_id), referred_ids: r.referred_ids.map(formatCustomerId) })),
  };
  const layout = referralsLayout(doc, ctx.t);
  await deliver(ctx, o, format, { doc, layout, csv: layout.sections[0]! });
}
