// The key two company names are compared on for duplicates. The same company is written many
// ways: full-width or half-width, with spaces, （深圳） or (深圳), with or without a trailing legal
// form. Import reuses this module, so a card from a trade show matches a file typed by hand.
import { toHalfWidth } from './text.js';

// Longest first, so 股份有限公司 is removed whole rather than leaving 股份. Compared after
// punctuation is gone, so 'coltd' stands for Co., Ltd. and Co. Ltd.
const LEGAL_FORMS = [
  '股份有限公司', '有限责任公司', '有限責任公司', '有限公司', '公司',
  'companylimited', 'colimited', 'corporation', 'limited', 'coltd', 'ltd', 'inc', 'corp', 'llc', 'gmbh',
];

export function companyNameKey(name: string): string {
  let key = toHalfWidth(name)
    .toLowerCase()
    // Brackets, punctuation and spaces carry no identity: 华强(深圳) = 华强（深圳） = 华强 深圳.
    .replace(/[\s\p{P}\p{S}]/gu, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (key.length > form.length && key.endsWith(form)) {
        key = key.slice(0, -form.length);
        changed = true;
        break; // start again from the longest form
      }
    }
  }
  return key;
}
