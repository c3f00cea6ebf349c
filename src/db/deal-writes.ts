// Recording a deal: it may move the customer to cooperating, through the customer writes (kept
// apart from deals.ts so that commands which only read trade do not load them).
import { statusAfterDeal } from '../domain/lifecycle.js';
import type { CustomerRow } from './customers.js';
import { changeCustomer } from './customer-writes.js';
import type { Db } from './database.js';
import type { NewDeal } from './deals.js';
import { recordCreated, type Actor } from './history.js';
import { stmt } from './statements.js';

/** Our deal of nothing owes nothing from the day it is made; any other is open until paid
 * (recordPayment settles it). */
function settledOn(deal: NewDeal): string | null {
  return deal.competitor === null && deal.amount === 0 ? deal.deal_date : null;
}

/**
 * Records a deal with its customer's region and owner of the day (for reports by region and by
 * rep). Our deal makes a potential or followed-up customer a cooperating one, in the history under
 * the same command. Returns the deal id and whether the customer became cooperating.
 */
export function recordDeal(db: Db, actor: Actor, customer: CustomerRow, deal: NewDeal): { id: number; cooperating: boolean } {
  const stored = { ...deal, region: customer.region as string | null, owner_id: customer.owner_id };
  const id = Number(
    stmt(
      db,
      `INSERT INTO deals (customer_id, competitor, deal_date, amount, profit, business_line, mode, payment_terms, contract_no, due_date,
                          region, owner_id, staff_id, created_at, settled_on)
       VALUES (@customer_id, @competitor, @deal_date, @amount, @profit, @business_line, @mode, @payment_terms, @contract_no, @due_date,
               @region, @owner_id, @staff_id, @at, @settled_on)`,
    ).run({ ...stored, customer_id: customer.id, staff_id: actor.staffId, at: actor.at, settled_on: settledOn(deal) }).lastInsertRowid,
  );
  recordCreated(db, actor, { entity: 'deal', entityId: id, customerId: customer.id }, stored);
  const next = statusAfterDeal(String(customer.status), deal.competitor !== null);
  if (next) changeCustomer(db, actor, customer, { status: next });
  return { id, cooperating: next !== null };
}

