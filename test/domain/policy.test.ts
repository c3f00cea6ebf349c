import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY, effectivePolicy, formatSetting, parseSetting, POLICY_KEYS, PolicyValueError } from '../../src/domain/policy.js';

describe('the defaults are the policy’s (POLICY §4, §5)', () => {
  test('weights 25 each, A above 85, B from 60, tiers, aging 90 days', () => {
    expect(DEFAULT_POLICY.weights).toEqual({ size: 25, credit: 25, volume: 25, influence: 25 });
    expect(DEFAULT_POLICY.grades).toEqual({ a: 85, b: 60 });
    expect(DEFAULT_POLICY.tiers).toEqual({ vip: 1_000_000, gold: 500_000, silver: 200_000, bronze: 100_000 });
    expect(DEFAULT_POLICY.receivableAgingDays).toBe(90);
  });

  test.each([
    ['cooperating.A', 2],
    ['cooperating.B', 2],
    ['cooperating.C', 1],
    ['potential.A', 1],
    ['potential.B', 1],
    ['potential.C', 0],
  ] as const)('visit minimum %s is %i', (key, n) => {
    expect(DEFAULT_POLICY.visits[key]).toBe(n);
  });
});

describe('parseSetting validates a setting as a whole', () => {
  test.each([
    ['weights', 'size=30,credit=30,volume=20,influence=20', { weights: { size: 30, credit: 30, volume: 20, influence: 20 } }],
    ['weights', 'size=40 credit=20 volume=20 influence=20', { weights: { size: 40, credit: 20, volume: 20, influence: 20 } }],
    ['grades', 'a=90,b=65', { grades: { a: 90, b: 65 } }],
    ['tiers', 'vip=2000000,gold=800000,silver=300000,bronze=50000', { tiers: { vip: 2_000_000, gold: 800_000, silver: 300_000, bronze: 50_000 } }],
    ['receivable_aging_days', '60', { receivableAgingDays: 60 }],
  ] as const)('%s = %s', (key, text, expected) => {
    expect(parseSetting(key, text, DEFAULT_POLICY)).toEqual(expected);
  });

  test('visits change only the pairs given', () => {
    const v = parseSetting('visits', 'cooperating.A=4,potential.C=1', DEFAULT_POLICY).visits!;
    expect(v['cooperating.A']).toBe(4);
    expect(v['potential.C']).toBe(1);
    expect(v['cooperating.B']).toBe(2);
  });

  test.each([
    ['weights', 'size=30,credit=30,volume=30,influence=20', 'weights_sum', { sum: 110 }],
    ['weights', 'size=50,credit=50', 'missing', { names: 'volume, influence', known: 'size, credit, volume, influence' }],
    ['weights', 'size=25,credit=25,volume=25,influence=25,beauty=0', 'unknown', { names: 'beauty', known: 'size, credit, volume, influence' }],
    ['weights', 'size=25.5,credit=24.5,volume=25,influence=25', 'weights_whole', {}],
    ['weights', 'size=abc', 'not_pair', { part: 'size=abc' }],
    ['weights', 'size=25,size=25', 'twice', { name: 'size' }],
    ['grades', 'a=60,b=85', 'grades_order', {}],
    ['tiers', 'vip=100,gold=200,silver=300,bronze=400', 'tiers_order', {}],
    ['visits', 'sleeping.A=1', 'visits_unknown', { name: 'sleeping.A' }],
    ['visits', 'cooperating.A=40', 'visits_range', { name: 'cooperating.A' }],
    ['receivable_aging_days', '0', 'days', {}],
  ] as const)('%s = %s is refused, saying why (%s) for the command to put in words', (key, text, detail, params) => {
    let thrown: unknown;
    try {
      parseSetting(key, text, DEFAULT_POLICY);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PolicyValueError);
    expect(thrown).toMatchObject({ detail, params });
  });

  test('every setting written by formatSetting reads back unchanged', () => {
    for (const key of POLICY_KEYS) expect(effectivePolicy({ [key]: formatSetting(key, DEFAULT_POLICY) })).toEqual(DEFAULT_POLICY);
  });
});
