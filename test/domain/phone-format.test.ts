import { describe, expect, test } from 'vitest';
import { formatPhone, phoneSearchDigits } from '../../src/domain/phone-format.js';
import { parsePhone } from '../../src/domain/phone.js';

describe('formatPhone: stored numbers shown as people write them', () => {
  test.each([
    ['a mobile', '13800138000', '138 0013 8000'],
    ['another mobile', '18612345678', '186 1234 5678'],
    ['a three-digit area code, 8-digit number', '+8675583765432', '0755 8376 5432'],
    ['with an extension', '+8675583765432;ext=801', '0755 8376 5432 转 801'],
    ['Beijing (010)', '+861065529988', '010 6552 9988'],
    ['Guangzhou (020) with an extension', '+862083765432;ext=6', '020 8376 5432 转 6'],
    ['a three-digit area code, 7-digit number', '+867711234567', '0771 123 4567'],
    ['a 400 number', '+864008208820', '400 820 8820'],
    ['an 800 number', '+868008208820', '800 820 8820'],
    ['a foreign number stays in E.164', '+16502530000', '+16502530000'],
    ['a foreign number with an extension', '+442079460958;ext=12', '+442079460958 转 12'],
  ])('%s: %s → %s', (_what, stored, shown) => {
    expect(formatPhone(stored)).toBe(shown);
  });

  test.each([
    '13800138000',
    '0755-83765432',
    '0755-83765432转801',
    '(010)6552 9988',
    '020-83765432',
    '0771-1234567',
    '400-820-8820',
    '+1 650 253 0000',
  ])('what is shown parses back to what is stored: %s', (input) => {
    const stored = parsePhone(input);
    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    expect(parsePhone(formatPhone(stored.value))).toEqual(stored);
  });
});

describe('phoneSearchDigits: what a typed number is matched on', () => {
  test.each([
    ['a mobile', '13800138000', '13800138000'],
    ['a mainland landline: national digits with the trunk 0', '+8675583765432', '075583765432'],
    ['the extension is left out', '+8675583765432;ext=801', '075583765432'],
    ['Beijing', '+861065529988', '01065529988'],
    ['a foreign number: its digits', '+16502530000', '16502530000'],
  ])('%s: %s → %s', (_what, stored, digits) => {
    expect(phoneSearchDigits(stored)).toBe(digits);
  });
});
