import { describe, expect, test } from 'vitest';
import { formatCustomerId, parseCustomerId } from '../../src/domain/ids.js';

describe('formatCustomerId', () => {
  test.each([
    [1, 'C000001'],
    [123, 'C000123'],
    [999_999, 'C999999'],
    [1_234_567, 'C1234567'],
  ])('%i → %s', (n, id) => {
    expect(formatCustomerId(n)).toBe(id);
  });
});

describe('parseCustomerId', () => {
  test.each([
    ['C000123', 123],
    ['c000123', 123],
    ['C123', 123],
    ['c123', 123],
    ['123', 123],
    ['000123', 123],
    ['C1', 1],
    ['C1234567', 1_234_567],
    [' C000123 ', 123],
    ['１２３', 123],
    ['Ｃ０００１２３', 123],
    ['ｃ１２３', 123],
  ])('%j → %i', (input, n) => {
    expect(parseCustomerId(input)).toBe(n);
  });

  test.each([
    ['zero', '0'],
    ['C zero', 'C000000'],
    ['only the letter', 'C'],
    ['empty', ''],
    ['letters', 'abc'],
    ['another letter', 'D123'],
    ['a negative number', '-5'],
    ['a negative id', 'C-5'],
    ['a fraction', '12.5'],
    ['a space inside', 'C 123'],
    ['two letters', 'CC123'],
    ['trailing letters', '123abc'],
    ['too many digits', '1' + '0'.repeat(12)],
  ])('%s: %j → null', (_what, input) => {
    expect(parseCustomerId(input)).toBeNull();
  });

  test.each([1, 42, 123, 999_999, 1_000_000])('parse(format(%i)) = %i', (n) => {
    expect(parseCustomerId(formatCustomerId(n))).toBe(n);
  });
});
