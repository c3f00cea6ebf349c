// Finding one customer file for a command: the id as typed, existence, and the caller's scope.
import { customerStaffLogins, getContacts, getCustomer, type CustomerRow } from '../db/customers.js';
import { basisFor } from '../db/scope-sql.js';
import { formatCustomerId, parseCustomerId } from '../domain/ids.js';
import { NotFoundError, OutOfScopeError, UsageError } from '../errors.js';
import type { Card } from '../io/card-json.js';
import type { Session } from '../session.js';

export function customerIdArg(text: string): number {
  const id = parseCustomerId(text);
  if (id === null) throw new UsageError('customer.bad_id', { id: text });
  return id;
}

export interface Consulted {
  row: CustomerRow;
  /** The grant the caller sees it by: own, region, product-line, all, request:N. */
  basis: string;
}

/**
 * The customer file, or exit 1 if there is none and exit 3 if it is outside the caller's scope
 * (for reading: role and approved requests; for changing: role only).
 */
export function requireCustomer(session: Session, idText: string, purpose: 'read' | 'change' = 'read'): Consulted {
  const id = customerIdArg(idText);
  const row = getCustomer(session.db, id);
  if (!row) throw new NotFoundError('customer.not_found', { id: formatCustomerId(id) });
  const basis = basisFor(session.db, purpose === 'read' ? session.scope : session.writeScope, id);
  if (basis === null) throw new OutOfScopeError('customer.out_of_scope', { id: formatCustomerId(id) }, id);
  return { row, basis };
}

export function loadCard(session: Session, row: CustomerRow): Card {
  return { row, contacts: getContacts(session.db, row.id), staff: customerStaffLogins(session.db, row.id) };
}
