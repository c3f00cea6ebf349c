// Telephone numbers. Mainland mobiles are stored as their 11 digits (what every Chinese system
// keys on); every other number as E.164 (+8675583765432), with ";ext=NNN" for an extension.
// Shown in the familiar national form by phone-format.ts (which does not load libphonenumber).
import { Metadata } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/metadata.max.json';
import { toHalfWidth } from './text.js';

export type PhoneRule = 'phone_invalid' | 'mobile_invalid';
export type PhoneResult = { ok: true; value: string } | { ok: false; rule: PhoneRule };

const EXTENSION = /\s*(?:;ext=|转|分机|ext\.?|x|#)\s*(\d{1,6})\s*$/i;

function splitExtension(s: string): [string, string | null] {
  const m = EXTENSION.exec(s);
  return m ? [s.slice(0, m.index), m[1]!] : [s, null];
}

/**
 * The mainland mobile ranges, taken from libphonenumber's own metadata: a number matching them is
 * exactly one libphonenumber calls a valid CN mobile. Checking them directly is ~30× faster than
 * a full parse, which matters when an import files a million business cards.
 */
const MAINLAND_MOBILE = (() => {
  const plan = new Metadata(metadata);
  plan.selectNumberingPlan('CN');
  const mobile = (plan.numberingPlan as unknown as { type(t: string): { pattern(): string } }).type('MOBILE');
  return new RegExp(`^(?:${mobile.pattern()})$`);
})();

/** Chinese offices write the extension after one more dash: 0755-83211234-801. Only tried when
 * the whole is no number, so 0755-8321-1234 (a number written in groups) stays one number, and
 * only for mainland numbers: elsewhere a digit too many is a mistake, not an extension. */
const DASH_EXTENSION = /^(.*\d)\s*-\s*(\d{1,6})$/;

/** `mobileOnly` for a contact's mobile field: a landline there is a mistake worth catching. */
export function parsePhone(input: string, mobileOnly = false): PhoneResult {
  const text = toHalfWidth(input).trim();
  const whole = parseNumber(...splitExtension(text), mobileOnly);
  const dashed = whole.ok ? null : DASH_EXTENSION.exec(text);
  if (!dashed) return whole;
  const withExtension = parseNumber(dashed[1]!, dashed[2]!, mobileOnly);
  return withExtension.ok && withExtension.value.startsWith('+86') ? withExtension : whole;
}

function parseNumber(number: string, ext: string | null, mobileOnly: boolean): PhoneResult {
  const fail: PhoneResult = { ok: false, rule: mobileOnly ? 'mobile_invalid' : 'phone_invalid' };
  if (!/^[+\d\s().\-]+$/.test(number)) return fail;
  const national = number.replace(/[\s().\-]/g, '').replace(/^(?:\+86|0086)/, '');
  if (MAINLAND_MOBILE.test(national)) return ext ? fail : { ok: true, value: national };
  const parsed = parsePhoneNumberFromString(number, 'CN');
  if (!parsed || !parsed.isValid()) return fail;
  const type = parsed.getType();
  const isMobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  // Mobiles have no extensions: a 转 after one is a typing mistake.
  if ((mobileOnly && !isMobile) || (isMobile && ext)) return fail;
  if (parsed.country === 'CN' && type === 'MOBILE') return { ok: true, value: parsed.nationalNumber };
  return { ok: true, value: parsed.number + (ext ? `;ext=${ext}` : '') };
}
