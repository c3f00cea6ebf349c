import { describe, expect, test } from 'vitest';
import {
  CONTACT_FIELDS,
  CUSTOMER_FIELDS,
  fieldByKey,
  normalizeEnumField,
  normalizeField,
  normalizeValues,
  type FieldDef,
} from '../../src/domain/card.js';
import { ValidationError } from '../../src/errors.js';

function customerField(key: string): FieldDef {
  const def = fieldByKey(CUSTOMER_FIELDS, key);
  if (!def) throw new Error(`no customer field ${key}`);
  return def;
}

function contactField(key: string): FieldDef {
  const def = fieldByKey(CONTACT_FIELDS, key);
  if (!def) throw new Error(`no contact field ${key}`);
  return def;
}

/** The ValidationError `run` throws (failing the test if it throws nothing or something else). */
function validationError(run: () => unknown): ValidationError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  expect.fail('expected a ValidationError');
}

describe('the catalogue', () => {
  test('field keys are unique in each catalogue', () => {
    for (const defs of [CUSTOMER_FIELDS, CONTACT_FIELDS]) {
      expect(new Set(defs.map((d) => d.key)).size).toBe(defs.length);
    }
  });

  test('only the name is required, in both catalogues', () => {
    expect(CUSTOMER_FIELDS.filter((d) => d.required).map((d) => d.key)).toEqual(['name']);
    expect(CONTACT_FIELDS.filter((d) => d.required).map((d) => d.key)).toEqual(['name']);
  });

  test('every enum field has options', () => {
    for (const d of [...CUSTOMER_FIELDS, ...CONTACT_FIELDS]) {
      if (d.type === 'enum') expect(d.options?.length, d.key).toBeGreaterThan(0);
    }
  });

  test('fieldByKey: unknown key → undefined', () => {
    expect(fieldByKey(CUSTOMER_FIELDS, 'nmae')).toBeUndefined();
    expect(fieldByKey(CONTACT_FIELDS, 'uscc')).toBeUndefined();
  });
});

describe('normalizeField accepts and normalises', () => {
  test.each([
    // text: trimmed, kept as written
    ['name', '  深圳市华强电子有限公司  ', '深圳市华强电子有限公司'],
    ['address', '深圳市福田区华强北路 1019 号', '深圳市福田区华强北路 1019 号'],
    ['business_scope', 12345, '12345'],
    // staff: a login, white space tidied
    ['owner', ' zhangwei ', 'zhangwei'],
    // uscc
    ['uscc', '91350100m000100y43', '91350100M000100Y43'],
    ['uscc', '９１３５ ０１００ Ｍ０００ １００Ｙ ４３', '91350100M000100Y43'],
    // phone
    ['phone', '0755-83765432 转 801', '+8675583765432;ext=801'],
    ['phone', '+86 138-0013-8000', '13800138000'],
    ['fax', '(010)6552 9988', '+861065529988'],
    ['phone', 13800138000, '13800138000'],
    // email
    ['email', 'Info＠HuaQiang.com', 'Info@HuaQiang.com'],
    // date
    ['founded_on', '2003年5月18日', '2003-05-18'],
    ['founded_on', 20030518, '2003-05-18'],
    // money, from text or JSON numbers
    ['registered_capital', '5000万', 50_000_000],
    ['registered_capital', 50_000_000, 50_000_000],
    ['revenue', '1.2亿', 120_000_000],
    ['revenue', 3000.5, 3000.5],
    // count
    ['employees', '320', 320],
    ['employees', 320, 320],
    ['employees', '1,200', 1200],
    ['employees', '1.2万', 12_000],
    // postal
    ['postal_code', '518000', '518000'],
    ['postal_code', '５１８０００', '518000'],
    ['postal_code', 518000, '518000'],
    // url
    ['website', 'www.huaqiang.com', 'www.huaqiang.com'],
    ['website', 'https://www.huaqiang.com/about?lang=zh#top', 'https://www.huaqiang.com/about?lang=zh#top'],
    ['website', 'http://huaqiang.com.cn:8080', 'http://huaqiang.com.cn:8080'],
    ['website', 'ｗｗｗ．ｈｕａｑｉａｎｇ．ｃｏｍ', 'www.huaqiang.com'],
    // enum: code, term, alias
    ['status', '潜在客户', 'potential'],
    ['status', 'signed', 'cooperating'],
    ['grade', 'b', 'B'],
    ['source', '名片', 'trade-show'],
    ['ownership_type', '民营', 'private'],
    // customer id
    ['referred_by', 'C000012', 12],
    ['referred_by', 'c12', 12],
    ['referred_by', 12, 12],
  ] as const)('customer %s: %j → %j', (key, input, stored) => {
    expect(normalizeField(customerField(key), input)).toEqual(stored);
  });

  test.each([
    ['name', ' 李娜 ', '李娜'],
    ['mobile', '+86 138-0013-8000', '13800138000'],
    ['mobile', '＋８６１３８００１３８０００', '13800138000'],
    ['phone', '0755-83765432#801', '+8675583765432;ext=801'],
    ['email', 'li.na@huaqiang.com', 'li.na@huaqiang.com'],
    ['birthday', '1985-06-01', '1985-06-01'],
    ['birthday', '3月15日', '--03-15'],
    ['birthday', '02-29', '--02-29'],
  ] as const)('contact %s: %j → %j', (key, input, stored) => {
    expect(normalizeField(contactField(key), input)).toEqual(stored);
  });

  test.each([
    [true, true],
    [false, false],
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['Yes', true],
    ['y', true],
    ['1', true],
    ['是', true],
    ['对', true],
    ['ｙｅｓ', true],
    ['false', false],
    ['no', false],
    ['NO', false],
    ['n', false],
    ['0', false],
    ['否', false],
    ['不是', false],
  ] as const)('bool decision_maker: %j → %s', (input, stored) => {
    expect(normalizeField(contactField('decision_maker'), input)).toBe(stored);
  });
});

describe('normalizeField: no value', () => {
  test.each([
    ['address', null],
    ['address', undefined],
    ['address', ''],
    ['address', '   '],
    ['phone', ''],
    ['phone', '\u3000'],
    ['uscc', null],
    ['founded_on', ''],
    ['registered_capital', ''],
    ['status', ''],
    ['referred_by', null],
  ] as const)('customer %s: %j → null', (key, input) => {
    expect(normalizeField(customerField(key), input)).toBeNull();
  });

  test.each([
    ['', false],
    [null, false],
    [undefined, false],
    [1, true],
    [0, false],
  ])('a bool given as %j is %j (not said means no; JSON may use 1/0)', (input, expected) => {
    expect(normalizeField(contactField('decision_maker'), input)).toBe(expected);
  });

  test('a bool given as another number is refused', () => {
    expect(() => normalizeField(contactField('decision_maker'), 2)).toThrow(expect.objectContaining({ key: 'rule.type_text' }));
  });

  test.each([
    ['customer', CUSTOMER_FIELDS, null],
    ['customer', CUSTOMER_FIELDS, undefined],
    ['customer', CUSTOMER_FIELDS, ''],
    ['customer', CUSTOMER_FIELDS, '  \u3000 '],
    ['contact', CONTACT_FIELDS, null],
    ['contact', CONTACT_FIELDS, ''],
  ] as const)('the %s name is required: %j → rule.required', (_which, defs, input) => {
    const e = validationError(() => normalizeField(fieldByKey(defs, 'name')!, input));
    expect(e.key).toBe('rule.required');
    expect(e.params.key).toBe('name');
  });
});

describe('normalizeField rejects, naming the field and the rule', () => {
  test.each([
    ['uscc', '91350100M000100Y4', 'uscc_length'],
    ['uscc', '91350100I000100Y43', 'uscc_charset'],
    ['phone', '1380013800', 'phone_invalid'],
    ['phone', 'call me', 'phone_invalid'],
    ['fax', '0755-8376', 'phone_invalid'],
    ['email', 'info.huaqiang.com', 'email'],
    ['email', 'info@huaqiang', 'email'],
    ['founded_on', '2026-02-30', 'date'],
    ['founded_on', '1799-01-01', 'date'],
    ['founded_on', '03-15', 'date'],
    ['registered_capital', 'abc', 'money'],
    ['registered_capital', '-5', 'money'],
    ['registered_capital', -5, 'money'],
    ['revenue', '1,00,0', 'money'],
    ['employees', '3.5', 'count'],
    ['employees', 3.5, 'count'],
    ['employees', 'many', 'count'],
    ['postal_code', '51800', 'postal'],
    ['postal_code', '5180000', 'postal'],
    ['postal_code', 'SW1A1AA', 'postal'],
    ['website', 'not a url', 'url'],
    ['website', 'localhost', 'url'],
    ['website', 'ftp://huaqiang.com', 'url'],
    ['status', 'vip', 'enum'],
    ['grade', 'D', 'enum'],
    ['source', '朋友', 'enum'],
    ['referred_by', 'abc', 'customer_id'],
    ['referred_by', 'C0', 'customer_id'],
    ['referred_by', 0, 'customer_id'],
  ] as const)('customer %s: %j → rule.%s', (key, input, rule) => {
    const e = validationError(() => normalizeField(customerField(key), input));
    expect(e.key).toBe(`rule.${rule}`);
    expect(e.params.key).toBe(key);
    expect(e.params.value).toBe(String(input));
    expect(e.params.field).toEqual({ zh: customerField(key).zh, en: customerField(key).en });
  });

  test.each([
    ['mobile', '0755-83765432', 'mobile_invalid'],
    ['mobile', '400-820-8820', 'mobile_invalid'],
    ['mobile', '1380013800', 'mobile_invalid'],
    ['mobile', '13800138000 转 1', 'mobile_invalid'],
    ['phone', 'abc', 'phone_invalid'],
    ['email', 'li na@huaqiang.com', 'email'],
    ['birthday', '02-30', 'birthday'],
    ['birthday', '2025-02-29', 'birthday'],
    ['decision_maker', 'maybe', 'bool'],
    ['decision_maker', '可能', 'bool'],
  ] as const)('contact %s: %j → rule.%s', (key, input, rule) => {
    const e = validationError(() => normalizeField(contactField(key), input));
    expect(e.key).toBe(`rule.${rule}`);
    expect(e.params.key).toBe(key);
  });

  test('a wrong check character names the expected one', () => {
    const e = validationError(() => normalizeField(customerField('uscc'), '91350100M000100Y44'));
    expect(e.key).toBe('rule.uscc_check');
    expect(e.params).toMatchObject({ key: 'uscc', value: '91350100M000100Y44', expected: '3' });
  });

  test('an unknown enum value lists the allowed ones', () => {
    const e = validationError(() => normalizeField(customerField('grade'), 'D'));
    expect(e.key).toBe('rule.enum');
    expect(e.params).toMatchObject({ key: 'grade', allowed: 'A (A类客户), B (B类客户), C (C类客户)' });
  });

  test.each([
    ['name', { zh: '华强' }],
    ['name', ['华强']],
    ['address', true],
    ['phone', { number: '13800138000' }],
    ['employees', [320]],
  ] as const)('customer %s: a JSON %j is not text → rule.type_text', (key, input) => {
    const e = validationError(() => normalizeField(customerField(key), input));
    expect(e.key).toBe('rule.type_text');
    expect(e.params.key).toBe(key);
    expect(e.params.value).toBe(JSON.stringify(input));
  });
});

describe('normalizeEnumField', () => {
  test('term → code', () => {
    expect(normalizeEnumField(customerField('status'), '已跟进')).toBe('followed');
  });

  test('unknown → rule.enum naming the field', () => {
    const e = validationError(() => normalizeEnumField(customerField('status'), 'lost'));
    expect(e.key).toBe('rule.enum');
    expect(e.params.key).toBe('status');
    expect(String(e.params.allowed)).toContain('potential (潜在客户)');
  });
});

describe('normalizeValues', () => {
  test('normalises every given value', () => {
    expect(
      normalizeValues(
        CUSTOMER_FIELDS,
        { name: ' 华强电子 ', phone: '0755-83765432', status: '潜在', registered_capital: '50万', employees: 320, uscc: '' },
        true,
      ),
    ).toEqual({ name: '华强电子', phone: '+8675583765432', status: 'potential', registered_capital: 500_000, employees: 320, uscc: null });
  });

  test('a contact', () => {
    expect(
      normalizeValues(CONTACT_FIELDS, { name: '李娜', mobile: '138 0013 8000', decision_maker: '是', birthday: '3月15日' }, true),
    ).toEqual({ name: '李娜', mobile: '13800138000', decision_maker: true, birthday: '--03-15' });
  });

  test.each([
    ['customer', CUSTOMER_FIELDS, { name: '华强电子', nmae: '华强' }, 'nmae'],
    ['customer', CUSTOMER_FIELDS, { name: '华强电子', mobile: '13800138000' }, 'mobile'],
    ['contact', CONTACT_FIELDS, { name: '李娜', uscc: '91350100M000100Y43' }, 'uscc'],
    ['contact', CONTACT_FIELDS, { Name: '李娜' }, 'Name'],
  ] as const)('%s: an unknown key is refused (%j)', (_which, defs, input, bad) => {
    for (const complete of [true, false]) {
      const e = validationError(() => normalizeValues(defs, input, complete));
      expect(e.key).toBe('rule.unknown_field');
      expect(e.params.key).toBe(bad);
      expect(String(e.params.allowed)).toContain('name');
    }
  });

  test('with complete, a missing name is refused', () => {
    const e = validationError(() => normalizeValues(CUSTOMER_FIELDS, { phone: '0755-83765432' }, true));
    expect(e.key).toBe('rule.required');
    expect(e.params.key).toBe('name');
  });

  test('with complete, an empty input is refused', () => {
    const e = validationError(() => normalizeValues(CONTACT_FIELDS, {}, true));
    expect(e.key).toBe('rule.required');
    expect(e.params.key).toBe('name');
  });

  test('with complete, a blank name is refused', () => {
    const e = validationError(() => normalizeValues(CUSTOMER_FIELDS, { name: '  ' }, true));
    expect(e.key).toBe('rule.required');
  });

  test('without complete (an update), the name may be left out', () => {
    expect(normalizeValues(CUSTOMER_FIELDS, { phone: '0755-83765432' }, false)).toEqual({ phone: '+8675583765432' });
    expect(normalizeValues(CUSTOMER_FIELDS, {}, false)).toEqual({});
  });

  test('without complete, the name still may not be cleared', () => {
    const e = validationError(() => normalizeValues(CUSTOMER_FIELDS, { name: null }, false));
    expect(e.key).toBe('rule.required');
  });

  test('an invalid value names its field', () => {
    const e = validationError(() => normalizeValues(CUSTOMER_FIELDS, { name: '华强电子', founded_on: '2026-13-01' }, true));
    expect(e.key).toBe('rule.date');
    expect(e.params.key).toBe('founded_on');
  });
});

describe('control characters', () => {
  test.each([
    ['name', '\u001b[31m华强\u001b[0m电子', 'U+001B'],
    ['name', '华强电子\u0007', 'U+0007'],
    ['address', '华强北路\u00001号', 'U+0000'],
    ['business_scope', '电子元件\u009b销售', 'U+009B'],
    ['phone', '0755\u00088376 5432', 'U+0008'],
    ['owner', 'zhang\u007fwei', 'U+007F'],
  ])('%s with %j is refused, naming the character', (key, value, code) => {
    const e = validationError(() => normalizeField(customerField(key), value));
    expect(e.key).toBe('rule.control_char');
    expect(e.params.value).toBe(code);
  });

  test('line breaks and tabs are text, in a customer field and in a contact note', () => {
    expect(normalizeField(customerField('business_scope'), '电子元件\n技术服务\t进出口')).toBe('电子元件\n技术服务\t进出口');
    expect(normalizeField(contactField('notes'), '喜欢喝茶\r\n周末不回消息')).toBe('喜欢喝茶\r\n周末不回消息');
  });
});
