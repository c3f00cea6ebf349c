// crm credit ID | --all: the credit rating from payment behaviour (客户信用分析, POLICY §7), recomputed
// on demand and stored with its date for the monthly report. One customer: the rating explained
// input by input (a consultation, logged). --all: every customer the caller may change but the
// archived ones, in one transaction over one aggregate query, with the count per rating.
import { print, printJson, type Context } from '../context.js';
import { logAccess } from '../db/access-log.js';
import { paymentRecord, paymentRecords, storeRating } from '../db/credit.js';
import { writeTransaction } from '../db/database.js';
import { RATINGS, WEIGHTS, creditJson, rateCredit, type CreditRating, type Rating } from '../domain/credit.js';
import { isoDate } from '../domain/date.js';
import { formatCustomerId } from '../domain/ids.js';
import { formatMoney } from '../domain/money.js';
import { UsageError } from '../errors.js';
import { pick } from '../i18n/translate.js';
import { renderTable } from '../io/table.js';
import { withSession } from '../session.js';
import { requireCustomer } from './customer-file.js';

export async function run(ctx: Context, idText: string | undefined, o: { all?: boolean; json?: boolean }): Promise<void> {
  if (idText !== undefined && o.all) throw new UsageError('credit.id_and_all', {});
  const asOf = isoDate(ctx.now());
  if (idText !== undefined) return rateOne(ctx, idText, asOf, !!o.json);
  if (!o.all) throw new UsageError('credit.id_or_all', {});
  return rateAll(ctx, asOf, !!o.json);
}

async function rateOne(ctx: Context, idText: string, asOf: string, json: boolean): Promise<void> {
  const { id, name, credit } = await withSession(ctx, 'credit', (s) =>
    writeTransaction(s.db, () => {
      const { row, basis } = requireCustomer(s, idText, 'read');
      const credit = rateCredit(paymentRecord(s.db, row.id, asOf));
      storeRating(s.db, s.actor, row.id, asOf, credit);
      logAccess(s.db, s.actor, 'credit', [{ customerId: row.id, basis }]);
      return { id: formatCustomerId(row.id), name: row.name, credit };
    }),
  );
  if (json) return printJson(ctx, { id, name, as_of: asOf, ...creditJson(credit) });
  print(ctx, explain(ctx, id, name, asOf, credit));
}

function explain(ctx: Context, id: string, name: string, asOf: string, c: CreditRating): string {
  const { t } = ctx;
  const money = (x: number) => formatMoney(x, ctx.lang);
  const terms = t('credit.limit_terms', { limit: money(c.creditLimit), terms: pick(ctx.lang, c.paymentTerms) });
  if (c.rating === 'unrated') return [t('credit.heading_unrated', { id, name, as_of: asOf, reason: t(`credit.unrated_${c.unrated}`) }), terms].join('\n');
  const f = c.figures;
  const k = c.contributions;
  const pct = (share: number) => (share * 100).toFixed(1);
  const points = (x: number) => x.toFixed(1);
  const head = [t('credit.col_input'), t('credit.col_value'), t('credit.col_max'), t('credit.col_points')];
  const rows = [
    // Rated means something was paid or due, so the on-time share exists.
    [t('credit.input_on_time'), `${pct(f.onTimeShare!)}%`, String(WEIGHTS.onTime), points(k.onTime)],
    [t('credit.input_days_late'), t('credit.value_days', { days: f.avgDaysLate.toFixed(1) }), String(WEIGHTS.daysLate), points(k.daysLate)],
    [t('credit.input_overdue'), t('credit.value_overdue', { amount: money(f.overdue), share: pct(f.overdueShare) }), String(WEIGHTS.overdue), points(k.overdue)],
    [t('credit.input_volume'), t('credit.value_volume', { amount: money(f.volume), monthly: money(f.volume / 12) }), String(WEIGHTS.volume), points(k.volume)],
    [t('credit.total'), '', '100', points(c.score)],
  ];
  return [t('credit.heading', { id, name, rating: c.rating, score: points(c.score), as_of: asOf }), terms, renderTable(ctx, head, rows)].join('\n');
}

async function rateAll(ctx: Context, asOf: string, json: boolean): Promise<void> {
  const byRating = await withSession(ctx, 'credit', (s) =>
    writeTransaction(s.db, () => {
      const counts = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
      for (const { customerId, record } of paymentRecords(s.db, s.writeScope, asOf)) {
        const credit = rateCredit(record);
        storeRating(s.db, s.actor, customerId, asOf, credit);
        counts[credit.rating]++;
      }
      return counts;
    }),
  );
  const rated = Object.values(byRating).reduce((a, b) => a + b, 0);
  if (json) return printJson(ctx, { as_of: asOf, rated, by_rating: byRating });
  const rows = RATINGS.map((r) => [r === 'unrated' ? ctx.t('credit.unrated') : r, String(byRating[r])]);
  print(ctx, `${ctx.t('credit.all_done', { n: rated, as_of: asOf })}\n${renderTable(ctx, [ctx.t('credit.col_rating'), ctx.t('credit.col_count')], rows)}`);
}
