// Filing business cards into the database during `crm import`, with duplicate handling, and the
// record of each import run and of saved column mappings.
import type { FiledCard } from '../domain/card-filing.js';
import type { Values } from '../domain/card-fields.js';
import { companyNameKey } from '../domain/company-name.js';
import type { Db } from './database.js';
import { getContact, getCustomer, LOOKUP, type ContactRow, type CustomerRow } from './customers.js';
import { addContact, changeContact, changeCustomer, createCustomer, rowValues } from './customer-writes.js';
import type { Actor } from './history.js';
import { basisFor } from './scope-sql.js';
import { stmt } from './statements.js';
import { basename } from 'node:path';
import type { Scope } from '../domain/scope.js';
import { formatCustomerId } from '../domain/ids.js';
import { ValidationError } from '../errors.js';

export type DuplicatePolicy = 'skip' | 'merge' | 'update';

export interface ImportCounts {
  rows_read: number;
  customers_created: number;
  contacts_created: number;
  merged: number;
  updated: number;
  skipped: number;
  rejected: number;
}

export function zeroCounts(): ImportCounts {
  return { rows_read: 0, customers_created: 0, contacts_created: 0, merged: 0, updated: 0, skipped: 0, rejected: 0 };
}

export interface ImportRun {
  actor: Actor;
  onDuplicate: DuplicatePolicy;
  /** Values every new customer starts with: status, source, event, owner. */
  newCustomer: Values;
  ownerId: number | null;
  /** Writes follow the caller's scope: a card of a company on file outside it is rejected. */
  writeScope: Scope;
}

function firstId(db: Db, sql: string, params: Record<string, unknown>): number | undefined {
  return (stmt(db, sql).get(params) as { id: number } | undefined)?.id;
}

function customerFor(db: Db, values: Values): CustomerRow | undefined {
  const id =
    (values.uscc ? firstId(db, LOOKUP.customersByUscc, { v: values.uscc }) : undefined) ??
    firstId(db, LOOKUP.customersByNameKey, { v: companyNameKey(String(values.name)) });
  return id === undefined ? undefined : getCustomer(db, id);
}

/** The same person already on file: same mobile, same e-mail (any case), or — with neither —
 * the same name at the same company. */
function contactFor(db: Db, values: Values, customerId: number | undefined): ContactRow | undefined {
  const id =
    (values.mobile ? firstId(db, LOOKUP.contactByMobile, { v: values.mobile }) : undefined) ??
    (values.email ? firstId(db, LOOKUP.contactByEmail, { v: String(values.email).toLowerCase() }) : undefined) ??
    (!values.mobile && !values.email && customerId !== undefined ? firstId(db, LOOKUP.contactByName, { customer: customerId, v: values.name }) : undefined);
  return id === undefined ? undefined : getContact(db, id);
}

/** merge: only what is empty on file; update: every value the card has, and the values it clears
 * (null: a cell emptied in an exported sheet of customer files). A name changes only where the row
 * names its file by number (`renames`): found by its name, a file keeps it. */
function changesFor(policy: DuplicatePolicy, current: Values, incoming: Values, renames = false): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(incoming)) {
    if ((k === 'name' && !(renames && policy === 'update')) || (v === null && policy !== 'update')) continue;
    const empty = current[k] === null || current[k] === undefined || current[k] === '';
    if (policy === 'merge' ? empty : String(current[k]) !== String(v)) out[k] = v;
  }
  return out;
}

/**
 * The file a row names by its customer number, if the row is that file: it agrees with it on the
 * company name or on the person (mobile, e-mail, or name there). A number from another database's
 * export names some other company here, and is not followed: the row is matched by its name.
 */
function numberedFile(db: Db, card: FiledCard): CustomerRow | undefined {
  const file = card.id === undefined ? undefined : getCustomer(db, card.id);
  if (!file) return undefined;
  if (companyNameKey(file.name) === companyNameKey(String(card.customer.name))) return file;
  return card.contact && contactFor(db, card.contact, file.id)?.customer_id === file.id ? file : undefined;
}

/** Files one card and counts what happened to it. */
export function fileCardInto(db: Db, run: ImportRun, card: FiledCard, counts: ImportCounts): void {
  const numbered = numberedFile(db, card);
  const byNumber = numbered !== undefined;
  const customer = numbered ?? customerFor(db, card.customer);
  const found = card.contact ? contactFor(db, card.contact, customer?.id) : undefined;
  // A row that names its file edits that file: a person found at another file is not moved here.
  const duplicate = byNumber && found && found.customer_id !== customer!.id ? undefined : found;
  const policy = run.onDuplicate;
  for (const id of new Set([customer?.id, duplicate?.customer_id])) {
    if (id !== undefined && basisFor(db, run.writeScope, id) === null) throw new ValidationError('import.out_of_scope', { id: formatCustomerId(id) });
  }

  if (duplicate || (customer && !card.contact) || (byNumber && found)) {
    if (policy === 'skip') {
      counts.skipped++;
      return;
    }
    const owner = duplicate ? getCustomer(db, duplicate.customer_id)! : customer!;
    let changed = changeCustomer(db, run.actor, owner, changesFor(policy, rowValues(owner), card.customer, byNumber));
    if (duplicate && card.contact) changed += changeContact(db, run.actor, duplicate, changesFor(policy, { ...duplicate }, card.contact));
    if (changed === 0) counts.skipped++;
    else counts[policy === 'merge' ? 'merged' : 'updated']++;
    return;
  }

  if (customer) {
    // A new person at a company already on file.
    if (policy !== 'skip') changeCustomer(db, run.actor, customer, changesFor(policy, rowValues(customer), card.customer, byNumber));
    addContact(db, run.actor, customer.id, card.contact!);
    counts.contacts_created++;
    return;
  }

  createCustomer(db, run.actor, {
    values: { ...run.newCustomer, ...card.customer },
    ownerId: run.ownerId,
    contacts: card.contact ? [card.contact] : [],
    staff: [],
  });
  counts.customers_created++;
  if (card.contact) counts.contacts_created++;
}

export interface ImportRecord {
  /** The file as named on the command line ("-" for stdin); only its base name is kept. */
  fileName: string;
  encoding: string;
  layout: string;
  source: string;
  event: string | null;
  eventDate: string | null;
  onDuplicate: DuplicatePolicy;
}

/**
 * Records the start of an import run and returns its id with the actor its changes are recorded
 * under: the history names the import (`import #N`) as their cause.
 */
export function startImport(db: Db, actor: Actor, r: ImportRecord): { id: number; actor: Actor } {
  const id = Number(
    stmt(
      db,
      `INSERT INTO imports (at, staff_id, os_login, file_name, encoding, layout, source, event, event_date, on_duplicate)
       VALUES (@at, @staffId, @osLogin, @fileName, @encoding, @layout, @source, @event, @eventDate, @onDuplicate)`,
    ).run({ ...r, fileName: r.fileName === '-' ? '-' : basename(r.fileName), at: actor.at, staffId: actor.staffId, osLogin: actor.osLogin }).lastInsertRowid,
  );
  return { id, actor: { ...actor, command: `import #${id}` } };
}

export function finishImport(db: Db, id: number, c: ImportCounts): void {
  stmt(
    db,
    `UPDATE imports SET rows_read = @rows_read, customers_created = @customers_created, contacts_created = @contacts_created,
            merged = @merged, updated = @updated, skipped = @skipped, rejected = @rejected WHERE id = @id`,
  ).run({ ...c, id });
}

export function importProfile(db: Db, name: string): Record<string, string> | undefined {
  const row = stmt(db, 'SELECT mapping FROM import_profiles WHERE name = ?').get(name) as { mapping: string } | undefined;
  return row && (JSON.parse(row.mapping) as Record<string, string>);
}

export function saveImportProfile(db: Db, name: string, mapping: Record<string, string>, staffId: number, at: string): void {
  stmt(
    db,
    `INSERT INTO import_profiles (name, mapping, staff_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, staff_id = excluded.staff_id, updated_at = excluded.updated_at`,
  ).run(name, JSON.stringify(mapping), staffId, at);
}
