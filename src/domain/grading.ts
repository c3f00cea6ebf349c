// Grading customers A/B/C (POLICY §4): by the weighted evaluation form (客户评估表), or by
// contribution to trade in the quarterly review. Totals and thresholds are compared in whole
// hundredths, so that a total of exactly 85 is B and 85.01 is A whatever the floating point.
import { UsageError, type Localized } from '../errors.js';
import type { Grade } from './enums.js';
import { CRITERIA, type Criterion, type Policy } from './policy.js';

export type Scores = Record<Criterion, number>;

type CriterionDef = (typeof CRITERIA)[number];

/** The criterion as messages name it: 公司规模(size) / size (company size). */
export function criterionLabel(c: CriterionDef): Localized {
  return { zh: `${c.zh}(${c.key})`, en: `${c.key} (${c.en})` };
}

const CRITERIA_LIST = CRITERIA.map((c) => `${c.key}/${c.zh}`).join(', ');

/** A criterion by its key (size) or its name on the Chinese form (公司规模). */
export function criterionOf(name: string): CriterionDef | null {
  const n = name.normalize('NFKC').trim().toLowerCase();
  return CRITERIA.find((c) => c.key === n || c.zh === n) ?? null;
}

/** A score from 0 to 100 with at most two decimals (59.9, 85.25); null if it is not one. */
export function parseScore(text: string): number | null {
  const s = text.normalize('NFKC').trim();
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(s)) return null;
  const n = Number(s);
  return n <= 100 ? n : null;
}

/**
 * `--score size=90 credit=85 …` (pairs may also be comma-separated) to one score per criterion.
 * Every criterion must be scored exactly once; anything else is a usage error.
 */
export function parseScores(args: readonly string[]): Scores {
  const out: Partial<Scores> = {};
  for (const pair of args.flatMap((a) => a.normalize('NFKC').split(/[,;\s]+/)).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError('classify.bad_pair', { pair, criteria: CRITERIA_LIST });
    const c = criterionOf(pair.slice(0, eq));
    if (!c) throw new UsageError('classify.unknown_criterion', { name: pair.slice(0, eq), criteria: CRITERIA_LIST });
    if (out[c.key] !== undefined) throw new UsageError('classify.twice', { criterion: criterionLabel(c) });
    const score = parseScore(pair.slice(eq + 1));
    if (score === null) throw new UsageError('classify.bad_score', { criterion: criterionLabel(c), value: pair.slice(eq + 1) });
    out[c.key] = score;
  }
  const missing = CRITERIA.filter((c) => out[c.key] === undefined);
  if (missing.length > 0) throw new UsageError('classify.missing', { missing: missing.map((c) => `${c.key}/${c.zh}`).join(', '), criteria: CRITERIA_LIST });
  return out as Scores;
}

function hundredths(x: number): number {
  return Math.round(x * 100);
}

/**
 * Σ score × weight / 100, rounded to two decimals. Scores have at most two decimals and weights
 * are whole numbers, so Σ (score in hundredths) × weight is an exact integer: no rounding drift.
 * `scores` may be partial (the running total of the interactive form).
 */
export function weightedTotal(scores: Partial<Scores>, weights: Policy['weights']): number {
  let sum = 0;
  for (const c of CRITERIA) sum += hundredths(scores[c.key] ?? 0) * weights[c.key];
  return Math.round(sum / 100) / 100;
}

/** A above `a` (strictly), B from `b` up to and including `a`, C below `b`. */
export function gradeFor(total: number, thresholds: Policy['grades']): Grade {
  const t = hundredths(total);
  if (t > hundredths(thresholds.a)) return 'A';
  if (t >= hundredths(thresholds.b)) return 'B';
  return 'C';
}

export type GradeChange = 'up' | 'down' | 'same' | 'new';

const RANK: Record<Grade, number> = { A: 3, B: 2, C: 1 };

/** How a proposed grade moves from the current one ('new': the customer had no grade). */
export function gradeChange(current: Grade | null, proposed: Grade): GradeChange {
  if (current === null) return 'new';
  return RANK[proposed] > RANK[current] ? 'up' : RANK[proposed] < RANK[current] ? 'down' : 'same';
}

export interface Quarter {
  year: number;
  /** 1 to 4 */
  q: number;
  /** 2026Q4 */
  label: string;
  /** First and last day of the quarter, YYYY-MM-DD. */
  from: string;
  to: string;
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

function quarterStart(year: number, q: number): string {
  return `${year}-${String(3 * (q - 1) + 1).padStart(2, '0')}-01`;
}

/** 2026Q4 or 2026-Q4 (any case); null for anything else. */
export function parseQuarter(text: string): Quarter | null {
  const m = /^(\d{4})-?q([1-4])$/.exec(text.normalize('NFKC').trim().toLowerCase());
  if (!m) return null;
  const [year, q] = [Number(m[1]), Number(m[2])];
  return { year, q, label: `${year}Q${q}`, from: quarterStart(year, q), to: `${year}-${QUARTER_END[q - 1]}` };
}

/** The `count` quarters ending with `q`, as one date range (the last four: a rolling year). */
export function quartersEndingWith(q: Quarter, count: number): { from: string; to: string } {
  const index = q.year * 4 + q.q - count;
  return { from: quarterStart(Math.floor(index / 4), (index % 4) + 1), to: q.to };
}

/** Cumulative share of trade up to which customers are A, then B (the rest are C). */
const CONTRIBUTION_LINES = { a: 70, b: 90 };

export interface Contribution {
  /** Share of the total trade, in percent, two decimals. */
  share: number;
  grade: Grade;
}

/**
 * ABC analysis of trade values (CNY), one result per value in the same order. Customers are
 * ranked by value, largest first; a customer is A while the customers ranked above it hold less
 * than 70 % of the total (so the one whose trade crosses the line is still A: the line is
 * reached through it), B while they hold less than 90 %, C after that. Customers with equal
 * value share a rank and a grade. No trade is C.
 * Values are counted in fen (whole numbers) so that a share of exactly 70 % compares exactly.
 */
export function contributionGrades(values: readonly number[]): Contribution[] {
  const fen = values.map(hundredths);
  const total = fen.reduce((a, v) => a + v, 0);
  const order = fen.map((_, i) => i).sort((i, j) => fen[j]! - fen[i]!);
  const out: Contribution[] = new Array<Contribution>(fen.length);
  let above = 0;
  for (let k = 0; k < order.length; ) {
    const value = fen[order[k]!]!;
    let end = k;
    while (end < order.length && fen[order[end]!] === value) end++;
    // Without trade the customers above hold the whole total (or the total is 0): C.
    const grade: Grade = above * 100 < CONTRIBUTION_LINES.a * total ? 'A' : above * 100 < CONTRIBUTION_LINES.b * total ? 'B' : 'C';
    const share = total === 0 ? 0 : Math.round((value * 10_000) / total) / 100;
    for (const i of order.slice(k, end)) out[i] = { share, grade };
    above += value * (end - k);
    k = end;
  }
  return out;
}
