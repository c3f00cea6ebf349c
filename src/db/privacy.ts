// Requests about a person's data (PIPL Art. 45-47): what is held about a contact, the register
// of requests and their outcomes (Art. 50), and erasing a person while the company's file stays.
import { CONTACT_FIELDS, CUSTOMER_FIELDS } from '../domain/card-fields.js';
import { changeCustomer, refreshSearchText } from './customer-writes.js';
import { deleteContact, getCustomer, type ContactRow } from './customers.js';
import type { Db } from './database.js';
import { HISTORY_SELECT, recordRemoved, WHOLE_RECORD, type Actor, type HistoryRow } from './history.js';
import { stmt } from './statements.js';

export type PrivacyKind = 'export' | 'correct' | 'erase';

/**
 * What a request did, stored as JSON (field keys, counts) rather than as a sentence, so that each
 * reader sees it in their own language. Requests recorded before this are English text, read
 * back as the string they are.
 */
export type PrivacyOutcome =
  | { kind: 'export'; history_rows: number; earlier_requests: number }
  | { kind: 'correct'; fields: string[] }
  | { kind: 'erase'; contact: number; held: string[]; customer_cleared: string[]; history_rows_scrubbed: number };

export interface PrivacyRequestRow {
  id: number;
  at: string;
  staff_login: string;
  os_login: string;
  kind: PrivacyKind;
  /** Null only on requests recorded before a reason was required. */
  reason: string | null;
  outcome: PrivacyOutcome | string;
}

/** What replaces an erased value in the history and in recorded reasons. */
const ERASED = '[erased]';

export function recordPrivacyRequest(db: Db, actor: Actor, contact: ContactRow, reason: string, outcome: PrivacyOutcome): number {
  const sql = `INSERT INTO privacy_requests (at, staff_id, os_login, contact_id, customer_id, kind, reason, outcome)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
  const { kind, ...detail } = outcome;
  return Number(stmt(db, sql).run(actor.at, actor.staffId, actor.osLogin, contact.id, contact.customer_id, kind, reason, JSON.stringify(detail)).lastInsertRowid);
}

/** A stored outcome: the JSON of PrivacyOutcome, or an earlier request's English text. */
function storedOutcome(kind: PrivacyKind, text: string): PrivacyOutcome | string {
  if (!text.startsWith('{')) return text;
  return { kind, ...(JSON.parse(text) as object) } as PrivacyOutcome;
}

// Contact ids can come back (the table has no AUTOINCREMENT: SQLite reuses the largest rowid once
// it is deleted), so what is about this contact starts at its own creation: older rows with the
// same id belong to someone else and must be neither shown to this person nor erased for them.
const SINCE_CREATED = `(SELECT coalesce(max(id), 0) FROM history
                         WHERE entity = 'contact' AND entity_id = @id AND field = '${WHOLE_RECORD}' AND old_value IS NULL)`;

/** Every history row about the contact, oldest first. */
export function contactHistory(db: Db, contact: ContactRow): HistoryRow[] {
  return stmt(
    db,
    `${HISTORY_SELECT}
      WHERE h.entity = 'contact' AND h.entity_id = @id AND h.id >= ${SINCE_CREATED}
      ORDER BY h.id`,
  ).all({ id: contact.id }) as HistoryRow[];
}

/** The requests already made about the contact (since it was created, for the same reason). */
export function privacyRequests(db: Db, contact: ContactRow): PrivacyRequestRow[] {
  const rows = stmt(
    db,
    `SELECT p.id, p.at, s.login AS staff_login, p.os_login, p.kind, p.reason, p.outcome
       FROM privacy_requests p JOIN staff s ON s.id = p.staff_id
      WHERE p.contact_id = @id AND p.at >= @created
        AND p.id > (SELECT coalesce(max(id), 0) FROM privacy_requests WHERE contact_id = @id AND kind = 'erase')
      ORDER BY p.id`,
  ).all({ id: contact.id, created: contact.created_at }) as (Omit<PrivacyRequestRow, 'outcome'> & { outcome: string })[];
  return rows.map((r) => ({ ...r, outcome: storedOutcome(r.kind, r.outcome) }));
}

/**
 * Which values outside the contact are the person's: any containing their mobile (the company's
 * phone may be it, stored as +86…) or e-mail, and any equal to their name. Only whole-value
 * equality for the name: a two-character name inside a longer text, such as the company name
 * 王强五金店, is too often something else.
 */
function personalTo(contact: ContactRow): (value: unknown) => boolean {
  const email = contact.email?.toLowerCase();
  return (v) =>
    typeof v === 'string' && (v === contact.name || (!!contact.mobile && v.includes(contact.mobile)) || (!!email && v.toLowerCase().includes(email)));
}

/** Free text (a request's reason) with every mention of the person's name, mobile or e-mail replaced. */
export function redactMentions(contact: ContactRow, text: string): string {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mentions = [contact.name, contact.mobile, contact.email].filter((s): s is string => !!s).map(escape);
  return text.replace(new RegExp(mentions.join('|'), 'gi'), ERASED);
}

/**
 * A history value with its personal parts erased. A whole record ('*') stays a JSON object with
 * its keys, so `crm history` can still show which fields there were; a null stays null, as it
 * marks a record created or removed.
 */
function scrubbed(field: string, text: string | null, isPersonal: (v: unknown) => boolean): string | null {
  if (text === null) return null;
  if (field !== WHOLE_RECORD) return isPersonal(text) ? ERASED : text;
  const record = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, isPersonal(v) ? ERASED : v])));
}

type ValueRow = Pick<HistoryRow, 'id' | 'field' | 'old_value' | 'new_value'>;

function scrubHistory(db: Db, rows: ValueRow[], isPersonal: (v: unknown) => boolean): number {
  let n = 0;
  for (const r of rows) {
    const oldValue = scrubbed(r.field, r.old_value, isPersonal);
    const newValue = scrubbed(r.field, r.new_value, isPersonal);
    if (oldValue === r.old_value && newValue === r.new_value) continue;
    stmt(db, 'UPDATE history SET old_value = ?, new_value = ? WHERE id = ?').run(oldValue, newValue, r.id);
    n++;
  }
  return n;
}

export interface Erasure {
  /** The contact's fields that had a value (names only: the values are gone). */
  held: string[];
  /** The customer's own fields that held the person's data and were cleared. */
  customerCleared: string[];
  historyRows: number;
}

/**
 * Erases a person (Art. 47): the contact row is deleted, customer fields holding their mobile,
 * e-mail or name are cleared, their values are scrubbed from the history (the contact's rows
 * wholly, the customer's rows where they appear) and from earlier requests' reasons, and the
 * search text is rebuilt. The customer, its other contacts and its trade records stay.
 * Runs inside the caller's transaction; `secure_delete` overwrites the freed bytes.
 */
export function eraseContact(db: Db, actor: Actor, contact: ContactRow): Erasure {
  const isPersonal = personalTo(contact);
  // decision_maker 0 is "not said", not something held about the person.
  const held = CONTACT_FIELDS.map((f) => f.key).filter((k) => {
    const v = contact[k as keyof ContactRow];
    return v !== null && v !== 0;
  });

  const customer = getCustomer(db, contact.customer_id)!;
  // The company's name is its identity and owner a login: neither can be the person's data.
  const customerCleared = CUSTOMER_FIELDS.filter((f) => !f.required && f.key !== 'owner' && isPersonal(customer[f.key])).map((f) => f.key);
  if (customerCleared.length > 0) changeCustomer(db, actor, customer, Object.fromEntries(customerCleared.map((k) => [k, null])));

  deleteContact(db, contact.id);
  const contactRows = stmt(db, `SELECT id, field, old_value, new_value FROM history WHERE entity = 'contact' AND entity_id = @id AND id >= ${SINCE_CREATED}`).all({
    id: contact.id,
  }) as ValueRow[];
  const customerRows = stmt(db, "SELECT id, field, old_value, new_value FROM history WHERE entity = 'customer' AND customer_id = ?").all(
    contact.customer_id,
  ) as ValueRow[];
  const historyRows = scrubHistory(db, contactRows, () => true) + scrubHistory(db, customerRows, isPersonal);
  recordRemoved(db, actor, { entity: 'contact', entityId: contact.id, customerId: contact.customer_id }, Object.fromEntries(held.map((k) => [k, ERASED])));

  for (const r of privacyRequests(db, contact)) {
    const reason = r.reason === null ? null : redactMentions(contact, r.reason);
    if (reason !== r.reason) stmt(db, 'UPDATE privacy_requests SET reason = ? WHERE id = ?').run(reason, r.id);
  }
  refreshSearchText(db, contact.customer_id);
  return { held, customerCleared, historyRows };
}
