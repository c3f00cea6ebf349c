// Text helpers shared by validation, duplicate matching and search.

/** Full-width letters, digits and punctuation to half-width (ＡＢＣ１２３ → ABC123, （ → (, 　 → space). */
export function toHalfWidth(s: string): string {
  return s.normalize('NFKC');
}

/** Trim and fold inner runs of white space (including the ideographic space) to one space. */
export function tidy(s: string): string {
  return s.replace(/[\s\u3000]+/g, ' ').trim();
}

/** A value given on the command line or in JSON: empty strings mean "no value". */
export function blankToNull(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = tidy(s);
  return t === '' ? null : t;
}

/** Without the spaces people put between the characters of a Chinese name to line it up
 * (张 伟, 欧阳　娜娜 → 张伟, 欧阳娜娜); spaces next to other letters stay (张伟 David). */
export function closeHanSpaces(s: string): string {
  return s.replace(/(\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu, '$1');
}

/** Control characters other than tab, line feed and carriage return (C0, DEL, C1): an escape
 * sequence or a bell in a value would act on the terminal that shows it. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Has at least one CJK ideograph (names that get a pinyin key). */
export function hasHan(s: string): boolean {
  return /\p{Script=Han}/u.test(s);
}
