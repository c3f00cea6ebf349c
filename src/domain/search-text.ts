// The text a customer is found by with `list --search`: company and contact names with their
// pinyin (full and initials: hqdz finds 华强电子), phone digits and e-mail addresses. Stored
// with the customer and rebuilt whenever the customer or a contact changes.
import { pinyin } from 'pinyin-pro';
import { phoneSearchDigits } from './phone-format.js';
import { foldForSearch, SEARCH_SEPARATOR } from './search-query.js';
import { hasHan } from './text.js';

export interface SearchableCustomer {
  name: string;
  phones: (string | null)[];
  emails: (string | null)[];
  contactNames: string[];
}

function pinyinForms(name: string, isPerson: boolean): string[] {
  if (!hasHan(name)) return [];
  // Tones are dropped, so 一/不 tone sandhi would only cost time.
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: isPerson ? 'head' : 'off', toneSandhi: false }).map(foldForSearch);
  return [syllables.join(''), syllables.map((s) => s[0] ?? '').join('')];
}

export function buildSearchText(c: SearchableCustomer): string {
  const parts = [
    foldForSearch(c.name),
    ...pinyinForms(c.name, false),
    ...c.contactNames.flatMap((n) => [foldForSearch(n), ...pinyinForms(n, true)]),
    ...c.phones.filter((p): p is string => !!p).map(phoneSearchDigits),
    ...c.emails.filter((e): e is string => !!e).map(foldForSearch),
  ];
  return [...new Set(parts.filter((p) => p !== ''))].join(SEARCH_SEPARATOR);
}
