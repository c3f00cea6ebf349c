// Turning a card as given (flags, a JSON document, or answers to the walk) into validated values
// with staff logins resolved, and refusing likely duplicates. Shared by add, update and contact.
import type { Db } from '../db/database.js';
import { findDuplicates, getContacts, getCustomer, type DuplicateHit, type DuplicateProbe } from '../db/customers.js';
import { ancestry } from '../db/file-keeping.js';
import { basisFor } from '../db/scope-sql.js';
import type { NewCustomer, StaffRef } from '../db/customer-writes.js';
import { staffByLogin } from '../db/staff.js';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, fieldByKey, normalizeValues, type Values } from '../domain/card.js';
import { companyNameKey } from '../domain/company-name.js';
import { formatCustomerId } from '../domain/ids.js';
import { formatPhone } from '../domain/phone-format.js';
import { mayOwnFiles, mayReassign } from '../domain/scope.js';
import { ConflictError, PermissionError, UsageError, ValidationError, type Localized } from '../errors.js';
import { parseJsonObject } from '../io/read-input.js';
import type { Session } from '../session.js';

export interface RawCard {
  card: Record<string, unknown>;
  contacts: Record<string, unknown>[];
  staff: string[];
}

/** Keys of `show --json` that describe the stored file or summarise its trade, not input:
 * ignored when the document is fed back in. */
const READ_ONLY_KEYS = ['id', 'verified', 'verified_at', 'created_at', 'updated_at', 'tier', 'yearly_spend', 'trade', 'credit', 'grade_history',
  'stale', 'stale_fields', 'archived', 'archived_at', 'archive_reason', 'referrals', 'group'];

export function parseCardJson(text: string): RawCard {
  const doc = parseJsonObject(text);
  const { contacts = [], staff = [], ...card } = doc;
  for (const k of READ_ONLY_KEYS) delete card[k];
  if (!Array.isArray(contacts) || contacts.some((c) => typeof c !== 'object' || c === null || Array.isArray(c))) {
    throw new UsageError('json.bad_contacts', {});
  }
  if (!Array.isArray(staff) || staff.some((x) => typeof x !== 'string')) throw new UsageError('json.bad_staff', {});
  const cleanContacts = (contacts as Record<string, unknown>[]).map(({ id: _id, ...rest }) => rest);
  return { card, contacts: cleanContacts, staff: staff as string[] };
}

const OWNER = fieldByKey(CUSTOMER_FIELDS, 'owner')!;
const STAFF_LABEL = { zh: '联系人员（我方）', en: 'Staff contact' };

/** An active staff member by login, or a validation error on the named field. */
export function resolveStaff(db: Db, login: string, field = STAFF_LABEL, key = 'staff'): StaffRef {
  const row = staffByLogin(db, login);
  if (!row) throw new ValidationError('rule.staff_unknown', { field, key, value: login });
  if (!row.active) throw new ValidationError('rule.staff_inactive', { field, key, value: login });
  if (key === 'owner' && !mayOwnFiles(row.role)) throw new ValidationError('rule.owner_no_role', { field, key, value: login });
  return { id: row.id, login: row.login };
}

/** A referrer or parent named by id: an existing file other than this one. */
function checkRelated(s: Session, key: 'referred_by' | 'parent', id: unknown, selfId: unknown): void {
  if (typeof id !== 'number') return;
  const field = fieldByKey(CUSTOMER_FIELDS, key)!;
  const value = formatCustomerId(id);
  if (!getCustomer(s.db, id)) throw new ValidationError(key === 'parent' ? 'rule.parent_unknown' : 'rule.referral_unknown', { field, key, value });
  // A file cannot refer itself, nor be a branch of itself or of one of its own branches.
  if (id === selfId || (key === 'parent' && ancestry(s.db, id).includes(selfId as number))) throw new ValidationError('rule.related_self', { field, key, value });
}

/** Checks rules that span fields or need the database: owner, referral, parent, churn reason. */
export function resolveCardReferences(s: Session, values: Values, current: Values = {}): number | null | undefined {
  const merged = { ...current, ...values };
  if (merged.status === 'churned' && !merged.churn_reason) {
    throw new ValidationError('rule.churn_reason', { field: fieldByKey(CUSTOMER_FIELDS, 'churn_reason')!, key: 'churn_reason', value: '' });
  }
  checkRelated(s, 'referred_by', values.referred_by, current.id);
  checkRelated(s, 'parent', values.parent, current.id);
  // Naming the referring customer makes the source a referral (POLICY §3); another source said
  // in the same breath is a contradiction.
  if (typeof values.referred_by === 'number' && merged.source !== 'referral') {
    if ('source' in values) throw new ValidationError('rule.referral_source', { field: fieldByKey(CUSTOMER_FIELDS, 'source')!, key: 'source', value: String(values.source) });
    values.source = 'referral';
  }
  // Every file is of some kind: clearing it means the default.
  if ('kind' in values && values.kind === null) values.kind = 'customer';
  if (!('owner' in values)) return undefined;
  if (values.owner === null) {
    if (!mayReassign(s.caller)) throw new PermissionError('customer.reassign_denied', {});
    return null;
  }
  const owner = resolveStaff(s.db, String(values.owner), OWNER, 'owner');
  if (owner.id !== s.caller.staffId && owner.login !== current.owner && !mayReassign(s.caller)) {
    throw new PermissionError('customer.reassign_denied', {});
  }
  return owner.id;
}

export function prepareNewCustomer(s: Session, raw: RawCard): NewCustomer {
  const values = normalizeValues(CUSTOMER_FIELDS, raw.card, true);
  if (values.owner === undefined) values.owner = s.caller.login;
  if (values.status === undefined || values.status === null) values.status = 'potential';
  const ownerId = resolveCardReferences(s, values) ?? null;
  const contacts = raw.contacts.map((c) => normalizeValues(CONTACT_FIELDS, c, true));
  const staff = [...new Set(raw.staff)].map((login) => resolveStaff(s.db, login));
  return { values, ownerId, contacts, staff };
}

export function duplicateProbe(values: Values, contacts: Values[]): DuplicateProbe {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    nameKey: typeof values.name === 'string' ? companyNameKey(values.name) : null,
    uscc: text(values.uscc),
    phones: [text(values.phone), text(values.fax), ...contacts.flatMap((c) => [text(c.mobile), text(c.phone)])],
    emails: [text(values.email), ...contacts.map((c) => text(c.email))],
  };
}

/** Files whose name has the same key as `name` (the walk warns of them as the name is typed),
 * each with its name only when the caller may read it, as refuseDuplicates names them. */
export function similarFiles(s: Session, name: string, excludeId: number | null = null): { id: string; name: string | null }[] {
  return findDuplicates(s.db, { nameKey: companyNameKey(name) }, excludeId).map((h) => ({
    id: formatCustomerId(h.id),
    name: basisFor(s.db, s.scope, h.id) === null ? null : h.name,
  }));
}

/** What two files had in common, as a refusal names it. */
const DUPLICATE_FIELD: Record<DuplicateHit['reason'], Localized> = {
  uscc: { zh: '统一社会信用代码', en: 'credit code' },
  name: { zh: '企业名称', en: 'company name' },
  phone: { zh: '电话', en: 'phone number' },
  email: { zh: '电子邮箱', en: 'e-mail' },
};

/** Refuses a likely duplicate (exit 1 naming the existing file) unless the user allowed it. A file
 * outside the caller's scope is named by its id only: its name is not theirs to read. */
export function refuseDuplicates(s: Session, probe: DuplicateProbe, excludeId: number | null, allow: boolean): void {
  if (allow) return;
  const hit = findDuplicates(s.db, probe, excludeId)[0];
  if (!hit) return;
  const id = formatCustomerId(hit.id);
  if (basisFor(s.db, s.scope, hit.id) === null) throw new ConflictError('dup.out_of_scope', { id, field: DUPLICATE_FIELD[hit.reason] });
  // A number as the sheet shows it (0769 2234 5678), not as stored (+8676922345678).
  throw new ConflictError(`dup.${hit.reason}`, { id, name: hit.name, value: hit.reason === 'phone' ? formatPhone(hit.value) : hit.value });
}

/** Refuses entering the same person twice on one file: another of its contacts with this mobile
 * or e-mail (a shared office phone is no sign of it). refuseDuplicates looks at other files only. */
export function refuseSameContact(s: Session, customerId: number, values: Values, exceptContactId: number | null, allow: boolean): void {
  if (allow) return;
  const mobile = typeof values.mobile === 'string' ? values.mobile : null;
  const email = typeof values.email === 'string' ? values.email.toLowerCase() : null;
  const same = getContacts(s.db, customerId).find(
    (k) => k.id !== exceptContactId && ((mobile !== null && k.mobile === mobile) || (email !== null && k.email?.toLowerCase() === email)),
  );
  if (!same) return;
  const value = mobile !== null && same.mobile === mobile ? formatPhone(mobile) : same.email!;
  throw new ConflictError('dup.contact', { id: formatCustomerId(customerId), contact: same.id, name: same.name, value });
}
