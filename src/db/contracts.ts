// Contracts (合同管理, POLICY §5) and the customers missing one. A contract is valid on a date
// when it was signed on or before that date and has not ended before it.
import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import { recordCreated, type Actor } from './history.js';
import { scopeSql } from './scope-sql.js';
import { stmt } from './statements.js';

export interface NewContract {
  customer_id: number;
  contract_no: string;
  signed_on: string;
  long_term: boolean;
  starts_on: string | null;
  ends_on: string | null;
  amount: number | null;
}

export function contractByNumber(db: Db, contractNo: string): { id: number; customer_id: number } | undefined {
  return stmt(db, 'SELECT id, customer_id FROM contracts WHERE contract_no = ?').get(contractNo) as { id: number; customer_id: number } | undefined;
}

export function insertContract(db: Db, actor: Actor, c: NewContract): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO contracts (customer_id, contract_no, signed_on, long_term, starts_on, ends_on, amount, staff_id, created_at)
       VALUES (@customer_id, @contract_no, @signed_on, @long_term, @starts_on, @ends_on, @amount, @staff_id, @at)`,
    ).run({ ...c, long_term: c.long_term ? 1 : 0, staff_id: actor.staffId, at: actor.at }).lastInsertRowid,
  );
  recordCreated(db, actor, { entity: 'contract', entityId: id, customerId: c.customer_id }, { ...c });
  return id;
}

export type MissingReason = 'ab_without_contract' | 'c_with_deals_without_contract';

export interface MissingContract {
  id: number;
  name: string;
  grade: 'A' | 'B' | 'C';
  owner: string | null;
  reason: MissingReason;
  /** The grant the caller sees the customer by, for the access log. */
  basis: string;
}

/** Whether customer c has a contract valid on @as_of (signed by then, not ended before it). */
export const VALID_CONTRACT = `EXISTS (SELECT 1 FROM contracts k WHERE k.customer_id = c.id AND k.signed_on <= @as_of AND (k.ends_on IS NULL OR k.ends_on >= @as_of))`;

/**
 * Customers of the scope missing a contract on `asOf` (POLICY §5): A and B without a valid one;
 * C with at least one of our deals and none at all (theirs is signed at the first deal).
 * Churned customers are left out: there is no relationship left to put under contract.
 * A C customer's contracts are looked up before its deals: the contracts index is small, while
 * finding one of our deals reads a deal row (through deals_customer) for every C customer.
 */
export function missingContracts(db: Db, scope: Scope, asOf: string): MissingContract[] {
  const s = scopeSql(scope);
  return stmt(
    db,
    `SELECT c.id, c.name, c.grade, o.login AS owner, ${s.basis} AS basis,
            CASE WHEN c.grade = 'C' THEN 'c_with_deals_without_contract' ELSE 'ab_without_contract' END AS reason
       FROM customers c LEFT JOIN staff o ON o.id = c.owner_id
      WHERE ${s.where} AND c.status <> 'churned'
        AND (   (c.grade IN ('A', 'B') AND NOT ${VALID_CONTRACT})
             OR (c.grade = 'C' AND NOT EXISTS (SELECT 1 FROM contracts k WHERE k.customer_id = c.id)
                               AND EXISTS (SELECT 1 FROM deals d WHERE d.customer_id = c.id AND d.competitor IS NULL)))
      ORDER BY c.id`,
  ).all({ ...s.params, as_of: asOf }) as MissingContract[];
}
