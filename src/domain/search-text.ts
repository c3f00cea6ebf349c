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

/** People's names repeat (张伟, 王芳 …) across an import's thousands of cards: their forms are
 * remembered, up to a bound. Company names seldom repeat and are not. */
const personForms = new Map<string, string[]>();
const PERSON_FORMS_KEPT = 20_000;

function pinyinForms(name: string, isPerson: boolean): string[] {
  if (!hasHan(name)) return [];
  const known = isPerson ? personForms.get(name) : undefined;
  if (known) return known;
  // Tones are dropped, so 一/不 tone sandhi would only cost time.
  const options = { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: isPerson ? 'head' : 'off', toneSandhi: false } as const;
  const syllables = pinyin(name, options).map(foldForSearch);
  const forms = [syllables.join(''), syllables.map((s) => s[0] ?? '').join('')];
  if (isPerson && personForms.size < PERSON_FORMS_KEPT) personForms.set(name, forms);
  return forms;
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
