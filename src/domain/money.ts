// Money in CNY. People write 50万, 1.2亿, ¥5,000,000, 3000元; all are stored as a number of yuan.
import { toHalfWidth } from './text.js';

const UNITS: Record<string, number> = { '': 1, 千: 1e3, k: 1e3, 万: 1e4, w: 1e4, 百万: 1e6, m: 1e6, 千万: 1e7, 亿: 1e8 };

export function parseMoney(input: string): number | null {
  let s = toHalfWidth(input).trim().toLowerCase().replace(/\s/g, '');
  s = s.replace(/^(?:cny|rmb|¥|￥)/, '').replace(/(?:元|人民币|cny|rmb)$/, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(千万|百万|千|万|亿|k|w|m)?$/.exec(s);
  if (!m) return null;
  const amount = Number(m[1]!.replace(/,/g, '') + (m[2] ?? '')) * UNITS[m[3] ?? '']!;
  return Number.isFinite(amount) ? Math.round(amount * 100) / 100 : null;
}

// Made once: toLocaleString builds a formatter on every call (~15 µs), too slow for reports.
const WAN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const YUAN = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 5,000,000.00 in English; 500万 / 3,000.50 under zh, as Chinese reports write large sums. */
export function formatMoney(amount: number, lang: 'zh' | 'en'): string {
  if (lang === 'zh' && Math.abs(amount) >= 1e4) return `${WAN.format(Number((amount / 1e4).toFixed(2)))}万`;
  return YUAN.format(amount);
}
