// Calendar dates as people write them in China, stored as ISO YYYY-MM-DD.
import { toHalfWidth } from './text.js';

const FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
/** A birthday whose year is unknown, stored in the ISO 8601 year-less form --MM-DD. */
const MONTH_DAY = [/^(?:--)?(\d{1,2})-(\d{1,2})$/, /^(\d{1,2})月(\d{1,2})[日号]?$/];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function parseDate(input: string): string | null {
  const s = toHalfWidth(input).replace(/\s/g, '');
  for (const form of FORMS) {
    const m = form.exec(s);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return y >= 1800 && isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  return null;
}

/** A full date, or a month and day (2000 is a leap year, so 02-29 is allowed). */
export function parseBirthday(input: string): string | null {
  const full = parseDate(input);
  if (full) return full;
  const s = toHalfWidth(input).replace(/\s/g, '');
  for (const form of MONTH_DAY) {
    const m = form.exec(s);
    if (m && isRealDate(2000, Number(m[1]), Number(m[2]))) return `--${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
  }
  return null;
}

/** Today's date in the local calendar, from an injected clock. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A moment as ISO 8601 in local time with its offset (2026-11-23T20:48:26+08:00): readable
 * as the clerk's own clock, unambiguous for machines. */
export function localTimestamp(d: Date): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${isoDate(d)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
