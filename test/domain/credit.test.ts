import { describe, expect, test } from 'vitest';
import { creditFigures, creditJson, rateCredit, type PaymentRecord } from '../../src/domain/credit.js';

/** A record of `volume` CNY, all of it paid or due: `onTime` of it paid on time, the rest late by `daysLate` on average, `overdue` still unpaid. */
function payer(volume: number, onTimeShare: number, daysLate = 0, overdue = 0): PaymentRecord {
  const lateAmount = volume * (1 - onTimeShare);
  return { volume, paidOrDue: volume, onTime: volume * onTimeShare, lateAmount, lateDays: lateAmount * daysLate, overdue };
}

const NONE: PaymentRecord = { volume: 0, paidOrDue: 0, onTime: 0, lateAmount: 0, lateDays: 0, overdue: 0 };

describe('rateCredit: score → rating → limit and terms', () => {
  test.each([
    // label, record, rating, score, limit, terms
    ['perfect payer, 120万 a year', payer(1_200_000, 1), 'AAA', 100, 300_000, '月结60天'],
    ['on-time share 0.75 exactly at the AAA line', payer(1_200_000, 0.75), 'AAA', 90, 300_000, '月结60天'],
    ['just under AAA', payer(1_200_000, 0.7475), 'AA', 89.9, 200_000, '月结30天'],
    ['exactly AA', payer(1_200_000, 0.5), 'AA', 80, 200_000, '月结30天'],
    ['just under AA', payer(1_200_000, 0.4975), 'A', 79.9, 150_000, '月结15天'],
    ['exactly A', payer(1_200_000, 0.25), 'A', 70, 150_000, '月结15天'],
    ['always late by 18 days: exactly B', payer(1_200_000, 0, 18), 'B', 55, 50_000, '款到发货或预付30%'],
    ['always late by 18.4 days: C', payer(1_200_000, 0, 18.4), 'C', 54.9, 0, '预付全款'],
    ['chronic late payer with a third overdue', payer(600_000, 0.2, 60, 200_000), 'C', 42.9, 0, '预付全款'],
    ['late beyond 90 days counts as 90', payer(1_200_000, 0, 400), 'C', 35, 0, '预付全款'],
    ['perfect but tiny (1万): volume adds nothing', payer(10_000, 1), 'AA', 85, 1_667, '月结30天'],
  ])('%s → %s', (_label, record, rating, score, limit, terms) => {
    const c = rateCredit(record);
    expect(c).toMatchObject({ rating, score, creditLimit: limit, paymentTerms: { zh: terms } });
  });

  test.each([
    payer(1_200_000, 1),
    payer(600_000, 0.2, 60, 200_000),
    payer(333_333, 0.613, 37.7, 12_345.67),
    payer(87_654.32, 0.9, 3.3, 1_000),
  ])('the contributions add up to the score (%#)', (record) => {
    const c = rateCredit(record);
    if (c.contributions === null) throw new Error('expected a rating');
    const { onTime, daysLate, overdue, volume } = c.contributions;
    expect(onTime + daysLate + overdue + volume).toBeCloseTo(c.score, 9);
  });

  test('the chronic late payer: each part of the score', () => {
    expect(rateCredit(payer(600_000, 0.2, 60, 200_000)).contributions).toEqual({ onTime: 8, daysLate: 8.3, overdue: 13.3, volume: 13.3 });
  });

  test('no trade: unrated, no score, no credit, cash before delivery', () => {
    expect(rateCredit(NONE)).toMatchObject({ rating: 'unrated', score: null, contributions: null, unrated: 'no_trade', creditLimit: 0, paymentTerms: { zh: '款到发货' } });
  });

  test('trade with nothing paid or due yet: unrated, not judged a bad payer', () => {
    const c = rateCredit({ ...NONE, volume: 500_000 });
    expect(c).toMatchObject({ rating: 'unrated', score: null, unrated: 'nothing_due', creditLimit: 0 });
  });
});

describe('creditFigures', () => {
  test.each([
    [5_000, 0],
    [10_000, 0],
    [100_000, 0.5],
    [1_000_000, 1],
    [50_000_000, 1],
  ])('volume %d → volume factor %d (log-scaled, capped)', (volume, factor) => {
    expect(creditFigures(payer(volume, 1)).volumeFactor).toBe(factor);
  });

  test('average days late is weighted by the late amounts; 0 when nothing was late', () => {
    // 100 paid 10 days late and 300 paid 30 days late: (1,000 + 9,000) / 400 = 25 days.
    expect(creditFigures({ volume: 1_000, paidOrDue: 1_000, onTime: 600, lateAmount: 400, lateDays: 10_000, overdue: 0 }).avgDaysLate).toBe(25);
    expect(creditFigures(payer(1_000, 1)).avgDaysLate).toBe(0);
  });

  test('on-time share is of the paid-or-due amount, not of the volume', () => {
    // 1,000 traded, only 400 of it due or paid yet, 300 of that on time.
    expect(creditFigures({ volume: 1_000, paidOrDue: 400, onTime: 300, lateAmount: 100, lateDays: 500, overdue: 100 })).toEqual({
      volume: 1_000,
      onTimeShare: 0.75,
      avgDaysLate: 5,
      overdue: 100,
      overdueShare: 0.1,
      volumeFactor: 0,
    });
  });
});

describe('creditJson', () => {
  test('snake_case inputs and contributions, terms as the policy writes them', () => {
    expect(creditJson(rateCredit(payer(1_200_000, 1)))).toEqual({
      rating: 'AAA',
      score: 100,
      credit_limit: 300_000,
      payment_terms: '月结60天',
      unrated_reason: null,
      inputs: { on_time_share: 1, avg_days_late: 0, overdue: 0, overdue_share: 0, volume: 1_200_000, monthly_volume: 100_000, volume_factor: 1 },
      contributions: { on_time: 40, days_late: 25, overdue: 20, volume: 15 },
    });
  });
});
