import { describe, expect, test } from 'vitest';
import { change, composition, isDowngrade, lastDay, previousMonth, shares } from '../../src/domain/report.js';
import { parseMonth } from '../../src/domain/visits.js';

const sum10 = (xs: (number | null)[]) => Math.round(xs.reduce<number>((a, x) => a + (x ?? 0), 0) * 10);

describe('shares (largest remainder at one decimal)', () => {
  test('thirds: the spare tenth goes to the first of equal remainders, not 33.3 × 3 = 99.9', () => {
    expect(shares([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
  });
  test('the spare tenths go to the largest remainders, not to the largest values', () => {
    // 66.66… / 16.66… / 16.66… rounds to 66.7 + 16.7 + 16.7 = 100.1; floors 66.6 + 16.6 + 16.6 leave 2 tenths.
    expect(shares([4, 1, 1])).toEqual([66.7, 16.7, 16.6]);
    // remainders .429 .286 .286 (×1000/7): 142.857 / 285.714 / 571.428
    expect(shares([1, 2, 4])).toEqual([14.3, 28.6, 57.1]);
  });
  test('always exactly 100.0 over awkward values', () => {
    for (const xs of [[1, 1, 1, 1, 1, 1, 1], [38333, 20000, 15000, 3333], [0.01, 999999.99, 3], [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]]) {
      expect(sum10(shares(xs))).toBe(1000);
    }
  });
  test('a negative value (a loss) keeps its sign and the rest still add up to 100.0', () => {
    expect(shares([3000, 3000, -333])).toEqual([53, 52.9, -5.9]);
  });
  test('no shares when the total is not positive; a zero keeps share 0', () => {
    expect(shares([0, 0])).toEqual([null, null]);
    expect(shares([])).toEqual([]);
    expect(shares([-5, 2])).toEqual([null, null]);
    expect(shares([0, 7])).toEqual([0, 100]);
  });
});

describe('change and composition', () => {
  test('difference rounded to the fen and percent of the previous to one decimal; null against 0', () => {
    expect(change(150.1, 100.05)).toEqual({ value: 150.1, previous: 100.05, change: 50.05, change_pct: 50 });
    expect(change(1, 3)).toEqual({ value: 1, previous: 3, change: -2, change_pct: -66.7 });
    expect(change(5, 0)).toMatchObject({ change: 5, change_pct: null });
  });
  test('a composition covers the keys of both months, largest first, with totals', () => {
    const c = composition(new Map([['A', 10], ['B', 30]]), new Map([['C', 4], ['A', 6]]));
    expect(c.rows.map((r) => [r.key, r.amount, r.share, r.previous, r.previous_share, r.change])).toEqual([
      ['B', 30, 75, 0, 0, 30],
      ['A', 10, 25, 6, 60, 4],
      ['C', 0, 0, 4, 40, -4],
    ]);
    expect(c.total).toEqual({ value: 40, previous: 10, change: 30, change_pct: 300 });
  });
});

describe('months', () => {
  test('previous month across a year, last day in a leap February', () => {
    expect(previousMonth(parseMonth('2027-01')!).month).toBe('2026-12');
    expect(previousMonth(parseMonth('2026-10')!)).toEqual({ month: '2026-09', from: '2026-09-01', to: '2026-10-01' });
    expect(lastDay(parseMonth('2028-02')!)).toBe('2028-02-29');
    expect(lastDay(parseMonth('2026-12')!)).toBe('2026-12-31');
  });
  test('a downgrade is a lower rating than before; unrated is not compared', () => {
    expect(isDowngrade('AA', 'B')).toBe(true);
    expect(isDowngrade('B', 'A')).toBe(false);
    expect(isDowngrade('A', 'A')).toBe(false);
    expect(isDowngrade('unrated', 'C')).toBe(false);
    expect(isDowngrade('A', 'unrated')).toBe(false);
  });
});
