// The folded form both the stored search text and a user's query are reduced to, so that
// 华强, ＨＵＡＱＩＡＮＧ, "hua qiang", 138-0013-8000 and 13800138000 all find what they should.
// Kept apart from search-text.ts so that reading commands never load the pinyin dictionary.
import { toHalfWidth } from './text.js';

export function foldForSearch(s: string): string {
  return toHalfWidth(s).toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** +86 or 0086 and the national number (punctuation and spaces already gone). */
const INTERNATIONAL_MAINLAND = /^(?:\+|00)86(\d+)$/;

/**
 * A user's --search text, folded. A number copied in international form (+86 138 0013 8000,
 * +86 755 8376 5432, 0086-10-…) is searched as the search text keeps numbers: mobiles as they
 * are, landlines and 400 numbers with their trunk 0 (0755…, 010…).
 */
export function foldSearchQuery(query: string): string {
  const m = INTERNATIONAL_MAINLAND.exec(toHalfWidth(query).replace(/[\s\p{P}]/gu, ''));
  if (!m) return foldForSearch(query);
  const national = m[1]!;
  return /^1[3-9]/.test(national) ? national : '0' + national;
}

/** Separates the parts of a customer's search text; folding removes it from any query. */
export const SEARCH_SEPARATOR = '|';
