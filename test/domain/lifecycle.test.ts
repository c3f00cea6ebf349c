import { describe, expect, test } from 'vitest';
import { parseStatus, statusAfterDeal, statusChange } from '../../src/domain/lifecycle.js';
import { ValidationError } from '../../src/errors.js';

describe('lifecycle: the four statuses and their moves', () => {
  test.each([
    ['potential', 'potential'],
    ['潜在客户', 'potential'],
    ['已跟进', 'followed'],
    ['FOLLOWED', 'followed'],
    ['签约', 'cooperating'],
    ['已合作', 'cooperating'],
    ['流失', 'churned'],
    ['churned', 'churned'],
  ])('%s is %s', (input, status) => {
    expect(parseStatus(input)).toBe(status);
  });

  test('a word that is no status is null', () => {
    expect(parseStatus('lost')).toBeNull();
  });

  test('churning needs a reason, which is stored with it', () => {
    expect(() => statusChange('churned', null)).toThrow(expect.objectContaining({ key: 'trade.churn_needs_reason' }));
    expect(() => statusChange('churned', null)).toThrow(ValidationError);
    expect(statusChange('churned', '价格原因')).toEqual({ status: 'churned', churn_reason: '价格原因' });
  });

  test('other moves set only the status (leaving churned keeps the old reason) and take no reason', () => {
    expect(statusChange('cooperating', null)).toEqual({ status: 'cooperating' });
    expect(() => statusChange('followed', '重新联系')).toThrow(expect.objectContaining({ key: 'trade.reason_not_churn' }));
  });

  test.each([
    ['potential', false, 'cooperating'],
    ['followed', false, 'cooperating'],
    ['cooperating', false, null],
    ['churned', false, null],
    ['potential', true, null],
    ['followed', true, null],
  ] as const)('a deal with a %s customer (competitor: %s) moves it to %s', (current, competitor, next) => {
    expect(statusAfterDeal(current, competitor)).toBe(next);
  });
});
