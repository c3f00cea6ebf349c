import { describe, expect, test } from 'vitest';
import {
  contributionGrades,
  criterionOf,
  gradeChange,
  gradeFor,
  parseQuarter,
  parseScore,
  parseScores,
  quartersEndingWith,
  weightedTotal,
  type Scores,
} from '../../src/domain/grading.js';
import { DEFAULT_POLICY } from '../../src/domain/policy.js';
import { UsageError } from '../../src/errors.js';

const EQUAL = DEFAULT_POLICY.weights;
const UNEQUAL = { size: 40, credit: 30, volume: 20, influence: 10 };
const scores = (size: number, credit: number, volume: number, influence: number): Scores => ({ size, credit, volume, influence });

describe('gradeFor: A above a, B from b to a inclusive, C below b (POLICY §4)', () => {
  test.each([
    [100, 'A'],
    [85.01, 'A'],
    [85, 'B'],
    [84.99, 'B'],
    [60, 'B'],
    [59.99, 'C'],
    [59.9, 'C'],
    [0, 'C'],
  ] as const)('total %d → %s with a=85, b=60', (total, grade) => {
    expect(gradeFor(total, DEFAULT_POLICY.grades)).toBe(grade);
  });

  test.each([
    [90, 'B'],
    [90.01, 'A'],
    [65, 'B'],
    [64.99, 'C'],
  ] as const)('total %d → %s with thresholds a=90, b=65', (total, grade) => {
    expect(gradeFor(total, { a: 90, b: 65 })).toBe(grade);
  });
});

describe('weightedTotal: Σ score × weight / 100, two decimals', () => {
  test.each([
    ['equal weights', scores(90, 85, 70, 80), EQUAL, 81.25, 'B'],
    ['equal weights, exactly 85', scores(85, 85, 85, 85), EQUAL, 85, 'B'],
    ['equal weights, 85.01', scores(85.04, 85, 85, 85), EQUAL, 85.01, 'A'],
    ['equal weights, exactly 60', scores(60, 60, 60, 60), EQUAL, 60, 'B'],
    ['equal weights, 59.9', scores(59.9, 59.9, 59.9, 59.9), EQUAL, 59.9, 'C'],
    ['equal weights, 59.99', scores(59.99, 59.99, 59.99, 59.99), EQUAL, 59.99, 'C'],
    ['all 100', scores(100, 100, 100, 100), EQUAL, 100, 'A'],
    ['all 0', scores(0, 0, 0, 0), EQUAL, 0, 'C'],
    ['unequal weights', scores(100, 80, 75, 70), UNEQUAL, 86, 'A'],
    ['unequal weights, exactly 85', scores(85, 85, 85, 85), UNEQUAL, 85, 'B'],
    ['unequal weights, 85.01 after rounding 85.012', scores(85.03, 85, 85, 85), UNEQUAL, 85.01, 'A'],
    ['unequal weights, the heaviest criterion decides', scores(50, 90, 90, 90), UNEQUAL, 74, 'B'],
    ['unequal weights, exactly 60', scores(60, 60, 60, 60), UNEQUAL, 60, 'B'],
    // Summed naively in floating point these give 59.99999999999999 and 85.00000000000001.
    ['float noise at 60', scores(69.24, 68.74, 68.85, 33.17), EQUAL, 60, 'B'],
    ['float noise at 85', scores(87.59, 83.34, 76.05, 97.52), UNEQUAL, 85, 'B'],
  ] as const)('%s', (_name, s, weights, total, grade) => {
    const t = weightedTotal(s, weights);
    expect(t).toBe(total);
    expect(gradeFor(t, DEFAULT_POLICY.grades)).toBe(grade);
  });

  test('a criterion with weight 0 does not count', () => {
    expect(weightedTotal(scores(0, 100, 100, 100), { size: 0, credit: 40, volume: 30, influence: 30 })).toBe(100);
  });

  test('a partial form gives the running total', () => {
    expect(weightedTotal({ size: 90 }, EQUAL)).toBe(22.5);
    expect(weightedTotal({ size: 90, credit: 85 }, UNEQUAL)).toBe(61.5);
  });
});

describe('criterion names and scores', () => {
  test.each([
    ['size', 'size'],
    ['SIZE', 'size'],
    [' credit ', 'credit'],
    ['公司规模', 'size'],
    ['资信状况', 'credit'],
    ['货量规模', 'volume'],
    ['行业影响力', 'influence'],
  ])('%j names %s', (name, key) => {
    expect(criterionOf(name)?.key).toBe(key);
  });

  test.each(['sizes', '规模', '', 'company size'])('%j names no criterion', (name) => {
    expect(criterionOf(name)).toBeNull();
  });

  test.each([
    ['0', 0],
    ['100', 100],
    ['59.9', 59.9],
    ['85.25', 85.25],
    ['１００', 100],
  ])('score %j is %d', (text, n) => {
    expect(parseScore(text)).toBe(n);
  });

  test.each(['101', '100.01', '-1', 'abc', '', '85.123', '1e2', '8 5'])('score %j is refused', (text) => {
    expect(parseScore(text)).toBeNull();
  });
});

describe('parseScores', () => {
  test('English and Chinese names, separate or comma-separated pairs', () => {
    expect(parseScores(['size=90', 'credit=85', 'volume=70', 'influence=80'])).toEqual(scores(90, 85, 70, 80));
    expect(parseScores(['公司规模=90,资信状况=85', '货量规模＝70', '行业影响力=80'])).toEqual(scores(90, 85, 70, 80));
  });

  const refused = (args: string[]) => {
    try {
      parseScores(args);
    } catch (e) {
      return e instanceof UsageError ? e.key : e;
    }
    return 'accepted';
  };

  test.each([
    [['size=101', 'credit=85', 'volume=70', 'influence=80'], 'classify.bad_score'],
    [['size=-1', 'credit=85', 'volume=70', 'influence=80'], 'classify.bad_score'],
    [['size=abc', 'credit=85', 'volume=70', 'influence=80'], 'classify.bad_score'],
    [['size=90', 'credit=85', 'volume=70'], 'classify.missing'],
    [['size=90', 'credit=85', 'volume=70', 'influence=80', 'price=50'], 'classify.unknown_criterion'],
    [['size=90', 'credit=85', 'volume=70', '公司规模=80'], 'classify.twice'],
    [['size', 'credit=85', 'volume=70', 'influence=80'], 'classify.bad_pair'],
  ])('%j → %s', (args, key) => {
    expect(refused(args)).toBe(key);
  });
});

describe('quarters', () => {
  test.each([
    ['2026Q4', '2026Q4', '2026-10-01', '2026-12-31'],
    ['2026-q1', '2026Q1', '2026-01-01', '2026-03-31'],
    ['2027Q2', '2027Q2', '2027-04-01', '2027-06-30'],
    ['2025q3', '2025Q3', '2025-07-01', '2025-09-30'],
  ])('%s is %s, %s to %s', (text, label, from, to) => {
    expect(parseQuarter(text)).toMatchObject({ label, from, to });
  });

  test.each(['2026Q5', '2026Q0', '2026', 'Q4 2026', '26Q4', '2026-10'])('%j is not a quarter', (text) => {
    expect(parseQuarter(text)).toBeNull();
  });

  test.each([
    ['2026Q4', '2026-01-01', '2026-12-31'],
    ['2026Q1', '2025-04-01', '2026-03-31'],
    ['2026Q3', '2025-10-01', '2026-09-30'],
  ])('the four quarters ending with %s run from %s to %s', (text, from, to) => {
    expect(quartersEndingWith(parseQuarter(text)!, 4)).toEqual({ from, to });
  });
});

describe('contributionGrades: ABC analysis by cumulative share of trade', () => {
  const grades = (values: number[]) => contributionGrades(values).map((c) => c.grade).join('');

  test.each([
    // value shares in percent; the customer crossing 70 % is still A, the one crossing 90 % still B
    [[50, 30, 15, 5], 'AABC'],
    [[70, 20, 10], 'ABC'],
    [[50, 20, 15, 10, 5], 'AABBC'],
    // equal values share a rank: both 20s start at 50 %
    [[50, 20, 20, 10], 'AAAC'],
    [[95, 3, 2], 'ACC'],
    [[60, 25, 10, 5], 'AABC'],
    [[5, 15, 30, 50], 'CBAA'],
    [[40, 0, 60], 'ACA'],
    [[25, 25, 25, 25], 'AAAA'],
    [[0, 0], 'CC'],
    [[], ''],
  ])('%j → %s', (values, expected) => {
    expect(grades(values)).toBe(expected);
  });

  test('shares are percent of the total, two decimals', () => {
    expect(contributionGrades([2, 1, 0]).map((c) => c.share)).toEqual([66.67, 33.33, 0]);
  });

  test('a customer starting exactly at 70 % is B, though floating point makes it 69.99999999999999 %', () => {
    // 6,299.94 + 5,367.94 = 11,667.88 is exactly 70 % of 16,668.40.
    expect(grades([6299.94, 5367.94, 5000.52])).toBe('AAB');
  });
});

test.each([
  [null, 'A', 'new'],
  ['C', 'A', 'up'],
  ['B', 'A', 'up'],
  ['A', 'B', 'down'],
  ['B', 'C', 'down'],
  ['B', 'B', 'same'],
] as const)('gradeChange %s → %s is %s', (from, to, change) => {
  expect(gradeChange(from, to)).toBe(change);
});
