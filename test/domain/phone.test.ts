import { describe, expect, test } from 'vitest';
import { parsePhone } from '../../src/domain/phone.js';

describe('parsePhone: mainland mobiles are stored as their 11 digits', () => {
  test.each([
    ['13800138000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['(+86) 139 1234 5678', '13912345678'],
    ['＋８６１３８００１３８０００', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['  18612345678  ', '18612345678'],
  ])('%j → %s', (input, stored) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: stored });
    expect(parsePhone(input, true)).toEqual({ ok: true, value: stored });
  });
});

describe('parsePhone: other numbers are stored as E.164', () => {
  test.each([
    ['0755-83765432', '+8675583765432'],
    ['0755 8376 5432', '+8675583765432'],
    ['075583765432', '+8675583765432'],
    ['+86 755 8376 5432', '+8675583765432'],
    ['(010)6552 9988', '+861065529988'],
    ['010-65529988', '+861065529988'],
    ['020-83765432', '+862083765432'],
    ['400-820-8820', '+864008208820'],
    ['０７５５－８３７６５４３２', '+8675583765432'],
    ['+1 650 253 0000', '+16502530000'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%j → %s', (input, stored) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: stored });
  });

  test.each([
    ['0755-83765432转801', '+8675583765432;ext=801'],
    ['0755-83765432 转 801', '+8675583765432;ext=801'],
    ['0755-83765432分机801', '+8675583765432;ext=801'],
    ['0755-83765432 ext 801', '+8675583765432;ext=801'],
    ['0755-83765432 ext. 801', '+8675583765432;ext=801'],
    ['0755-83765432 EXT801', '+8675583765432;ext=801'],
    ['0755-83765432 x801', '+8675583765432;ext=801'],
    ['0755-83765432#801', '+8675583765432;ext=801'],
    ['+8675583765432;ext=801', '+8675583765432;ext=801'],
    ['(010)6552 9988 转 6', '+861065529988;ext=6'],
    ['０７５５－８３７６５４３２转８０１', '+8675583765432;ext=801'],
    // After one more dash, as Chinese offices write it; a number in groups is still one number.
    ['0755-83211234-801', '+8675583211234;ext=801'],
    ['010-65529988-8001', '+861065529988;ext=8001'],
    ['(0755)83211234-801', '+8675583211234;ext=801'],
  ])('extension: %j → %s', (input, stored) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: stored });
  });
});

describe('parsePhone rejects', () => {
  test.each([
    ['a mobile with a digit missing', '1380013800'],
    ['a mobile with a digit too many', '138001380000'],
    ['letters', 'abc'],
    ['a letter among the digits', '138001380a0'],
    ['a word after the number', '13800138000 mobile'],
    ['empty', ''],
    ['only spaces', '   '],
    ['a short service number', '95588'],
    ['a landline without its area code in a too-short form', '8376'],
  ])('%s (%j) → phone_invalid, or mobile_invalid in a mobile field', (_what, input) => {
    expect(parsePhone(input)).toEqual({ ok: false, rule: 'phone_invalid' });
    expect(parsePhone(input, true)).toEqual({ ok: false, rule: 'mobile_invalid' });
  });

  test.each([
    ['a landline', '0755-83765432'],
    ['a Beijing landline', '(010)6552 9988'],
    ['a 400 number', '400-820-8820'],
    ['a foreign landline', '+44 20 7946 0958'],
    ['a mobile with an extension', '13800138000 转 1'],
  ])('mobileOnly: %s (%j) → mobile_invalid, though a valid phone', (_what, input) => {
    expect(parsePhone(input, true)).toEqual({ ok: false, rule: 'mobile_invalid' });
  });

  test('a landline is still accepted where mobileOnly is not asked for', () => {
    expect(parsePhone('0755-83765432', false)).toEqual({ ok: true, value: '+8675583765432' });
  });
});

test('a mobile with an extension is refused in any field: mobiles have none', () => {
  expect(parsePhone('13800138000转1')).toEqual({ ok: false, rule: 'phone_invalid' });
  expect(parsePhone('13800138000转1', true)).toEqual({ ok: false, rule: 'mobile_invalid' });
  expect(parsePhone('138-0013-8000-1')).toEqual({ ok: false, rule: 'phone_invalid' });
});

test('an extension after a dash is the mainland custom; elsewhere the last group is a mistake', () => {
  expect(parsePhone('+44 20 7946 0958-1')).toEqual({ ok: false, rule: 'phone_invalid' });
});

test('the fast mainland-mobile check agrees with a full libphonenumber parse', async () => {
  const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < 3000; i++) {
    const n = '1' + String(next()).padStart(10, '0').slice(-10);
    const full = parsePhoneNumberFromString(n, 'CN');
    const expected = !!full && full.isValid() && full.getType() === 'MOBILE';
    expect({ n, ok: parsePhone(n, true).ok }).toEqual({ n, ok: expected });
  }
});
