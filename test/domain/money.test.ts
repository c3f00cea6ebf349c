import { describe, expect, test } from 'vitest';
import { formatMoney, parseMoney } from '../../src/domain/money.js';

describe('parseMoney: amounts as people write them, in yuan', () => {
  test.each([
    ['plain digits', '5000000', 5_000_000],
    ['thousands separators', '5,000,000', 5_000_000],
    ['万', '50万', 500_000],
    ['decimal 万', '3.5万', 35_000],
    ['亿', '1.2亿', 120_000_000],
    ['千', '3千', 3_000],
    ['百万', '2百万', 2_000_000],
    ['千万', '1千万', 10_000_000],
    ['k', '3k', 3_000],
    ['K', '3K', 3_000],
    ['w for 万', '2w', 20_000],
    ['m for million', '3m', 3_000_000],
    ['yen sign, separators, cents and 元', '¥3,000.50元', 3000.5],
    ['full-width yen sign', '￥100', 100],
    ['RMB prefix with a space', 'RMB 100', 100],
    ['rmb in lower case', 'rmb100', 100],
    ['CNY prefix', 'CNY 2,500', 2500],
    ['CNY suffix', '2500 CNY', 2500],
    ['人民币 suffix', '800人民币', 800],
    ['万元', '50万元', 500_000],
    ['full-width digits and 万', '５０万', 500_000],
    ['full-width comma', '１２３，４５６', 123_456],
    ['surrounding spaces', '  300  ', 300],
    ['zero', '0', 0],
    ['cents', '0.5', 0.5],
    ['rounded to the fen', '12,345.678', 12_345.68],
  ])('%s: %j → %d', (_what, input, amount) => {
    expect(parseMoney(input)).toBe(amount);
  });
});

describe('parseMoney rejects', () => {
  test.each([
    ['letters', 'abc'],
    ['misplaced separators', '1,00,0'],
    ['a group of two after a comma', '5,000,00'],
    ['a negative amount', '-5'],
    ['empty', ''],
    ['only a unit', '万'],
    ['only a currency sign', '¥'],
    ['two units', '5万亿'],
    ['an unknown unit', '5b'],
    ['two decimal points', '1.2.3'],
    ['a trailing decimal point', '5.'],
    ['a leading decimal point', '.5'],
    ['words around the number', 'about 500'],
  ])('%s: %j', (_what, input) => {
    expect(parseMoney(input)).toBeNull();
  });
});

describe('formatMoney', () => {
  test.each([
    [5_000_000, '5,000,000.00'],
    [3000.5, '3,000.50'],
    [0, '0.00'],
    [999.999, '1,000.00'],
    [120_000_000, '120,000,000.00'],
    [12.3, '12.30'],
  ])('en: %d → %s', (amount, shown) => {
    expect(formatMoney(amount, 'en')).toBe(shown);
  });

  test.each([
    [5_000_000, '500万'],
    [10_000, '1万'],
    [15_000, '1.5万'],
    [123_456, '12.35万'],
    [120_000_000, '12,000万'],
    [12_345_678.9, '1,234.57万'],
    [-50_000, '-5万'],
    // Below 10,000 yuan: written out in full with cents.
    [9_999.99, '9,999.99'],
    [3000.5, '3,000.50'],
    [0, '0.00'],
  ])('zh: %d → %s', (amount, shown) => {
    expect(formatMoney(amount, 'zh')).toBe(shown);
  });

  test.each([5_000_000, 500_000, 3000.5, 120_000_000])('zh form of %d parses back to the same amount', (amount) => {
    expect(parseMoney(formatMoney(amount, 'zh'))).toBe(amount);
  });
});
