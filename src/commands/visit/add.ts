// crm visit add CUSTOMER_ID: a visit report (客户拜访记录表, POLICY §5), from flags, from a JSON
// document (--json FILE|-), or from an interactive walk. The rep is the caller (an administrator
// may act for a rep with --as); the customer must be in the caller's change scope. The customer's
// grade and status at the time are stored with the visit; a new interlocutor becomes a contact
// (one already on file, by number or name, is linked instead).
import { print, printJson, type Context } from '../../context.js';
import type { ContactRow, CustomerRow } from '../../db/customers.js';
import { getContact, getContacts } from '../../db/customers.js';
import { addContact } from '../../db/customer-writes.js';
import { writeTransaction } from '../../db/database.js';
import { listStaff } from '../../db/staff.js';
import { insertVisit } from '../../db/visits.js';
import { CONTACT_FIELDS, normalizeValues, type Values } from '../../domain/card.js';
import { isoDate, parseDate } from '../../domain/date.js';
import { formatCustomerId } from '../../domain/ids.js';
import { blankToNull } from '../../domain/text.js';
import { CancelledError, CrmError, NeedsInputError, UsageError, ValidationError } from '../../errors.js';
import { parseJsonObject, readTextInput } from '../../io/read-input.js';
import { withSession, type Session } from '../../session.js';
import { resolveStaff } from '../card-input.js';
import { requireCustomer } from '../customer-file.js';

export interface VisitAddOptions {
  date?: string;
  address?: string;
  companions?: string[];
  interlocutor?: string;
  planned?: string;
  actual?: string;
  next?: string;
  followUp?: string;
  support?: string;
  remarks?: string;
  abnormal?: boolean;
  /** true: print JSON; a string: also read the visit from that file ("-": stdin). */
  json?: string | boolean;
}

/** A visit as given (flags, JSON or the walk), before checking. */
type RawVisit = Omit<VisitAddOptions, 'json'>;

const LABEL = {
  date: { zh: '拜访日期', en: 'Visit date' },
  followUp: { zh: '跟进日期', en: 'Follow-up date' },
  companions: { zh: '同行人员', en: 'Companions' },
  interlocutor: { zh: '客户方接洽人', en: 'Interlocutor' },
};

const JSON_KEYS: Record<string, keyof RawVisit> = {
  date: 'date',
  visited_on: 'date',
  address: 'address',
  companions: 'companions',
  interlocutor: 'interlocutor',
  planned: 'planned',
  actual: 'actual',
  next: 'next',
  next_steps: 'next',
  follow_up: 'followUp',
  follow_up_on: 'followUp',
  support: 'support',
  remarks: 'remarks',
  abnormal: 'abnormal',
};

function parseVisitJson(text: string): RawVisit {
  const doc = parseJsonObject(text);
  const out: RawVisit = {};
  for (const [key, value] of Object.entries(doc)) {
    const field = JSON_KEYS[key];
    if (!field) throw new UsageError('visit.unknown_key', { key, allowed: Object.keys(JSON_KEYS).join(', ') });
    if (value === null || value === undefined) continue;
    if (field === 'abnormal') {
      if (typeof value !== 'boolean') throw new UsageError('visit.bad_json', { key, detail: 'true or false' });
      out.abnormal = value;
    } else if (field === 'companions') {
      const list = typeof value === 'string' ? value.split(/[,，]/) : value;
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) throw new UsageError('visit.bad_json', { key, detail: 'a list of logins' });
      out.companions = (list as string[]).map((x) => x.trim()).filter(Boolean);
    } else {
      if (typeof value !== 'string' && !(field === 'interlocutor' && typeof value === 'number')) {
        throw new UsageError('visit.bad_json', { key, detail: 'text' });
      }
      out[field] = String(value);
    }
  }
  return out;
}

function fromFlags(o: VisitAddOptions): RawVisit {
  const raw: RawVisit = {};
  const keys = ['date', 'address', 'companions', 'interlocutor', 'planned', 'actual', 'next', 'followUp', 'support', 'remarks', 'abnormal'] as const;
  for (const k of keys) if (o[k] !== undefined) (raw as Record<string, unknown>)[k] = o[k];
  return raw;
}

// ---- checking ------------------------------------------------------------------------------

function checkVisitDate(text: string, today: string): string {
  const d = parseDate(text);
  if (d === null) throw new ValidationError('visit.bad_date', { field: LABEL.date, value: text });
  if (d > today) throw new ValidationError('visit.future_date', { value: d, today });
  return d;
}

function checkFollowUp(text: string, visitDate: string): string {
  const d = parseDate(text);
  if (d === null) throw new ValidationError('visit.bad_date', { field: LABEL.followUp, value: text });
  if (d < visitDate) throw new ValidationError('visit.follow_up_before', { value: d, date: visitDate });
  return d;
}

interface NewInterlocutor {
  values: Values;
  text: string;
}

/** "name,title,phone" to a contact's values: the phone as a mobile if it is one, else a landline. */
function parseNewInterlocutor(text: string): NewInterlocutor {
  const [name = '', title = '', ...rest] = text.split(/[,，]/).map((x) => x.trim());
  const phone = rest.join(',').trim();
  if (!name) throw new ValidationError('visit.interlocutor_name', {});
  const base: Record<string, unknown> = { name };
  if (title) base.title = title;
  let values: Values;
  if (!phone) values = normalizeValues(CONTACT_FIELDS, base, true);
  else {
    try {
      values = normalizeValues(CONTACT_FIELDS, { ...base, mobile: phone }, true);
    } catch {
      values = normalizeValues(CONTACT_FIELDS, { ...base, phone }, true);
    }
  }
  return { values, text: [name, title, phone].filter(Boolean).join(', ') };
}

type Interlocutor = { contactId: number; text: string } | NewInterlocutor;

function checkInterlocutor(s: Session, customer: CustomerRow, text: string): Interlocutor {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const c = getContact(s.db, Number(trimmed));
    if (!c || c.customer_id !== customer.id) {
      throw new ValidationError('visit.contact_unknown', { value: trimmed, customer: formatCustomerId(customer.id) });
    }
    const phone = c.mobile ?? c.phone;
    return { contactId: c.id, text: [c.name, c.title, phone].filter(Boolean).join(', ') };
  }
  const met = parseNewInterlocutor(trimmed);
  const known = knownContact(getContacts(s.db, customer.id), met.values);
  return known ? { contactId: known.id, text: met.text } : met;
}

/**
 * The customer's contact a "name,title,phone" interlocutor already is, so that a second visit to
 * the same person does not file them twice: the same number (mobile or phone, as stored), or,
 * without a number, the only contact of that name.
 */
function knownContact(contacts: ContactRow[], met: Values): ContactRow | undefined {
  const number = (met.mobile ?? met.phone ?? null) as string | null;
  if (number !== null) return contacts.find((c) => c.mobile === number || c.phone === number);
  const named = contacts.filter((c) => c.name === met.name);
  return named.length === 1 ? named[0] : undefined;
}

/** The colleagues who came along (同行人员): known, active staff other than the rep, who is on
 * the report as its rep already; the walk does not offer the rep either. */
function checkCompanions(s: Session, logins: string[]): string | null {
  const unique = [...new Set(logins.map((x) => x.trim()).filter(Boolean))];
  for (const login of unique) {
    if (resolveStaff(s.db, login, LABEL.companions, 'companions').id === s.caller.staffId) throw new ValidationError('visit.self_companion', { login });
  }
  return unique.length ? unique.join(',') : null;
}

/** Everything checked before anything is written; then the visit (and a new contact) in one transaction. */
function save(ctx: Context, s: Session, customer: CustomerRow, raw: RawVisit): number {
  const today = isoDate(ctx.now());
  if (raw.date === undefined || raw.date.trim() === '') throw new UsageError('visit.date_required', {});
  const visitedOn = checkVisitDate(raw.date, today);
  const followUpOn = blankToNull(raw.followUp) === null ? null : checkFollowUp(raw.followUp!, visitedOn);
  const companions = checkCompanions(s, raw.companions ?? []);
  const who = blankToNull(raw.interlocutor) === null ? null : checkInterlocutor(s, customer, raw.interlocutor!);
  return writeTransaction(s.db, () => {
    let contactId: number | null = null;
    if (who) contactId = 'contactId' in who ? who.contactId : addContact(s.db, s.actor, customer.id, who.values);
    return insertVisit(s.db, s.actor, {
      customerId: customer.id,
      repId: s.caller.staffId,
      visitedOn,
      gradeThen: (customer.grade as string | null) ?? null,
      statusThen: String(customer.status),
      address: blankToNull(raw.address) ?? ((customer.address as string | null) || null),
      companions,
      contactId,
      interlocutor: who?.text ?? null,
      planned: blankToNull(raw.planned),
      actual: blankToNull(raw.actual),
      nextSteps: blankToNull(raw.next),
      followUpOn,
      support: blankToNull(raw.support),
      remarks: blankToNull(raw.remarks),
      abnormal: raw.abnormal === true,
    });
  });
}

// ---- the walk -------------------------------------------------------------------------------

function verdict(ctx: Context, check: () => unknown): string | true {
  try {
    check();
    return true;
  } catch (e) {
    if (e instanceof CrmError) return ctx.t(e.key, e.params);
    throw e;
  }
}

async function walk(ctx: Context, s: Session, customer: CustomerRow): Promise<RawVisit> {
  const t = ctx.t;
  const p = await ctx.prompter();
  const today = isoDate(ctx.now());
  ctx.io.stdout.write(t('visit.walk_intro', { customer: `${formatCustomerId(customer.id)} ${customer.name}` }) + '\n');
  const date = await p.input(t('visit.f_date'), { default: today, validate: (v) => verdict(ctx, () => checkVisitDate(v, today)) });
  const visitedOn = checkVisitDate(date, today);
  const address = await p.input(t('visit.f_address'), { default: (customer.address as string | null) ?? '' });
  const others = listStaff(s.db, false).filter((x) => x.id !== s.caller.staffId);
  const companions = others.length ? await p.checkbox(t('visit.f_companions'), others.map((x) => ({ value: x.login, name: `${x.login} ${x.name}` }))) : [];
  const contacts = getContacts(s.db, customer.id);
  const choice = await p.select(
    t('visit.f_interlocutor'),
    [
      ...contacts.map((c) => ({ value: String(c.id), name: [c.name, c.title].filter(Boolean).join(' ') })),
      { value: 'new', name: t('visit.walk_contact_new') },
      { value: 'none', name: t('visit.walk_contact_none') },
    ],
    contacts.length ? String(contacts[0]!.id) : 'new',
  );
  let interlocutor: string | undefined;
  if (choice === 'new') {
    const name = await p.input(t('visit.walk_name'), { validate: (v) => (v.trim() ? true : t('visit.walk_required')) });
    const title = await p.input(t('visit.walk_title'));
    const phone = await p.input(t('visit.walk_phone'), { validate: (v) => verdict(ctx, () => parseNewInterlocutor(`${name},${title},${v}`)) });
    interlocutor = `${name},${title},${phone}`;
  } else if (choice !== 'none') interlocutor = choice;
  const planned = await p.input(t('visit.f_planned'));
  const actual = await p.input(t('visit.f_actual'));
  const next = await p.input(t('visit.f_next'));
  const followUp = await p.input(t('visit.f_follow_up'), { validate: (v) => (v.trim() === '' ? true : verdict(ctx, () => checkFollowUp(v, visitedOn))) });
  const support = (await p.confirm(t('visit.walk_needs_support'), false)) ? await p.input(t('visit.walk_which_support'), { validate: (v) => (v.trim() ? true : t('visit.walk_required')) }) : '';
  const remarks = await p.input(t('visit.f_remarks'));
  const abnormal = await p.confirm(t('visit.walk_abnormal'), false);
  if (!(await p.confirm(t('visit.walk_confirm'), true))) throw new CancelledError('walk.cancelled');
  return { date: visitedOn, address, companions, interlocutor, planned, actual, next, followUp, support, remarks, abnormal };
}

async function gather(ctx: Context, s: Session, customer: CustomerRow, o: VisitAddOptions): Promise<RawVisit> {
  const flags = fromFlags(o);
  if (typeof o.json === 'string') return { ...parseVisitJson(await readTextInput(ctx, o.json)), ...flags };
  if (Object.keys(flags).length > 0) return flags;
  if (!ctx.interactive) throw new NeedsInputError('visit.needs_input', {});
  return walk(ctx, s, customer);
}

export async function run(ctx: Context, customerId: string, o: VisitAddOptions): Promise<void> {
  const id = await withSession(ctx, 'visit add', async (s) => {
    const { row } = requireCustomer(s, customerId, 'change');
    const raw = await gather(ctx, s, row, o);
    return save(ctx, s, row, raw);
  });
  if (o.json) printJson(ctx, { id });
  else print(ctx, String(id));
}
