import { describe, expect, test } from 'vitest';
import { parseUscc, usccCheckChar } from '../../src/domain/uscc.js';

// An independent reference for GB 32100-2015: the weights are the powers of 3 modulo 31
// (1, 3, 9, 27, 19, 26, …), and the check value is the one that makes the weighted sum of
// all 18 characters a multiple of 31.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function referenceCheck(first17: string): string {
  let weight = 1;
  let total = 0;
  for (const ch of first17) {
    total += CHARSET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  for (let c = 0; c < 31; c++) if ((total + c) % 31 === 0) return CHARSET[c]!;
  throw new Error('unreachable');
}

// Codes as printed on real business licences (the first is the example in the standard).
const REAL_CODES = [
  '91350100M000100Y43', // 福州, GB 32100-2015 example
  '914403001922038216', // 华为技术有限公司
  '91330100799655058B', // 阿里巴巴(中国)有限公司
  '91110000802100433B', // 北京百度网讯科技有限公司
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
  '91440300MA5F5Y5X01', // the project's test fixture
];

describe('the reference implementation agrees with the weights in the standard', () => {
  test('weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 are 3^i mod 31', () => {
    const weights: number[] = [];
    for (let i = 0, w = 1; i < 17; i++, w = (w * 3) % 31) weights.push(w);
    expect(weights).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  test.each(REAL_CODES)('reference check character of %s is its 18th character', (code) => {
    expect(referenceCheck(code.slice(0, 17))).toBe(code[17]);
  });
});

describe('usccCheckChar', () => {
  test.each([
    // Hand-computed: the Fuzhou example's weighted sum is 586 = 18·31 + 28, so 31 − 28 = 3.
    ['91350100M000100Y4', '3'],
    // All zeros: sum 0, (31 − 0) % 31 = 0, check character '0' (not an out-of-range 31).
    ['00000000000000000', '0'],
    // A single 1 in the first place: sum 1, check 30 → 'Y', the last symbol.
    ['10000000000000000', 'Y'],
    // A single 1 in the second place: sum 3, check 28 → 'W'.
    ['01000000000000000', 'W'],
  ])('usccCheckChar(%s) = %s', (first17, check) => {
    expect(usccCheckChar(first17)).toBe(check);
  });

  test.each(REAL_CODES)('agrees with the reference on %s', (code) => {
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  test('agrees with the reference on 500 pseudo-random bodies', () => {
    let seed = 20260315;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 500; n++) {
      let body = '';
      for (let i = 0; i < 17; i++) body += CHARSET[next() % 31];
      expect(usccCheckChar(body), body).toBe(referenceCheck(body));
    }
  });
});

describe('parseUscc accepts valid codes', () => {
  test.each(REAL_CODES)('%s', (code) => {
    expect(parseUscc(code)).toEqual({ ok: true, value: code });
  });

  test.each([
    ['lower case', '91350100m000100y43', '91350100M000100Y43'],
    ['full-width', '９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['full-width lower case', '９１３５０１００ｍ０００１００ｙ４３', '91350100M000100Y43'],
    ['spaces', '9135 0100 M000 100Y 43', '91350100M000100Y43'],
    ['ideographic space', '91350100\u3000M000100Y43', '91350100M000100Y43'],
    ['dashes', '91-350100-M000100Y4-3', '91350100M000100Y43'],
    ['surrounding space', '  9144030071526726xg\n', '9144030071526726XG'],
  ])('%s: %j → %s', (_what, input, value) => {
    expect(parseUscc(input)).toEqual({ ok: true, value });
  });
});

describe('parseUscc rejects', () => {
  test.each([
    ['empty', ''],
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y433'],
    ['15-digit old registration number', '350100400001234'],
    ['only separators', '---- ----'],
  ])('uscc_length: %s (%j)', (_what, input) => {
    expect(parseUscc(input)).toEqual({ ok: false, rule: 'uscc_length' });
  });

  test.each(['I', 'O', 'Z', 'S', 'V', '*', '中', '.'])('uscc_charset: %s in place of a character', (bad) => {
    const code = '91350100' + bad + '000100Y43';
    expect(code).toHaveLength(18);
    expect(parseUscc(code)).toEqual({ ok: false, rule: 'uscc_charset' });
  });

  test('uscc_charset: an invalid check character', () => {
    expect(parseUscc('91350100M000100Y4I')).toEqual({ ok: false, rule: 'uscc_charset' });
  });

  test.each([
    ['wrong check character', '91350100M000100Y44', '3'],
    ['one body character mistyped', '91350100M000100Y53', referenceCheck('91350100M000100Y5')],
    ['two neighbours transposed (35 → 53)', '91530100M000100Y43', referenceCheck('91530100M000100Y4')],
    ['Huawei with a wrong last digit', '914403001922038217', '6'],
    ['lower case with a wrong check', '9144030071526726xh', 'G'],
  ])('uscc_check: %s (%s), expected %s', (_what, input, expected) => {
    expect(expected).not.toBe(input.toUpperCase()[17]);
    expect(parseUscc(input)).toEqual({ ok: false, rule: 'uscc_check', expected });
  });
});
