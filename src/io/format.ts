// Showing stored values the way people read them: labelled enums, familiar phone numbers, money
// with separators (万 under zh), yes/no.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from '../context.js';
import type { FieldDef } from '../domain/card-fields.js';
import { optionLabel } from '../domain/enums.js';
import { formatCustomerId } from '../domain/ids.js';
import { formatMoney } from '../domain/money.js';
import { formatPhone } from '../domain/phone-format.js';

export function paint(ctx: Context): ChalkInstance {
  return new Chalk({ level: ctx.color ? 1 : 0 });
}

export function displayValue(ctx: Context, def: FieldDef, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  switch (def.type) {
    case 'phone':
    case 'mobile':
      return formatPhone(String(value));
    case 'money':
      return formatMoney(Number(value), ctx.lang);
    case 'enum':
      return optionLabel(def.options!, String(value), ctx.lang);
    case 'bool':
      return value === 1 || value === true ? ctx.t('word.yes') : ctx.t('word.no');
    case 'customer':
      return formatCustomerId(Number(value));
    case 'birthday':
      // --MM-DD (year unknown) reads as MM-DD.
      return String(value).replace(/^--/, '');
    default:
      return String(value);
  }
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\p{Script=Han}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\u3040-\u30ff\uac00-\ud7af]/u.test(ch) ? 2 : 1;
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
