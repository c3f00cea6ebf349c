// Yearly spend per customer, for the tier (POLICY §4, src/domain/tier.ts): the amounts of our own
// deals (competitor IS NULL) made in the 365 days up to the as-of date.
import type { Db } from './database.js';
import { stmt } from './statements.js';

const WINDOW = `competitor IS NULL AND deal_date > date(@as_of, '-365 days') AND deal_date <= @as_of`;

export function yearlySpend(db: Db, customerId: number, asOf: string): number {
  return stmt(db, `SELECT total(amount) FROM deals WHERE customer_id = @id AND ${WINDOW}`).pluck().get({ id: customerId, as_of: asOf }) as number;
}

/** Every customer with spend in the window (absent: no spend), in one pass over the deals_date index. */
export function yearlySpendAll(db: Db, asOf: string): Map<number, number> {
  const rows = stmt(db, `SELECT customer_id, total(amount) FROM deals WHERE ${WINDOW} GROUP BY customer_id`).raw().all({ as_of: asOf }) as [number, number][];
  return new Map(rows);
}
