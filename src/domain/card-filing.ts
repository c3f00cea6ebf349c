// A business card to the values of a customer and (when it names a person) a contact, checked
// with the card's own rules: one invalid value rejects the whole card (import reports it by line).
import type { BusinessCard } from './business-card.js';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, fieldByKey, normalizeField, type FieldDef, type Values } from './card.js';
import { FILE_FIELDS, type Target } from './import-layout.js';
import { parseCustomerId } from './ids.js';
import { parsePhone } from './phone.js';
import { closeHanSpaces } from './text.js';
import { ValidationError } from '../errors.js';

export interface FiledCard {
  customer: Values;
  contact: Values | null;
  /** The customer file the row names by its number (a sheet of customer files), if any. */
  id?: number;
}

const customerField = (key: string) => fieldByKey(CUSTOMER_FIELDS, key)!;
const contactField = (key: string) => fieldByKey(CONTACT_FIELDS, key)!;
/** Second and further numbers are checked as numbers of any kind (a 手机2 column often holds a landline). */
const ANY_PHONE = contactField('phone');

function put(into: Values, def: FieldDef, raw: string | undefined): void {
  if (raw === undefined) return;
  const value = normalizeField(def, raw);
  if (value !== null) into[def.key] = value;
}

/** Values beyond the first of a kind, kept in the contact's notes so that nothing is lost: a line
 * of Chinese as a Chinese clerk writes it (其他电话：甲、乙). */
function extras(label: string, values: string[], def: FieldDef): string[] {
  return values.length ? [`${label}：${values.map((v) => String(normalizeField(def, v))).join('、')}`] : [];
}

/** Numbers given as phones that are mobiles (a 电话 column holding 138…, an iPhone's TEL labelled
 * 手机 but typed pref) join the mobiles: a contact is found again by its mobile. */
function sortNumbers(card: BusinessCard): { mobiles: string[]; phones: string[] } {
  // Most cards have no phone besides the mobile: nothing to parse twice for them.
  if (card.phones.length === 0) return card;
  const asMobile = (v: string) => {
    const parsed = parsePhone(v, true);
    return parsed.ok ? parsed.value : null;
  };
  const mobiles = [...card.mobiles];
  const phones: string[] = [];
  // The same mobile in both columns is one number, however written (+86 138… = 138…).
  const known = new Set(card.mobiles.map((v) => asMobile(v) ?? v));
  for (const v of card.phones) {
    const m = asMobile(v);
    if (m === null) phones.push(v);
    else if (!known.has(m)) {
      mobiles.push(v);
      known.add(m);
    }
  }
  return { mobiles, phones };
}

/** The field an emptied column of a customer-file sheet clears: the customer's or the contact's.
 * Names and address parts clear nothing (a name is required; parts only add to an address). */
const CLEARS_CUSTOMER: Partial<Record<Target, string>> = {
  address: 'address', postal_code: 'postal_code', website: 'website', uscc: 'uscc', industry: 'industry', region: 'region', fax: 'fax',
  company_phone: 'phone', company_email: 'email', ...Object.fromEntries(FILE_FIELDS.map((key) => [key, key])),
};
const CLEARS_CONTACT: Partial<Record<Target, string>> = { title: 'title', department: 'department', mobile: 'mobile', phone: 'phone', email: 'email', birthday: 'birthday' };

/** Null for each field the card's emptied columns clear, unless another column gave it a value
 * (a mobile written under 电话 while 手机 was emptied). */
function putCleared(into: Values, defs: readonly FieldDef[], clears: Partial<Record<Target, string>>, cleared: readonly Target[]): void {
  for (const target of cleared) {
    const key = clears[target];
    if (key !== undefined && !(key in into)) into[key] = normalizeField(fieldByKey(defs, key)!, '');
  }
}

export function fileCard(card: BusinessCard): FiledCard {
  const filed = valuesOf(card);
  if (card.fileId !== undefined) {
    const id = parseCustomerId(card.fileId);
    if (id === null) throw new ValidationError('import.bad_file_id', { value: card.fileId });
    filed.id = id;
  }
  putCleared(filed.customer, CUSTOMER_FIELDS, CLEARS_CUSTOMER, card.cleared ?? []);
  if (filed.contact) putCleared(filed.contact, CONTACT_FIELDS, CLEARS_CONTACT, card.cleared ?? []);
  return filed;
}

function valuesOf(card: BusinessCard): FiledCard {
  const company = card.company?.trim();
  const person = card.person === undefined ? undefined : closeHanSpaces(card.person.trim());
  if (!company && !person) throw new ValidationError('import.no_name', {});
  const customer: Values = { name: String(normalizeField(customerField('name'), company || person)) };
  for (const [key, raw] of [
    ['address', card.address],
    ['postal_code', card.postalCode],
    ['website', card.website],
    ['uscc', card.uscc],
    ['industry', card.industry],
    ['region', card.region],
    ['fax', card.faxes[0]],
    ...Object.entries(card.fields ?? {}),
  ] as const) {
    put(customer, customerField(key), raw);
  }
  const numbers = sortNumbers(card);
  const [mobile, ...moreMobiles] = numbers.mobiles;
  const [phone, ...morePhones] = numbers.phones;
  const [email, ...moreEmails] = card.emails;
  const [companyPhone, ...moreCompanyPhones] = card.companyPhones;
  const [companyEmail, ...moreCompanyEmails] = card.companyEmails;
  const moreFaxes = card.faxes.slice(1);
  if (!person) {
    // A company card without a person: its first number and e-mail belong to the company (a
    // customer has one of each; further ones are still checked, so a bad one rejects the card).
    put(customer, customerField('phone'), companyPhone ?? phone ?? mobile);
    put(customer, customerField('email'), companyEmail ?? email);
    for (const v of [...numbers.mobiles, ...numbers.phones, ...card.companyPhones]) normalizeField(ANY_PHONE, v);
    for (const v of [...moreEmails, ...card.companyEmails]) normalizeField(contactField('email'), v);
    return { customer, contact: null };
  }
  put(customer, customerField('phone'), companyPhone);
  put(customer, customerField('email'), companyEmail);
  const contact: Values = { name: String(normalizeField(contactField('name'), person)) };
  put(contact, contactField('title'), card.title);
  put(contact, contactField('department'), card.department);
  put(contact, contactField('mobile'), mobile);
  put(contact, contactField('phone'), phone);
  put(contact, contactField('email'), email);
  put(contact, contactField('birthday'), card.birthday);
  const notes = [
    ...(card.notes?.trim() ? [card.notes.trim()] : []),
    ...extras('其他电话', [...moreMobiles, ...morePhones, ...moreCompanyPhones], ANY_PHONE),
    ...extras('其他邮箱', [...moreEmails, ...moreCompanyEmails], contactField('email')),
    ...extras('其他传真', moreFaxes, ANY_PHONE),
  ];
  if (notes.length) contact.notes = notes.join('\n');
  return { customer, contact };
}
