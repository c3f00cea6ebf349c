// The customer files an export holds: every card the caller may see under the list filters, with
// its contacts and staff, and the grant it is seen by (the access log's basis). The filtering is
// listCustomers' own, so `crm export` and `crm list` always agree on what matches.
import type { Scope } from '../domain/scope.js';
import type { Card } from '../io/card-json.js';
import { customerStaffLogins, getContacts, getCustomer, listCustomers, type ListFilters } from './customers.js';
import type { Db } from './database.js';

export interface ExportedCard {
  card: Card;
  /** The grant that shows the caller this file (see domain/scope.ts). */
  basis: string;
}

/** Matching files in id order. Call inside one transaction, so that the rows are one state. */
export function exportCustomers(db: Db, filters: ListFilters, scope: Scope): ExportedCard[] {
  const { rows } = listCustomers(db, filters, scope, { by: 'id', desc: false }, { limit: null, offset: 0 });
  return rows.map((r) => ({
    card: { row: getCustomer(db, r.id)!, contacts: getContacts(db, r.id), staff: customerStaffLogins(db, r.id) },
    basis: r.basis,
  }));
}
