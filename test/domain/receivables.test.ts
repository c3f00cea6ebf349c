import { describe, expect, test } from 'vitest';
import { agingBucket } from '../../src/domain/receivables.js';

describe('agingBucket: where an unpaid amount stands on a date', () => {
  test.each([
    // due later than this month
    ['2026-11-23', '2026-12-01', 'not_due'],
    ['2026-11-23', '2027-01-15', 'not_due'],
    ['2026-12-31', '2027-01-01', 'not_due'],
    // due from today to the end of this month
    ['2026-11-23', '2026-11-23', 'due_this_month'],
    ['2026-11-23', '2026-11-24', 'due_this_month'],
    ['2026-11-23', '2026-11-30', 'due_this_month'],
    ['2026-11-01', '2026-11-01', 'due_this_month'],
    ['2028-02-01', '2028-02-29', 'due_this_month'],
    // past due: earlier this month, or before
    ['2026-11-23', '2026-11-22', 'overdue'],
    ['2026-11-23', '2026-11-01', 'overdue'],
    ['2027-01-01', '2026-12-31', 'overdue'],
    ['2026-11-23', '2026-08-25', 'overdue'], // 90 days late: still within the aging limit
    ['2026-11-23', '2026-08-24', 'over_aging'], // 91 days late
    ['2026-11-23', '2025-11-23', 'over_aging'],
  ])('on %s, due %s: %s', (asOf, due, bucket) => {
    expect(agingBucket(asOf, due)).toBe(bucket);
  });

  test('the aging limit is a setting; days across a leap day and DST count as calendar days', () => {
    expect(agingBucket('2026-11-23', '2026-10-24', 30)).toBe('overdue');
    expect(agingBucket('2026-11-23', '2026-10-23', 30)).toBe('over_aging');
    expect(agingBucket('2028-03-01', '2028-02-29', 1)).toBe('overdue');
    expect(agingBucket('2028-03-01', '2028-02-28', 1)).toBe('over_aging');
    expect(agingBucket('2026-03-30', '2026-03-28', 2)).toBe('overdue');
  });
});
