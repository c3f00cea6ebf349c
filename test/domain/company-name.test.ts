import { describe, expect, test } from 'vitest';
import { companyNameKey } from '../../src/domain/company-name.js';

describe('companyNameKey: spellings of one company share a key', () => {
  test.each([
    [
      'legal forms',
      ['华强电子', '华强电子有限公司', '华强电子股份有限公司', '华强电子有限责任公司', '华强电子有限責任公司', '华强电子公司'],
    ],
    ['width, spaces and brackets', ['华强电子(深圳)有限公司', '华强电子（深圳）', '华强电子 深圳', '华强电子【深圳】有限公司', '华强电子　（深圳）　有限公司']],
    [
      'English legal forms, case and width',
      [
        'Huaqiang Electronics',
        'Huaqiang Electronics Co., Ltd.',
        'HUAQIANG ELECTRONICS CO. LTD',
        'huaqiang electronics co.,ltd',
        'ＨＵＡＱＩＡＮＧ ＥＬＥＣＴＲＯＮＩＣＳ ＣＯ．，ＬＴＤ．',
        'Huaqiang Electronics Limited',
        'Huaqiang Electronics Co., Limited',
        'Huaqiang Electronics Company Limited',
        'Huaqiang Electronics Ltd',
        'Huaqiang Electronics Inc.',
        'Huaqiang Electronics Corp.',
        'Huaqiang Electronics Corporation',
        'Huaqiang Electronics LLC',
        'Huaqiang-Electronics GmbH',
      ],
    ],
    ['punctuation inside the name', ['华强·电子', '华强电子', '华强、电子有限公司', '"华强电子"']],
  ])('%s', (_what, names) => {
    const keys = new Set(names.map(companyNameKey));
    expect([...keys]).toHaveLength(1);
  });
});

describe('companyNameKey values', () => {
  test.each([
    ['华强电子有限公司', '华强电子'],
    ['深圳市华强电子股份有限公司', '深圳市华强电子'],
    ['华强电子(深圳)有限公司', '华强电子深圳'],
    ['华强电子（深圳）', '华强电子深圳'],
    ['Huaqiang Electronics Co., Ltd.', 'huaqiangelectronics'],
    ['ＨＵＡＱＩＡＮＧ', 'huaqiang'],
    // A legal form in the middle is part of the name.
    ['华强有限公司深圳分公司', '华强有限公司深圳分'],
  ])('%s → %s', (name, key) => {
    expect(companyNameKey(name)).toBe(key);
  });
});

describe('companyNameKey keeps different companies apart', () => {
  test.each([
    ['华强电子', '华强电器'],
    ['华强电子有限公司', '华强电器有限公司'],
    ['华强电子(深圳)有限公司', '华强电子(广州)有限公司'],
    ['华强电子(深圳)有限公司', '华强电子有限公司'],
    ['Huaqiang Electronics Co., Ltd.', 'Huaqiang Electric Co., Ltd.'],
    ['华强电子', 'Huaqiang Electronics'],
  ])('%s ≠ %s', (a, b) => {
    expect(companyNameKey(a)).not.toBe(companyNameKey(b));
  });
});

describe('companyNameKey strips each legal form whole, longest first', () => {
  test.each([
    // Not left as "华强电子股份" or "华强电子有限".
    ['华强电子股份有限公司', '华强电子'],
    ['华强电子有限责任公司', '华强电子'],
    // A legal form written twice is stripped twice, not once and a half.
    ['华强电子有限公司有限公司', '华强电子'],
    ['Huaqiang Co., Ltd. Limited', 'huaqiang'],
  ])('%s → %s', (name, key) => {
    expect(companyNameKey(name)).toBe(key);
  });
});

describe('a name that is only a legal form is not stripped to empty', () => {
  test.each(['公司', '有限公司', '股份有限公司', '有限责任公司', 'Limited', 'Inc.', 'Co., Ltd.', 'LLC'])('%s', (name) => {
    expect(companyNameKey(name)).not.toBe('');
  });

  test.each([
    ['公司', '公司'],
    ['Limited', 'limited'],
    ['Inc.', 'inc'],
  ])('%s → %s', (name, key) => {
    expect(companyNameKey(name)).toBe(key);
  });
});

describe('legal forms are whole words in English, and 股份公司 counts', () => {
  test.each([
    ['Pacific Zinc', 'pacificzinc'],
    ['Fitness Unlimited', 'fitnessunlimited'],
    ['Huaqiang Company Ltd', 'huaqiang'],
    ['Huaqiang Co., Ltd.', 'huaqiang'],
    ['Huaqiang Co. Limited', 'huaqiang'],
    ['华强电子股份公司', '华强电子'],
  ])('%s → %s', (name, key) => {
    expect(companyNameKey(name)).toBe(key);
  });
});
