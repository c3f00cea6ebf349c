// Finding a contact by id, within the caller's scope (through its customer).
import { getContact, type ContactRow } from '../../db/customers.js';
import { formatCustomerId } from '../../domain/ids.js';
import { NotFoundError, UsageError } from '../../errors.js';
import type { Session } from '../../session.js';
import { requireCustomer } from '../customer-file.js';

export function requireContact(s: Session, idText: string): ContactRow {
  const id = Number(idText);
  if (!Number.isSafeInteger(id) || id < 1) throw new UsageError('contact.bad_id', { id: idText });
  const contact = getContact(s.db, id);
  if (!contact) throw new NotFoundError('contact.not_found', { id: idText });
  requireCustomer(s, formatCustomerId(contact.customer_id), 'change');
  return contact;
}
