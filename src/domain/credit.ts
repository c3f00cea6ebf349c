// Credit rating (客户信用分析, POLICY §7) from a customer's payment behaviour. Pure, so that the
// formula is tested by tables and every number `crm credit ID` shows can be traced back here.
//
// The record (gathered by src/db/credit.ts in one SQL) covers our own deals with a due date made
// in the 365 days up to the as-of date, and the payments received up to that date:
//   volume       Σ deal amounts: the trade volume.
//   paid-or-due  Σ per deal: the whole amount once its due date has passed, else what is already
//                paid. Invoices not yet due and not yet paid say nothing about the payer yet.
//   on time      Σ per deal: payments made on or before the due date (at most the deal amount).
//   late amount  payments made after the due date, plus amounts overdue now.
//   late days    each late amount × its days late: payment date − due date, or for an amount still
//                overdue, as-of − due date.
//   overdue      amounts still unpaid after their due date.
// The figures:
//   on-time share = on time / paid-or-due
//   avg days late = late days / late amount (0 when nothing was late): how late the customer is
//                   when late (how often is the on-time share's job)
//   overdue share = overdue / volume
//   volume factor = clamp(log10(volume / 10,000) / 2, 0, 1): 0 up to 1万, 0.5 at 10万, 1 from
//                   100万 a year; log-scaled so that size helps but cannot buy a rating
// Score, 0–100, each part rounded to 0.1 and the score their sum, so that the parts shown add up:
//     40 × on-time share
//   + 25 × (1 − min(avg days late, 90) / 90)
//   + 20 × (1 − min(overdue share, 1))
//   + 15 × volume factor
// Rating: AAA ≥ 90, AA ≥ 80, A ≥ 70, B ≥ 55, C below.
// Suggested credit limit = multiple × average monthly volume (volume / 12), to the yuan:
// AAA 3×, AA 2×, A 1.5×, B 0.5×, C none. Payment terms: AAA 月结60天, AA 月结30天, A 月结15天,
// B 款到发货或预付30%, C 预付全款.
// Unrated (no score, no credit, 款到发货): no trade in the window, or nothing paid or due yet —
// there is no payment record to judge, which is not the same as a bad one (C).

export const RATINGS = ['AAA', 'AA', 'A', 'B', 'C', 'unrated'] as const;
export type Rating = (typeof RATINGS)[number];

/** Weights of the four parts: the most a part can add to the score. */
export const WEIGHTS = { onTime: 40, daysLate: 25, overdue: 20, volume: 15 } as const;
/** Days late from which the days-late part gives nothing. */
const DAYS_LATE_CAP = 90;
const VOLUME_FLOOR = 10_000;
const VOLUME_DECADES = 2;

type Localized = { zh: string; en: string };

/** Terms are stored and given in JSON as the policy writes them (zh); English is for display. */
const SCALE: { rating: Exclude<Rating, 'unrated'>; from: number; multiple: number; terms: Localized }[] = [
  { rating: 'AAA', from: 90, multiple: 3, terms: { zh: '月结60天', en: 'monthly statement, 60 days' } },
  { rating: 'AA', from: 80, multiple: 2, terms: { zh: '月结30天', en: 'monthly statement, 30 days' } },
  { rating: 'A', from: 70, multiple: 1.5, terms: { zh: '月结15天', en: 'monthly statement, 15 days' } },
  { rating: 'B', from: 55, multiple: 0.5, terms: { zh: '款到发货或预付30%', en: 'cash before delivery, or 30% in advance' } },
  { rating: 'C', from: -Infinity, multiple: 0, terms: { zh: '预付全款', en: 'full payment in advance' } },
];
const UNRATED_TERMS: Localized = { zh: '款到发货', en: 'cash before delivery' };

/** Sums over the deals of the window (see the top of this file). */
export interface PaymentRecord {
  volume: number;
  paidOrDue: number;
  onTime: number;
  lateAmount: number;
  lateDays: number;
  overdue: number;
}

export interface CreditFigures {
  volume: number;
  /** null when nothing is paid or due yet. */
  onTimeShare: number | null;
  avgDaysLate: number;
  overdue: number;
  overdueShare: number;
  volumeFactor: number;
}

export interface Contributions {
  onTime: number;
  daysLate: number;
  overdue: number;
  volume: number;
}

interface Terms {
  creditLimit: number;
  paymentTerms: Localized;
  figures: CreditFigures;
}

export type CreditRating =
  | (Terms & { rating: Exclude<Rating, 'unrated'>; score: number; contributions: Contributions; unrated: null })
  /** No trade at all, or trade with nothing paid or due yet. */
  | (Terms & { rating: 'unrated'; score: null; contributions: null; unrated: 'no_trade' | 'nothing_due' });

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const clamp01 = (x: number) => Math.min(Math.max(x, 0), 1);

export function creditFigures(r: PaymentRecord): CreditFigures {
  return {
    volume: round(r.volume, 2),
    onTimeShare: r.paidOrDue > 0 ? round(clamp01(r.onTime / r.paidOrDue), 4) : null,
    avgDaysLate: r.lateAmount > 0 ? round(r.lateDays / r.lateAmount, 1) : 0,
    overdue: round(r.overdue, 2),
    overdueShare: r.volume > 0 ? round(clamp01(r.overdue / r.volume), 4) : 0,
    volumeFactor: r.volume > 0 ? round(clamp01(Math.log10(r.volume / VOLUME_FLOOR) / VOLUME_DECADES), 4) : 0,
  };
}

export function rateCredit(r: PaymentRecord): CreditRating {
  const figures = creditFigures(r);
  if (figures.volume <= 0 || figures.onTimeShare === null) {
    const unrated = figures.volume <= 0 ? 'no_trade' : 'nothing_due';
    return { rating: 'unrated', score: null, contributions: null, unrated, creditLimit: 0, paymentTerms: UNRATED_TERMS, figures };
  }
  const contributions: Contributions = {
    onTime: round(WEIGHTS.onTime * figures.onTimeShare, 1),
    daysLate: round(WEIGHTS.daysLate * (1 - Math.min(figures.avgDaysLate, DAYS_LATE_CAP) / DAYS_LATE_CAP), 1),
    overdue: round(WEIGHTS.overdue * (1 - figures.overdueShare), 1),
    volume: round(WEIGHTS.volume * figures.volumeFactor, 1),
  };
  const score = round(contributions.onTime + contributions.daysLate + contributions.overdue + contributions.volume, 1);
  const step = SCALE.find((s) => score >= s.from)!;
  return {
    rating: step.rating,
    score,
    creditLimit: Math.round((step.multiple * figures.volume) / 12),
    paymentTerms: step.terms,
    unrated: null,
    figures,
    contributions,
  };
}

/** Why: the inputs and what each added to the score (stored as credit_ratings.reasons). */
export function creditReasons(c: CreditRating): Record<string, unknown> {
  const f = c.figures;
  return {
    unrated_reason: c.unrated,
    inputs: {
      on_time_share: f.onTimeShare,
      avg_days_late: f.avgDaysLate,
      overdue: f.overdue,
      overdue_share: f.overdueShare,
      volume: f.volume,
      monthly_volume: round(f.volume / 12, 2),
      volume_factor: f.volumeFactor,
    },
    contributions: c.contributions && {
      on_time: c.contributions.onTime,
      days_late: c.contributions.daysLate,
      overdue: c.contributions.overdue,
      volume: c.contributions.volume,
    },
  };
}

/** The rating with its reasons as --json prints it: snake_case, amounts in CNY. */
export function creditJson(c: CreditRating): Record<string, unknown> {
  return { rating: c.rating, score: c.score, credit_limit: c.creditLimit, payment_terms: c.paymentTerms.zh, ...creditReasons(c) };
}
