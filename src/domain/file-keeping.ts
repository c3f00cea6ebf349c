// Keeping the files true (POLICY §3): when a file or one of its fields is stale, which card keys a
// verification may name, and when a bulk assignment must be confirmed. Pure rules, no I/O.
import { CUSTOMER_FIELDS } from './card-fields.js';

const DAY_MS = 86_400_000;

/** The first day that still counts as recent: a file last touched before it is stale. */
export function staleCutoff(today: string, staleDays: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - staleDays * DAY_MS).toISOString().slice(0, 10);
}

/** The later of two ISO times (either may be missing). */
export function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** Times compare as text: a time on the cutoff day ("2026-05-27T09:00…") is not before "2026-05-27". */
export function isStale(lastTouched: string | null, cutoff: string): boolean {
  return lastTouched === null || lastTouched < cutoff;
}

/** A confirmation of the whole file (fields null) or of some of its fields. */
export interface Confirmation {
  fields: string[] | null;
  at: string;
}

export interface FieldFreshness {
  /** The card's values, by key. */
  values: Record<string, unknown>;
  createdAt: string;
  /** When each field last changed, from the history. */
  changedAt: Map<string, string>;
  confirmations: Confirmation[];
  cutoff: string;
}

/**
 * The fields holding a value that has been neither entered, changed nor confirmed since the
 * cutoff: what `show` marks for the clerk to check.
 */
export function staleFields(f: FieldFreshness): string[] {
  return CUSTOMER_FIELDS.map((d) => d.key).filter((key) => {
    const v = f.values[key];
    if (v === null || v === undefined || v === '') return false;
    let touched = latest(f.createdAt, f.changedAt.get(key) ?? null);
    for (const c of f.confirmations) if (c.fields === null || c.fields.includes(key)) touched = latest(touched, c.at);
    return isStale(touched, f.cutoff);
  });
}

/** The card keys a verification may name; unknown ones are returned for the error message. */
export function unknownFieldKeys(keys: string[]): string[] {
  return keys.filter((k) => !CUSTOMER_FIELDS.some((d) => d.key === k));
}

/** More files than this changing owner at once are confirmed first (on a terminal) or need --yes. */
export const CONFIRM_ABOVE = 3;

/** Whole days from a date (or the date part of a time) to today. */
export function daysSince(when: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${when.slice(0, 10)}T00:00:00Z`)) / DAY_MS);
}
