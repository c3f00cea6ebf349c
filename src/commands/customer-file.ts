// Finding one customer file for a command: the id as typed, existence, and the caller's scope.
import { customerStaffLogins, getContacts, getCustomer, isInScope, type CustomerRow } from '../db/customers.js';
import { formatCustomerId, parseCustomerId } from '../domain/ids.js';
import { NotFoundError, PermissionError, UsageError } from '../errors.js';
import type { Card } from '../io/card-json.js';
import type { Session } from '../session.js';

export function customerIdArg(text: string): number {
  const id = parseCustomerId(text);
  if (id === null) throw new UsageError('customer.bad_id', { id: text });
  return id;
}

/** The customer row, or exit 1 if there is none and exit 3 if the caller may not see it. */
export function requireCustomer(session: Session, idText: string): CustomerRow {
  const id = customerIdArg(idText);
  const row = getCustomer(session.db, id);
  if (!row) throw new NotFoundError('customer.not_found', { id: formatCustomerId(id) });
  if (!isInScope(session.db, session.scope, id)) throw new PermissionError('customer.out_of_scope', { id: formatCustomerId(id) });
  return row;
}

export function loadCard(session: Session, row: CustomerRow): Card {
  return { row, contacts: getContacts(session.db, row.id), staff: customerStaffLogins(session.db, row.id) };
}
