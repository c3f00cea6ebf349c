// Writing customer files: every insert and change also writes the history and refreshes the
// search text, so no command can forget either. Values are in the card's key space (owner as a
// login); the caller has validated them and resolved logins to staff ids.
import type { Values } from '../domain/card-fields.js';
import { buildSearchText, type SearchableCustomer } from '../domain/search-text.js';
import { companyNameKey } from '../domain/company-name.js';
import type { Db } from './database.js';
import {
  addCustomerStaff,
  deleteContact,
  insertContact,
  insertCustomer,
  getContacts,
  removeCustomerStaff,
  updateContact,
  updateCustomer,
  type ContactRow,
  type CustomerColumns,
  type CustomerRow,
} from './customers.js';
import { recordChanges, recordCreated, recordRemoved, type Actor } from './history.js';
import { stmt, toSql } from './statements.js';

export interface StaffRef {
  id: number;
  login: string;
}

export interface NewCustomer {
  /** Card values; `owner` is a login and must match ownerId. */
  values: Values;
  ownerId: number | null;
  contacts: Values[];
  staff: StaffRef[];
}

/** Fields whose change alters what `list --search` finds. */
const SEARCHED = new Set(['name', 'phone', 'fax', 'email', 'mobile']);

function columnsOf(values: Values, ownerId: number | null | undefined): CustomerColumns {
  const columns: CustomerColumns = {};
  for (const [k, v] of Object.entries(values)) if (k !== 'owner') columns[k] = toSql(v);
  if (ownerId !== undefined) columns.owner_id = ownerId;
  if (typeof values.name === 'string') columns.name_key = companyNameKey(values.name);
  return columns;
}

export function createCustomer(db: Db, actor: Actor, c: NewCustomer): number {
  const columns = columnsOf(c.values, c.ownerId) as CustomerColumns & { name_key: string };
  const id = insertCustomer(db, columns, actor.at);
  recordCreated(db, actor, { entity: 'customer', entityId: id, customerId: id }, c.values);
  for (const contact of c.contacts) addContact(db, actor, id, contact, false);
  for (const member of c.staff) linkStaff(db, actor, id, member);
  // Built from the values in hand: nothing to read back.
  storeSearchText(db, id, searchable(c.values, c.contacts));
  return id;
}

/** The stored row in card-key space, for comparing with new values. */
export function rowValues(row: CustomerRow): Values {
  const out: Values = { ...row, owner: row.owner_login };
  delete out.owner_id;
  delete out.owner_login;
  return out;
}

/** Applies changed card values; returns how many fields changed. */
export function changeCustomer(db: Db, actor: Actor, before: CustomerRow, values: Values, ownerId?: number | null): number {
  const old = rowValues(before);
  const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => String(toSql(v)) !== String(old[k])));
  if (Object.keys(changed).length === 0) return 0;
  updateCustomer(db, before.id, columnsOf(changed, 'owner' in changed ? ownerId : undefined), actor.at);
  const n = recordChanges(db, actor, { entity: 'customer', entityId: before.id, customerId: before.id }, old, changed);
  if (Object.keys(changed).some((k) => SEARCHED.has(k))) refreshSearchText(db, before.id);
  return n;
}

export function addContact(db: Db, actor: Actor, customerId: number, values: Values, refresh = true): number {
  const id = insertContact(db, customerId, values, actor.at);
  recordCreated(db, actor, { entity: 'contact', entityId: id, customerId }, values);
  if (refresh) refreshSearchText(db, customerId);
  return id;
}

function contactValues(row: ContactRow): Values {
  return { ...row, decision_maker: row.decision_maker === 1 };
}

export function changeContact(db: Db, actor: Actor, before: ContactRow, values: Values): number {
  const old = contactValues(before);
  const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => String(v) !== String(old[k])));
  if (Object.keys(changed).length === 0) return 0;
  updateContact(db, before.id, changed, actor.at);
  const n = recordChanges(db, actor, { entity: 'contact', entityId: before.id, customerId: before.customer_id }, old, changed);
  if (Object.keys(changed).some((k) => SEARCHED.has(k))) refreshSearchText(db, before.customer_id);
  return n;
}

/** Removes a contact, keeping its last values in the history. */
export function removeContact(db: Db, actor: Actor, before: ContactRow): void {
  const { id: _id, customer_id: _customer, created_at: _created, updated_at: _updated, ...old } = contactValues(before);
  deleteContact(db, before.id);
  recordRemoved(db, actor, { entity: 'contact', entityId: before.id, customerId: before.customer_id }, old);
  refreshSearchText(db, before.customer_id);
}

/** Lists a staff member as in contact with the customer; false if already listed. */
export function linkStaff(db: Db, actor: Actor, customerId: number, member: StaffRef): boolean {
  if (!addCustomerStaff(db, customerId, member.id, actor.at)) return false;
  recordChanges(db, actor, { entity: 'customer_staff', entityId: member.id, customerId }, {}, { staff: member.login });
  return true;
}

/** Takes a staff member off the customer's list; false if not listed. */
export function unlinkStaff(db: Db, actor: Actor, customerId: number, member: StaffRef): boolean {
  if (!removeCustomerStaff(db, customerId, member.id)) return false;
  recordChanges(db, actor, { entity: 'customer_staff', entityId: member.id, customerId }, { staff: member.login }, { staff: null });
  return true;
}

type Text = string | null;

function searchable(customer: Values, contacts: Values[]): SearchableCustomer {
  const text = (v: unknown): Text => (typeof v === 'string' ? v : null);
  return {
    name: String(customer.name),
    contactNames: contacts.map((k) => String(k.name)),
    phones: [text(customer.phone), text(customer.fax), ...contacts.flatMap((k) => [text(k.mobile), text(k.phone)])],
    emails: [text(customer.email), ...contacts.map((k) => text(k.email))],
  };
}

function storeSearchText(db: Db, customerId: number, c: SearchableCustomer): void {
  stmt(db, 'INSERT INTO customer_search (customer_id, text) VALUES (?, ?) ON CONFLICT (customer_id) DO UPDATE SET text = excluded.text').run(
    customerId,
    buildSearchText(c),
  );
}

/** Rebuilds what `list --search` matches for one customer, from what is stored now. */
export function refreshSearchText(db: Db, customerId: number): void {
  const customer = stmt(db, 'SELECT name, phone, fax, email FROM customers WHERE id = ?').get(customerId) as Values | undefined;
  if (customer) storeSearchText(db, customerId, searchable(customer, getContacts(db, customerId) as unknown as Values[]));
}
