// One business card as read from any file layout (CSV of every kind, vCard), before validation.
// Import turns each into a contact of a customer (see card-filing.ts).
import type { Target } from './import-layout.js';

export interface BusinessCard {
  company?: string;
  /** The person's full name, in Chinese order for Chinese names (张伟, not 伟 张). */
  person?: string;
  title?: string;
  department?: string;
  mobiles: string[];
  phones: string[];
  faxes: string[];
  emails: string[];
  /** The company's own switchboard and mailbox, where the file tells them from the person's
   * (a 总机 column, or 电话 beside a 联系人电话 column as crm's export writes them). */
  companyPhones: string[];
  companyEmails: string[];
  address?: string;
  postalCode?: string;
  website?: string;
  notes?: string;
  uscc?: string;
  industry?: string;
  region?: string;
  birthday?: string;
  /** The customer's other descriptive fields, by card key (法人代表 → legal_rep), where the file is
   * a sheet of customer files rather than of cards. */
  fields?: Record<string, string>;
  /** The columns (by target) left empty in this row of a sheet of customer files (crm's export,
   * edited): the fields they hold are cleared by an import with --on-duplicate update. */
  cleared?: readonly Target[];
  /** The customer file the row is (客户编号 of crm's export): the row updates that file, its name too. */
  fileId?: string;
}

export function emptyCard(): BusinessCard {
  return { mobiles: [], phones: [], faxes: [], emails: [], companyPhones: [], companyEmails: [] };
}

/** Joins family and given names: without a space in Chinese order when either is Chinese
 * (姓 张 + 名 伟 → 张伟), "Given Family" otherwise. */
export function joinPersonName(family: string | undefined, given: string | undefined, middle?: string): string | undefined {
  const f = family?.trim() ?? '';
  const g = [given?.trim() ?? '', middle?.trim() ?? ''].filter(Boolean).join(' ');
  if (!f && !g) return undefined;
  if (/\p{Script=Han}/u.test(f + g)) return f + g.replace(/\s+/g, '');
  return [g, f].filter(Boolean).join(' ');
}
