// The key two company names are compared on for duplicates. The same company is written many
// ways: full-width or half-width, with spaces, （深圳） or (深圳), with or without a trailing legal
// form. Import reuses this module, so a card from a trade show matches a file typed by hand.
import { toHalfWidth } from './text.js';

// Longest first, so 股份有限公司 is removed whole rather than leaving 股份.
const CHINESE_FORMS = ['股份有限公司', '有限责任公司', '有限責任公司', '股份公司', '有限公司', '公司'];
// English forms only as whole words at the end: "Pacific Zinc" keeps its "inc".
const ENGLISH_FORM = /(?:^|[\s,.])(?:co\.?,?\s*ltd\.?|co\.?,?\s*limited|company\s+limited|company|corporation|limited|ltd\.?|inc\.?|corp\.?|llc|gmbh)\s*$/;

function trailingChineseForm(key: string): string | undefined {
  return CHINESE_FORMS.find((f) => key.length > f.length && key.endsWith(f));
}

export function companyNameKey(name: string): string {
  let text = toHalfWidth(name).toLowerCase().trim();
  for (let m = ENGLISH_FORM.exec(text); m && m.index > 0; m = ENGLISH_FORM.exec(text)) text = text.slice(0, m.index);
  // Brackets, punctuation and spaces carry no identity: 华强(深圳) = 华强（深圳） = 华强 深圳.
  let key = text.replace(/[\s\p{P}\p{S}]/gu, '');
  for (let form = trailingChineseForm(key); form; form = trailingChineseForm(key)) key = key.slice(0, -form.length);
  return key;
}
