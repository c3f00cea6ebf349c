// Trade records (客户交易资料, POLICY §2): our deals with a customer and its dealings with
// competitors, payments received against our deals, and what is still receivable. Every write
// also writes the history; every read for a list or report follows the caller's scope. Recording
// a deal, which may change the customer's status, is in deal-writes.ts, so that reading commands
// such as show do not load the customer-writing code (and its pinyin dictionary).
import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import { LOOKUP } from './customers.js';
import { recordCreated, type Actor } from './history.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';

export interface NewDeal {
  deal_date: string;
  amount: number;
  profit: number | null;
  business_line: string | null;
  mode: string | null;
  payment_terms: string | null;
  contract_no: string | null;
  /** Set on every deal of ours (the deal date when no term was agreed); null for a competitor's. */
  due_date: string | null;
  /** Null: our own deal. */
  competitor: string | null;
}

/** Sums of money come back from SQLite's floating point: round them to the fen. */
function fen(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The same deal already on file (a file imported twice must not double the revenue). */
export function dealOnFile(db: Db, customerId: number, deal: NewDeal): boolean {
  const { deal_date, amount, competitor, contract_no, business_line } = deal;
  const row = stmt(
    db,
    `SELECT 1 FROM deals WHERE customer_id = @customerId AND deal_date = @deal_date AND amount = @amount AND competitor IS @competitor
        AND contract_no IS @contract_no AND business_line IS @business_line LIMIT 1`,
  ).get({ customerId, deal_date, amount, competitor, contract_no, business_line });
  return row !== undefined;
}

/** Customers whose name has this companyNameKey (an import names customers by company). */
export function customerIdsByNameKey(db: Db, nameKey: string): number[] {
  return (stmt(db, LOOKUP.customersByNameKey).all({ v: nameKey }) as { id: number }[]).map((r) => r.id);
}

export interface DealBalance {
  id: number;
  customer_id: number;
  competitor: string | null;
  amount: number;
  paid: number;
}

/** A deal with what has been paid on it, or undefined. */
export function getDeal(db: Db, id: number): DealBalance | undefined {
  const row = stmt(
    db,
    `SELECT d.id, d.customer_id, d.competitor, d.amount, (SELECT total(p.amount) FROM payments p WHERE p.deal_id = d.id) AS paid
       FROM deals d WHERE d.id = ?`,
  ).get(id) as DealBalance | undefined;
  return row && { ...row, paid: fen(row.paid) };
}

/** A receipt against one of our deals; the caller has checked it does not exceed what is owed. */
export function recordPayment(db: Db, actor: Actor, deal: { id: number; customer_id: number }, paidOn: string, amount: number): number {
  const id = Number(
    stmt(db, 'INSERT INTO payments (deal_id, paid_on, amount, staff_id, created_at) VALUES (?, ?, ?, ?, ?)').run(deal.id, paidOn, amount, actor.staffId, actor.at)
      .lastInsertRowid,
  );
  recordCreated(db, actor, { entity: 'payment', entityId: id, customerId: deal.customer_id }, { deal_id: deal.id, paid_on: paidOn, amount });
  // The first payment's date, and the date it became paid in full (payments never exceed the
  // amount): the open receivables are read through them (schema.sql, deals.settled_on). A payment
  // may be recorded after a later one.
  stmt(
    db,
    `UPDATE deals SET first_paid_on = min(coalesce(first_paid_on, @paidOn), @paidOn),
                      settled_on = iif((SELECT round(total(p.amount) * 100) FROM payments p WHERE p.deal_id = deals.id) >= round(amount * 100),
                                       (SELECT max(p.paid_on) FROM payments p WHERE p.deal_id = deals.id), NULL)
      WHERE id = @id AND competitor IS NULL`,
  ).run({ id: deal.id, paidOn });
  return id;
}

/** A deal as listed: what was recorded, with its customer, what was paid and what is still owed. */
export interface DealListRow extends NewDeal {
  id: number;
  customer_id: number;
  name: string;
  /** Null for a competitor's dealing: nothing is owed to us. */
  paid: number | null;
  outstanding: number | null;
  /** The grant that shows the caller this customer (for the access log). */
  basis: string;
}

/** The deals of the customers the caller may read, oldest first; optionally of one customer (a
 * condition added only then, so that one customer's deals come straight from its index). */
export function listDeals(db: Db, scope: Scope, customerId: number | null): DealListRow[] {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `SELECT d.id, d.customer_id, c.name, d.deal_date, d.amount, d.profit, d.business_line, d.mode, d.payment_terms, d.contract_no,
            d.competitor, d.due_date, (SELECT total(p.amount) FROM payments p WHERE p.deal_id = d.id) AS paid, ${s.basis} AS basis
       FROM deals d JOIN customers c ON c.id = d.customer_id
      WHERE ${s.where} ${customerId === null ? '' : 'AND d.customer_id = @customer'}
      ORDER BY d.deal_date, d.id`,
  ).all(customerId === null ? s.params : { ...s.params, customer: customerId }) as (DealListRow & { paid: number })[];
  return rows.map((r) =>
    r.competitor === null ? { ...r, paid: fen(r.paid), outstanding: fen(r.amount - r.paid) } : { ...r, paid: null, outstanding: null },
  );
}

/** Our deals made by @asOf, with what had been paid on them by then. */
const BALANCES = `
  SELECT d.id, d.customer_id, d.owner_id, d.region, d.deal_date, d.due_date, d.amount, d.profit,
         (SELECT total(p.amount) FROM payments p WHERE p.deal_id = d.id AND p.paid_on <= @asOf) AS paid
    FROM deals d WHERE d.competitor IS NULL AND d.deal_date <= @asOf`;

export interface Receivable {
  deal_id: number;
  customer_id: number;
  customer_name: string;
  /** The customer's owner now, who collects; deal_owner made the deal. */
  owner: string | null;
  deal_owner: string | null;
  region: string | null;
  deal_date: string;
  due_date: string;
  amount: number;
  paid: number;
  outstanding: number;
}

/**
 * What was owed to us on `asOf` (YYYY-MM-DD), per deal still open then, by due date: for the
 * monthly report's receivables and their aging (domain/receivables.ts agingBucket).
 */
export function openReceivables(db: Db, scope: Scope, asOf: string): Receivable[] {
  const s = scopeSql(scope);
  const rows = stmt(
    db,
    `SELECT b.id AS deal_id, b.customer_id, c.name AS customer_name, o.login AS owner, m.login AS deal_owner, b.region,
            b.deal_date, b.due_date, b.amount, b.paid
       FROM (${BALANCES}) b
       JOIN customers c ON c.id = b.customer_id
       LEFT JOIN staff o ON o.id = c.owner_id
       LEFT JOIN staff m ON m.id = b.owner_id
      WHERE round(b.amount - b.paid, 2) > 0 AND ${s.where}
      ORDER BY b.due_date, b.id`,
  ).all({ ...s.params, asOf }) as Omit<Receivable, 'outstanding'>[];
  return rows.map((r) => ({ ...r, paid: fen(r.paid), outstanding: fen(r.amount - r.paid) }));
}

export interface TradeSummary {
  /** Our deals made by asOf. */
  deals: number;
  /** Our deals in the twelve months up to and including asOf. */
  amount_12m: number;
  profit_12m: number;
  /** Owed to us on asOf, and the part of it past its due date. */
  outstanding: number;
  overdue: number;
  last_deal_on: string | null;
  /** The customer's dealings with competitors on record. */
  competitor_deals: number;
}

/** One customer's trade at a glance, as of a date (for crm show). */
export function tradeSummary(db: Db, customerId: number, asOf: string): TradeSummary {
  const r = stmt(
    db,
    `SELECT count(*) AS deals,
            total(CASE WHEN b.deal_date > date(@asOf, '-12 months') THEN b.amount END) AS amount_12m,
            total(CASE WHEN b.deal_date > date(@asOf, '-12 months') THEN b.profit END) AS profit_12m,
            total(b.amount - b.paid) AS outstanding,
            total(CASE WHEN b.due_date < @asOf THEN b.amount - b.paid END) AS overdue,
            max(b.deal_date) AS last_deal_on,
            (SELECT count(*) FROM deals WHERE customer_id = @id AND competitor IS NOT NULL AND deal_date <= @asOf) AS competitor_deals
       FROM (${BALANCES}) b WHERE b.customer_id = @id`,
  ).get({ id: customerId, asOf }) as TradeSummary;
  return { ...r, amount_12m: fen(r.amount_12m), profit_12m: fen(r.profit_12m), outstanding: fen(r.outstanding), overdue: fen(r.overdue) };
}
