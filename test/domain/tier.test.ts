import Database from 'better-sqlite3';
import { beforeEach, describe, expect, test } from 'vitest';
import { yearlySpend, yearlySpendAll } from '../../src/db/tiers.js';
import { DEFAULT_POLICY, effectivePolicy } from '../../src/domain/policy.js';
import { parseTier, tierLabel, tierOf, tierRange } from '../../src/domain/tier.js';
import { crm, seededDb, useTempDir } from '../support/run.js';

describe('tierOf: yearly spend against the policy thresholds, a threshold belonging to the higher tier', () => {
  test.each([
    [2_000_000, 'vip'],
    [1_000_000, 'vip'],
    [999_999.99, 'gold'],
    [500_000, 'gold'],
    [499_999.99, 'silver'],
    [200_000, 'silver'],
    [199_999.99, 'bronze'],
    [100_000, 'bronze'],
    [99_999.99, 'standard'],
    [0, 'standard'],
  ] as const)('%d → %s', (spend, tier) => {
    expect(tierOf(spend, DEFAULT_POLICY)).toBe(tier);
  });

  test('thresholds changed with crm policy set are the ones applied', () => {
    const policy = effectivePolicy({ tiers: 'vip=300000,gold=200000,silver=100000,bronze=50000' });
    expect(tierOf(300_000, policy)).toBe('vip');
    expect(tierOf(299_999, policy)).toBe('gold');
    expect(tierOf(49_999, policy)).toBe('standard');
  });

  test.each([
    ['vip', 'zh', 'VIP'],
    ['gold', 'zh', '金卡'],
    ['bronze', 'en', 'bronze'],
    ['standard', 'zh', '普通'],
    ['standard', 'en', 'standard'],
  ] as const)('label of %s in %s is %s', (key, lang, label) => {
    expect(tierLabel(key, lang)).toBe(label);
  });
});

describe('tierRange and parseTier, for list --tier', () => {
  test.each([
    ['vip', { min: 1_000_000, max: null }],
    ['gold', { min: 500_000, max: 1_000_000 }],
    ['silver', { min: 200_000, max: 500_000 }],
    ['bronze', { min: 100_000, max: 200_000 }],
    ['standard', { min: 0, max: 100_000 }],
  ] as const)('%s covers %j', (key, range) => {
    expect(tierRange(key, DEFAULT_POLICY)).toEqual(range);
  });

  test.each([
    ['vip', 'vip'],
    ['VIP', 'vip'],
    ['金卡', 'gold'],
    [' Silver ', 'silver'],
    ['铜卡', 'bronze'],
    ['普通', 'standard'],
    ['standard', 'standard'],
    ['platinum', null],
  ] as const)('%j → %s', (text, key) => {
    expect(parseTier(text)).toBe(key);
  });
});

describe('yearlySpend: our deals of the 365 days up to the as-of date', () => {
  const dir = useTempDir();
  let path = '';

  beforeEach(async () => {
    path = await seededDb(dir());
    await crm(path, ['add', '--name', '华强电子', '--owner', 'zhangwei']);
    await crm(path, ['add', '--name', '中兴贸易', '--owner', 'lina']);
    await crm(path, ['add', '--name', '无交易公司', '--owner', 'lina']);
    const db = new Database(path);
    const deal = db.prepare(`INSERT INTO deals (customer_id, competitor, deal_date, amount, staff_id, created_at) VALUES (?, ?, ?, ?, 1, '2026-11-23')`);
    deal.run(1, null, '2025-11-24', 600_000); // first day of the window
    deal.run(1, null, '2026-11-23', 400_000); // the as-of date itself
    deal.run(1, null, '2025-11-23', 5_000_000); // a day too old
    deal.run(1, null, '2026-11-24', 5_000_000); // after the as-of date
    deal.run(1, '竞争对手', '2026-06-01', 5_000_000); // with a competitor: not our spend
    deal.run(2, null, '2026-03-01', 150_000);
    db.close();
  });

  test('counts the window inclusive of both ends, ignoring competitors and later deals', () => {
    const db = new Database(path, { readonly: true });
    try {
      expect(yearlySpend(db, 1, '2026-11-23')).toBe(1_000_000);
      expect(tierOf(yearlySpend(db, 1, '2026-11-23'), DEFAULT_POLICY)).toBe('vip');
      expect(yearlySpend(db, 1, '2026-11-22')).toBe(5_600_000); // the window moves with the date
      expect(yearlySpend(db, 3, '2026-11-23')).toBe(0);
      expect(yearlySpendAll(db, '2026-11-23')).toEqual(new Map([[1, 1_000_000], [2, 150_000]]));
    } finally {
      db.close();
    }
  });
});
