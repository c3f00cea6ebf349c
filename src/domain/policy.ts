// Policy settings (POLICY §4, §5): what the policy fixes or leaves blank, with the defaults given
// there, changeable by an administrator or the general manager. Each setting is written as text
// (`crm policy set weights size=30,credit=30,volume=20,influence=20`) and checked as a whole, so
// that weights always sum to 100 and thresholds stay in order.
import { STATUSES, type Grade, type Status } from './enums.js';

export const CRITERIA = [
  { key: 'size', zh: '公司规模', en: 'company size', standard: { zh: '营业额、员工人数、占地面积', en: 'revenue, headcount, site' } },
  { key: 'credit', zh: '资信状况', en: 'credit standing', standard: { zh: '付款记录、银行资信、诉讼情况', en: 'payment record, bank standing, litigation' } },
  { key: 'volume', zh: '货量规模', en: 'business volume', standard: { zh: '年采购量及与我司交易额', en: 'yearly purchases and trade with us' } },
  { key: 'influence', zh: '行业影响力', en: 'industry influence', standard: { zh: '行业地位、品牌、示范效应', en: 'standing, brand, reference value' } },
] as const;
export type Criterion = (typeof CRITERIA)[number]['key'];

export const TIERS = [
  { key: 'vip', zh: 'VIP', en: 'VIP' },
  { key: 'gold', zh: '金卡', en: 'gold' },
  { key: 'silver', zh: '银卡', en: 'silver' },
  { key: 'bronze', zh: '铜卡', en: 'bronze' },
] as const;
export type TierKey = (typeof TIERS)[number]['key'] | 'standard';

export interface Policy {
  weights: Record<Criterion, number>;
  /** A above `a` (strictly); B from `b` up to and including `a`; C below `b`. */
  grades: { a: number; b: number };
  /** Yearly spend (CNY) from which each tier starts; below bronze: 普通 (standard). */
  tiers: Record<(typeof TIERS)[number]['key'], number>;
  /** Visits a month by status × grade (status without grade: ungraded customers need none). */
  visits: Record<`${Status}.${Grade}`, number>;
  receivableAgingDays: number;
  /** A file neither updated nor verified for this many days is stale (消除过旧资料, POLICY §3). */
  staleDays: number;
}

const GRADES_ABC: Grade[] = ['A', 'B', 'C'];

/** Visit minimums: signed A/B 2, signed C 1, potential A/B 1, potential C 0; followed as potential; churned none. */
function defaultVisits(): Policy['visits'] {
  const perStatus: Record<Status, Record<Grade, number>> = {
    cooperating: { A: 2, B: 2, C: 1 },
    potential: { A: 1, B: 1, C: 0 },
    followed: { A: 1, B: 1, C: 0 },
    churned: { A: 0, B: 0, C: 0 },
  };
  const out = {} as Policy['visits'];
  for (const s of STATUSES) for (const g of GRADES_ABC) out[`${s.value}.${g}`] = perStatus[s.value][g];
  return out;
}

export const DEFAULT_POLICY: Policy = {
  weights: { size: 25, credit: 25, volume: 25, influence: 25 },
  grades: { a: 85, b: 60 },
  tiers: { vip: 1_000_000, gold: 500_000, silver: 200_000, bronze: 100_000 },
  visits: defaultVisits(),
  receivableAgingDays: 90,
  staleDays: 180,
};

export const POLICY_KEYS = ['weights', 'grades', 'tiers', 'visits', 'receivable_aging_days', 'stale_days'] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** What is wrong with a setting's value: the message policy.detail_<detail>, filled with `params`. */
export type PolicyDetail =
  | 'not_pair' | 'twice' | 'unknown' | 'missing' | 'days' | 'weights_whole' | 'weights_sum' | 'grades_order' | 'tiers_order' | 'visits_unknown' | 'visits_range';

/** A setting's value refused; the command says it in the user's language (the domain has no messages). */
export class PolicyValueError extends Error {
  constructor(
    readonly detail: PolicyDetail,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${detail} ${JSON.stringify(params)}`);
  }
}

function pairs(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of text.normalize('NFKC').split(/[,，;\s]+/).filter(Boolean)) {
    const m = /^([\w.\-]+)\s*=\s*(-?\d+(?:\.\d+)?)$/u.exec(part);
    if (!m) throw new PolicyValueError('not_pair', { part });
    if (out.has(m[1]!)) throw new PolicyValueError('twice', { name: m[1]! });
    out.set(m[1]!, Number(m[2]));
  }
  return out;
}

function exactly<K extends string>(given: Map<string, number>, keys: readonly K[]): Record<K, number> {
  const unknown = [...given.keys()].filter((k) => !(keys as readonly string[]).includes(k));
  if (unknown.length) throw new PolicyValueError('unknown', { names: unknown.join(', '), known: keys.join(', ') });
  const missing = keys.filter((k) => !given.has(k));
  if (missing.length) throw new PolicyValueError('missing', { names: missing.join(', '), known: keys.join(', ') });
  return Object.fromEntries(keys.map((k) => [k, given.get(k)!])) as Record<K, number>;
}

function days(text: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new PolicyValueError('days');
  return n;
}

/** One setting's text to its value, or a PolicyValueError saying what is wrong. */
export function parseSetting(key: PolicyKey, text: string, current: Policy): Partial<Policy> {
  switch (key) {
    case 'weights': {
      const w = exactly(pairs(text), CRITERIA.map((c) => c.key));
      if (Object.values(w).some((v) => v < 0 || !Number.isInteger(v))) throw new PolicyValueError('weights_whole');
      const sum = Object.values(w).reduce((a, b) => a + b, 0);
      if (sum !== 100) throw new PolicyValueError('weights_sum', { sum });
      return { weights: w };
    }
    case 'grades': {
      const g = exactly(pairs(text), ['a', 'b'] as const);
      if (!(g.b > 0 && g.b < g.a && g.a < 100)) throw new PolicyValueError('grades_order');
      return { grades: g };
    }
    case 'tiers': {
      const t = exactly(pairs(text), TIERS.map((x) => x.key));
      if (!(t.vip > t.gold && t.gold > t.silver && t.silver > t.bronze && t.bronze > 0)) throw new PolicyValueError('tiers_order');
      return { tiers: t };
    }
    case 'visits': {
      const v = { ...current.visits };
      for (const [k, n] of pairs(text)) {
        if (!(k in v)) throw new PolicyValueError('visits_unknown', { name: k });
        if (!Number.isInteger(n) || n < 0 || n > 31) throw new PolicyValueError('visits_range', { name: k });
        v[k as keyof Policy['visits']] = n;
      }
      return { visits: v };
    }
    case 'receivable_aging_days':
      return { receivableAgingDays: days(text) };
    case 'stale_days':
      return { staleDays: days(text) };
  }
}

/** A setting as text, in the form `set` accepts. */
export function formatSetting(key: PolicyKey, p: Policy): string {
  const list = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k}=${v}`).join(',');
  switch (key) {
    case 'weights':
      return list(p.weights);
    case 'grades':
      return list(p.grades);
    case 'tiers':
      return list(p.tiers);
    case 'visits':
      return list(p.visits);
    case 'receivable_aging_days':
      return String(p.receivableAgingDays);
    case 'stale_days':
      return String(p.staleDays);
  }
}

/** The policy in force: defaults overridden by the stored settings (already validated). */
export function effectivePolicy(stored: Partial<Record<PolicyKey, string>>): Policy {
  let p: Policy = { ...DEFAULT_POLICY };
  for (const key of POLICY_KEYS) {
    const text = stored[key];
    if (text !== undefined) p = { ...p, ...parseSetting(key, text, p) };
  }
  return p;
}
