// crm deal add CUSTOMER_ID --date D --amount N […]: one deal of ours with the customer, or with
// --competitor NAME the customer's dealing with a competitor (POLICY §2, 客户交易资料). Prints the
// deal id. The checks are shared with crm import --kind deals.
import { print, printJson, warn, type Context } from '../../context.js';
import { writeTransaction } from '../../db/database.js';
import { recordDeal } from '../../db/deal-writes.js';
import type { NewDeal } from '../../db/deals.js';
import { isoDate, parseDate } from '../../domain/date.js';
import { formatCustomerId } from '../../domain/ids.js';
import { parseMoney } from '../../domain/money.js';
import { blankToNull } from '../../domain/text.js';
import { UsageError, ValidationError } from '../../errors.js';
import { withSession } from '../../session.js';
import { requireCustomer } from '../customer-file.js';

export interface DealInput {
  date?: string;
  amount?: string;
  profit?: string;
  line?: string;
  mode?: string;
  paymentTerms?: string;
  contract?: string;
  due?: string;
  competitor?: string;
}

/** What the checked values are called where they came from (flags here, headers in an import),
 * so that an error names what the user wrote. */
export type DealLabels = Record<'date' | 'amount' | 'profit' | 'due', string>;

const FLAGS: DealLabels = { date: '--date', amount: '--amount', profit: '--profit', due: '--due' };

/** A profit may be a loss: -3000, －3千. */
function signedMoney(text: string): number | null {
  const negative = /^[-－−]/.test(text);
  const amount = parseMoney(negative ? text.slice(1) : text);
  return amount === null || !negative ? amount : -amount;
}

function checkedDate(text: string, field: string): string {
  const date = parseDate(text);
  if (date === null) throw new ValidationError('trade.bad_date', { field, value: text });
  return date;
}

/**
 * The deal as stored, or a ValidationError naming the value. A deal is recorded once it is done,
 * so its date is not after `today` (a year ahead is a typo, and would stay out of every report
 * until then); its gross profit is part of its amount, so not more (a loss may be any size).
 * Our deal falls due on --due, or on the deal date when no term was agreed, so that what is
 * unpaid always shows in the aging; a competitor's dealing is owed to nobody here and has no due
 * date.
 */
export function checkDeal(input: DealInput, label: DealLabels, today: string): NewDeal {
  const dateText = blankToNull(input.date);
  if (dateText === null) throw new ValidationError('trade.missing', { field: label.date, example: '2026-11-20' });
  const amountText = blankToNull(input.amount);
  if (amountText === null) throw new ValidationError('trade.missing', { field: label.amount, example: '50万' });
  const deal_date = checkedDate(dateText, label.date);
  if (deal_date > today) throw new ValidationError('trade.future_date', { field: label.date, value: deal_date, today });
  const amount = parseMoney(amountText);
  if (amount === null) throw new ValidationError('trade.bad_amount', { field: label.amount, value: amountText });
  const profitText = blankToNull(input.profit);
  const profit = profitText === null ? null : signedMoney(profitText);
  if (profitText !== null && profit === null) throw new ValidationError('trade.bad_profit', { field: label.profit, value: profitText });
  if (profit !== null && profit > amount) {
    throw new ValidationError('trade.profit_exceeds', { field: label.profit, value: profitText!, amount_field: label.amount, amount: amountText });
  }
  const competitor = blankToNull(input.competitor);
  const dueText = blankToNull(input.due);
  if (competitor !== null && dueText !== null) throw new ValidationError('trade.competitor_due', { field: label.due });
  const due = dueText === null ? null : checkedDate(dueText, label.due);
  if (due !== null && due < deal_date) throw new ValidationError('trade.due_before_date', { field: label.due, due, date: deal_date });
  return {
    deal_date,
    amount,
    profit,
    business_line: blankToNull(input.line),
    mode: blankToNull(input.mode),
    payment_terms: blankToNull(input.paymentTerms),
    contract_no: blankToNull(input.contract),
    due_date: competitor === null ? (due ?? deal_date) : null,
    competitor,
  };
}

export async function run(ctx: Context, idText: string, o: DealInput & { json?: boolean }): Promise<void> {
  // An empty --competitor would otherwise record the competitor's dealing as ours.
  if (o.competitor !== undefined && blankToNull(o.competitor) === null) throw new UsageError('trade.blank_competitor', {});
  const deal = checkDeal(o, FLAGS, isoDate(ctx.now()));
  const { id, customer, cooperating } = await withSession(ctx, 'deal add', (s) =>
    writeTransaction(s.db, () => {
      const { row } = requireCustomer(s, idText, 'change');
      return { ...recordDeal(s.db, s.actor, row, deal), customer: formatCustomerId(row.id) };
    }),
  );
  if (o.json) return printJson(ctx, { id });
  print(ctx, String(id));
  if (cooperating) warn(ctx, ctx.t('trade.now_cooperating', { id: customer }));
}
