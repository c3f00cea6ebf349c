// Tier by yearly spend (POLICY §4, the optional scheme): VIP, 金卡, 银卡, 铜卡, or 普通 below
// bronze. A spend exactly at a threshold belongs to the higher tier (1,000,000 is VIP).
import { TIERS, type Policy, type TierKey } from './policy.js';

const STANDARD = { zh: '普通', en: 'standard' } as const;

/** TIERS is ordered from the highest threshold down, so the first one reached is the tier. */
export function tierOf(spend: number, policy: Pick<Policy, 'tiers'>): TierKey {
  return TIERS.find((t) => spend >= policy.tiers[t.key])?.key ?? 'standard';
}

export function tierLabel(key: TierKey, lang: 'zh' | 'en'): string {
  return (key === 'standard' ? STANDARD : TIERS.find((t) => t.key === key)!)[lang];
}

/** The yearly spend a tier covers: from its threshold up to (not including) the next one. */
export function tierRange(key: TierKey, policy: Pick<Policy, 'tiers'>): { min: number; max: number | null } {
  const order = TIERS.map((t) => t.key);
  if (key === 'standard') return { min: 0, max: policy.tiers.bronze };
  const i = order.indexOf(key);
  return { min: policy.tiers[key], max: i === 0 ? null : policy.tiers[order[i - 1]!] };
}

/** A tier as users write it: vip, gold, 金卡, 普通 … */
export function parseTier(input: string): TierKey | null {
  const k = input.normalize('NFKC').trim().toLowerCase();
  if (k === 'standard' || k === '普通') return 'standard';
  return TIERS.find((t) => t.key === k || t.zh.toLowerCase() === k || t.en === k)?.key ?? null;
}
