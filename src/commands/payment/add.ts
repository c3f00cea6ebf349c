// crm payment add DEAL_ID --date D --amount N: a receipt against one of our deals, never more than
// is still outstanding on it. Prints the payment id.
import { print, printJson, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { getDeal, recordPayment } from '../../db/deals.js';
import { parseDate } from '../../domain/date.js';
import { formatCustomerId } from '../../domain/ids.js';
import { formatMoney, parseMoney } from '../../domain/money.js';
import { blankToNull } from '../../domain/text.js';
import { NotFoundError, UsageError, ValidationError } from '../../errors.js';
import { withSession } from '../../session.js';
import { requireCustomer } from '../customer-file.js';

function checked(o: { date?: string; amount?: string }): { paidOn: string; amount: number } {
  const dateText = blankToNull(o.date);
  if (dateText === null) throw new ValidationError('trade.missing', { field: '--date', example: '2026-11-20' });
  const amountText = blankToNull(o.amount);
  if (amountText === null) throw new ValidationError('trade.missing', { field: '--amount', example: '5,000' });
  const paidOn = parseDate(dateText);
  if (paidOn === null) throw new ValidationError('trade.bad_date', { field: '--date', value: dateText });
  const amount = parseMoney(amountText);
  if (amount === null || amount <= 0) throw new ValidationError('trade.bad_payment_amount', { field: '--amount', value: amountText });
  return { paidOn, amount };
}

const money = (x: number) => ({ zh: formatMoney(x, 'zh'), en: formatMoney(x, 'en') });

export async function run(ctx: Context, idText: string, o: { date?: string; amount?: string; json?: boolean }): Promise<void> {
  if (!/^\d{1,12}$/.test(idText.trim()) || Number(idText) === 0) throw new UsageError('trade.bad_deal_id', { id: idText });
  const { paidOn, amount } = checked(o);
  const id = await withSession(ctx, 'payment add', (s) =>
    writeTransaction(s.db, () => {
      const deal = getDeal(s.db, Number(idText));
      if (!deal) throw new NotFoundError('trade.deal_not_found', { id: idText.trim() });
      requireCustomer(s, formatCustomerId(deal.customer_id), 'change');
      if (deal.competitor !== null) throw new ValidationError('trade.payment_competitor', { id: deal.id });
      // In fen, so that paying exactly the outstanding balance is never refused by rounding.
      const outstanding = Math.round(deal.amount * 100) - Math.round(deal.paid * 100);
      if (Math.round(amount * 100) > outstanding) throw new ValidationError('trade.payment_exceeds', { id: deal.id, amount: money(amount), outstanding: money(outstanding / 100) });
      return recordPayment(s.db, s.actor, deal, paidOn, amount);
    }),
  );
  if (o.json) printJson(ctx, { id });
  else print(ctx, String(id));
}
