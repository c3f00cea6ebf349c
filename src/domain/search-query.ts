// The folded form both the stored search text and a user's query are reduced to, so that
// 华强, ＨＵＡＱＩＡＮＧ, "hua qiang", 138-0013-8000 and 13800138000 all find what they should.
// Kept apart from search-text.ts so that reading commands never load the pinyin dictionary.
import { toHalfWidth } from './text.js';

export function foldForSearch(s: string): string {
  return toHalfWidth(s).toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Separates the parts of a customer's search text; folding removes it from any query. */
export const SEARCH_SEPARATOR = '|';
