// Visit rules: months, minimums by status × grade, who may approve.
import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../src/domain/policy.js';
import { mayApproveVisit, minimumRows, monthOf, parseMonth, visitMinimum } from '../../src/domain/visits.js';

describe('parseMonth', () => {
  test('a month gives its first day and the first day of the next', () => {
    expect(parseMonth('2026-11')).toEqual({ month: '2026-11', from: '2026-11-01', to: '2026-12-01' });
    expect(parseMonth('2026-12')).toEqual({ month: '2026-12', from: '2026-12-01', to: '2027-01-01' });
    expect(parseMonth('2026-2')?.month).toBe('2026-02');
    expect(parseMonth('2026年3月')?.from).toBe('2026-03-01');
  });
  test('not a month', () => {
    for (const bad of ['2026-13', '2026-00', '11-2026', '2026-11-05', '', 'abc']) expect(parseMonth(bad)).toBeNull();
  });
  test('monthOf a date', () => {
    expect(monthOf(new Date(2026, 0, 31)).month).toBe('2026-01');
  });
});

describe('visit minimums', () => {
  test('defaults of POLICY §5', () => {
    expect(visitMinimum(DEFAULT_POLICY.visits, 'cooperating', 'A')).toBe(2);
    expect(visitMinimum(DEFAULT_POLICY.visits, 'cooperating', 'C')).toBe(1);
    expect(visitMinimum(DEFAULT_POLICY.visits, 'potential', 'B')).toBe(1);
    expect(visitMinimum(DEFAULT_POLICY.visits, 'potential', 'C')).toBe(0);
    expect(visitMinimum(DEFAULT_POLICY.visits, 'churned', 'A')).toBe(0);
  });
  test('ungraded customers need none', () => {
    expect(visitMinimum(DEFAULT_POLICY.visits, 'cooperating', null)).toBe(0);
  });
  test('rows for SQL cover every status × grade', () => {
    const rows = minimumRows(DEFAULT_POLICY.visits);
    expect(rows).toHaveLength(12);
    expect(rows).toContainEqual({ status: 'cooperating', grade: 'B', minimum: 2 });
  });
});

describe('mayApproveVisit', () => {
  const visit = { repId: 2, customerRegion: '华南' };
  test('never one’s own visit, whatever the role', () => {
    expect(mayApproveVisit({ staffId: 2, role: 'gm', region: null }, visit)).toBe('own');
  });
  test('manager, director, gm', () => {
    for (const role of ['manager', 'director', 'gm'] as const) expect(mayApproveVisit({ staffId: 9, role, region: null }, visit)).toBe('ok');
  });
  test('region manager only of the customer’s region', () => {
    expect(mayApproveVisit({ staffId: 9, role: 'region-manager', region: '华南' }, visit)).toBe('ok');
    expect(mayApproveVisit({ staffId: 9, role: 'region-manager', region: '华东' }, visit)).toBe('not-manager');
  });
  test('reps, clerks, admins do not approve', () => {
    for (const role of ['rep', 'clerk', 'admin', 'service', 'other'] as const) {
      expect(mayApproveVisit({ staffId: 9, role, region: '华南' }, visit)).toBe('not-manager');
    }
  });
});
