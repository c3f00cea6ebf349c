// Notes and the complaint lifecycle (POLICY §3, §5): the kinds of note, the dates they may bear,
// and the steps a complaint goes through (open → handled → closed). Pure rules, no database.
import { parseDate } from './date.js';
import { tidy, toHalfWidth } from './text.js';

export const NOTE_KINDS = ['call', 'letter', 'fax', 'email', 'meeting', 'change', 'complaint', 'feedback'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

const CHINESE_KINDS: Record<string, NoteKind> = {
  电话: 'call',
  信函: 'letter',
  信件: 'letter',
  传真: 'fax',
  邮件: 'email',
  电子邮件: 'email',
  会面: 'meeting',
  会议: 'meeting',
  变更: 'change',
  变化: 'change',
  投诉: 'complaint',
  反馈: 'feedback',
};

/** A note kind as typed, in English (any case, e-mail too) or Chinese; null when unknown. */
export function parseNoteKind(text: string): NoteKind | null {
  const s = tidy(toHalfWidth(text));
  const english = s.toLowerCase().replace(/^e-mail$/, 'email');
  if ((NOTE_KINDS as readonly string[]).includes(english)) return english as NoteKind;
  return CHINESE_KINDS[s] ?? null;
}

export type ComplaintStatus = 'open' | 'handled' | 'closed';

/** What a new note of this kind stores for the lifecycle: complaints start open. */
export function initialComplaintStatus(kind: NoteKind): ComplaintStatus | null {
  return kind === 'complaint' ? 'open' : null;
}

export type DateVerdict = { ok: true; date: string } | { ok: false; reason: 'bad' | 'future' };

/** The date of an event already happened: today when not given, a real date, not in the future. */
export function eventDate(text: string | undefined, today: string): DateVerdict {
  if (text === undefined || text.trim() === '') return { ok: true, date: today };
  const date = parseDate(text);
  if (date === null) return { ok: false, reason: 'bad' };
  if (date > today) return { ok: false, reason: 'future' };
  return { ok: true, date };
}

/** The parts of a complaint note its lifecycle looks at. */
export interface ComplaintState {
  kind: string;
  noted_on: string;
  complaint_status: string | null;
  handled_on: string | null;
}

export type StepRefusal = 'not_complaint' | 'already_handled' | 'already_closed' | 'not_handled' | 'before_previous' | 'no_resolution';

export interface HandleValues {
  complaint_status: 'handled';
  handler_id: number;
  resolution: string;
  handled_on: string;
}

export interface CloseValues {
  complaint_status: 'closed';
  closed_on: string;
}

export type Step<T> = { ok: true; values: T } | { ok: false; refusal: StepRefusal };

/** open → handled: by whoever handled it, with the resolution, on a day not before the complaint. */
export function handleStep(note: ComplaintState, handlerId: number, resolution: string | null, date: string): Step<HandleValues> {
  if (note.kind !== 'complaint') return { ok: false, refusal: 'not_complaint' };
  if (note.complaint_status === 'handled') return { ok: false, refusal: 'already_handled' };
  if (note.complaint_status === 'closed') return { ok: false, refusal: 'already_closed' };
  if (resolution === null || resolution.trim() === '') return { ok: false, refusal: 'no_resolution' };
  if (date < note.noted_on) return { ok: false, refusal: 'before_previous' };
  return { ok: true, values: { complaint_status: 'handled', handler_id: handlerId, resolution: resolution.trim(), handled_on: date } };
}

/** handled → closed: only once handled, on a day not before the handling. */
export function closeStep(note: ComplaintState, date: string): Step<CloseValues> {
  if (note.kind !== 'complaint') return { ok: false, refusal: 'not_complaint' };
  if (note.complaint_status === 'closed') return { ok: false, refusal: 'already_closed' };
  if (note.complaint_status !== 'handled') return { ok: false, refusal: 'not_handled' };
  if (note.handled_on !== null && date < note.handled_on) return { ok: false, refusal: 'before_previous' };
  return { ok: true, values: { complaint_status: 'closed', closed_on: date } };
}

/** A survey score: a whole number from 1 to 5 (full-width digits accepted); null otherwise. */
export function parseScore(text: string | undefined): number | null {
  if (text === undefined) return null;
  const s = toHalfWidth(text).trim();
  return /^[1-5]$/.test(s) ? Number(s) : null;
}
