// The card as JSON (`show --json`, `add --json` input): snake_case keys fixed by the contract.
import type { ContactRow, CustomerRow } from '../db/customers.js';
import { CONTACT_FIELDS, CUSTOMER_FIELDS } from '../domain/card-fields.js';
import { formatCustomerId } from '../domain/ids.js';

export interface Card {
  row: CustomerRow;
  contacts: ContactRow[];
  staff: string[];
}

export function contactJson(k: ContactRow): Record<string, unknown> {
  const out: Record<string, unknown> = { id: k.id };
  for (const f of CONTACT_FIELDS) out[f.key] = f.type === 'bool' ? k[f.key as 'decision_maker'] === 1 : k[f.key as keyof ContactRow];
  return out;
}

export function cardJson(card: Card): Record<string, unknown> {
  const { row } = card;
  const out: Record<string, unknown> = { id: formatCustomerId(row.id) };
  for (const f of CUSTOMER_FIELDS) {
    if (f.key === 'owner') out.owner = row.owner_login;
    else if (f.type === 'customer') out[f.key] = row[f.key] === null ? null : formatCustomerId(row[f.key] as number);
    else out[f.key] = row[f.key] ?? null;
  }
  out.staff = card.staff;
  out.verified = row.verified_at !== null;
  out.verified_at = row.verified_at;
  out.created_at = row.created_at;
  out.updated_at = row.updated_at;
  out.contacts = card.contacts.map(contactJson);
  return out;
}
