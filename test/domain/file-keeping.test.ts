import { describe, expect, test } from 'vitest';
import { daysSince, isStale, latest, staleCutoff, staleFields } from '../../src/domain/file-keeping.js';

describe('staleness', () => {
  test('the cutoff is the stale_days before today, across month and year ends', () => {
    expect(staleCutoff('2026-11-23', 180)).toBe('2026-05-27');
    expect(staleCutoff('2026-03-01', 1)).toBe('2026-02-28');
    expect(staleCutoff('2026-01-10', 30)).toBe('2025-12-11');
  });

  test('a time on the cutoff day is current; the day before is stale; never touched is stale', () => {
    expect(isStale('2026-05-27T00:00:01+08:00', '2026-05-27')).toBe(false);
    expect(isStale('2026-05-26T23:59:59+08:00', '2026-05-27')).toBe(true);
    expect(isStale(null, '2026-05-27')).toBe(true);
    expect(latest('2026-01-01T09:00:00+08:00', null)).toBe('2026-01-01T09:00:00+08:00');
    expect(latest('2026-01-01T09:00:00+08:00', '2026-02-01T09:00:00+08:00')).toBe('2026-02-01T09:00:00+08:00');
    expect(daysSince('2026-01-05T10:00:00+08:00', '2026-11-23')).toBe(322);
  });

  test('a field is current when entered, changed or confirmed (alone or with the whole file) since the cutoff', () => {
    const old = '2026-01-05T10:00:00+08:00';
    const recent = '2026-11-01T10:00:00+08:00';
    const fields = staleFields({
      values: { name: '华强', phone: '+8675583765432', email: 'a@b.cn', region: '华南', address: '深圳', fax: null, website: '' },
      createdAt: old,
      changedAt: new Map([['region', recent]]),
      confirmations: [
        { fields: ['email'], at: recent },
        { fields: ['address'], at: old },
      ],
      cutoff: '2026-05-27',
    });
    expect(fields).toEqual(['name', 'address', 'phone']);
    const whole = staleFields({ values: { name: '华强', phone: '1' }, createdAt: old, changedAt: new Map(), confirmations: [{ fields: null, at: recent }], cutoff: '2026-05-27' });
    expect(whole).toEqual([]);
  });
});
