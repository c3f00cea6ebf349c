// Validation of the card's fields: each input to its stored form, or an error naming the field
// and the rule. The catalogue itself is in card-fields.ts (re-exported here).
import { parseBirthday, parseDate } from './date.js';
import { parseEmail } from './email.js';
import { fieldByKey, normalizeEnumField, type FieldDef, type Value, type Values } from './card-fields.js';
import { parseCustomerId } from './ids.js';
import { parseMoney } from './money.js';
import { parsePhone } from './phone.js';
import { CONTROL_CHARS, tidy, toHalfWidth } from './text.js';
import { parseUscc } from './uscc.js';
import { ValidationError } from '../errors.js';

export * from './card-fields.js';

const TRUE_WORDS = ['true', 'yes', 'y', '1', '是', '对', 'x'];
const FALSE_WORDS = ['false', 'no', 'n', '0', '否', '不是', ''];

/** A character as people look it up: U+001B. */
function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function fail(def: FieldDef, rule: string, value: unknown, extra: Record<string, string> = {}): never {
  throw new ValidationError(`rule.${rule}` as never, {
    field: { zh: def.zh, en: def.en },
    key: def.key,
    value: String(value),
    ...extra,
  });
}

/**
 * One field's input (typed, pasted, from JSON or a flag) to its stored form, or a
 * ValidationError naming the field and the rule. Empty input means "no value".
 */
export function normalizeField(def: FieldDef, input: unknown): Value {
  if (def.type === 'bool') {
    // Not said is "no"; JSON may say true/false or 1/0.
    if (input === null || input === undefined) return false;
    if (typeof input === 'boolean') return input;
    if (input === 0 || input === 1) return input === 1;
  }
  if (input === null || input === undefined) return def.required ? fail(def, 'required', '') : null;
  if (typeof input === 'number' && def.type !== 'bool') input = String(input);
  if (typeof input !== 'string') return fail(def, 'type_text', JSON.stringify(input));
  const raw = def.type === 'text' ? input.trim() : tidy(input);
  if (raw === '') return def.required ? fail(def, 'required', '') : def.type === 'bool' ? false : null;
  // An escape sequence or a bell typed into a name would recolour or clear every terminal that
  // lists it, and NUL cuts the value short elsewhere; line breaks and tabs are text.
  const control = raw.match(CONTROL_CHARS);
  if (control) return fail(def, 'control_char', codePoint(control[0]!));
  switch (def.type) {
    case 'text':
    case 'staff':
      return raw;
    case 'uscc': {
      const r = parseUscc(raw);
      return r.ok ? r.value : fail(def, r.rule, raw, r.expected ? { expected: r.expected } : {});
    }
    case 'phone':
    case 'mobile': {
      const r = parsePhone(raw, def.type === 'mobile');
      return r.ok ? r.value : fail(def, r.rule, raw);
    }
    case 'email':
      return parseEmail(raw) ?? fail(def, 'email', raw);
    case 'date':
      return parseDate(raw) ?? fail(def, 'date', raw);
    case 'birthday':
      return parseBirthday(raw) ?? fail(def, 'birthday', raw);
    case 'money':
      return parseMoney(raw) ?? fail(def, 'money', raw);
    case 'count': {
      const n = parseMoney(raw);
      return n !== null && Number.isInteger(n) ? n : fail(def, 'count', raw);
    }
    case 'postal': {
      const p = toHalfWidth(raw).replace(/\s/g, '');
      return /^\d{6}$/.test(p) ? p : fail(def, 'postal', raw);
    }
    case 'url': {
      const u = toHalfWidth(raw);
      return /^(https?:\/\/)?[\p{L}\d-]+(\.[\p{L}\d-]+)+(:\d+)?([/?#]\S*)?$/iu.test(u) ? u : fail(def, 'url', raw);
    }
    case 'enum':
      return normalizeEnumField(def, raw);
    case 'customer': {
      const id = parseCustomerId(raw);
      return id ?? fail(def, 'customer_id', raw);
    }
    case 'bool': {
      const w = toHalfWidth(raw).toLowerCase();
      if (TRUE_WORDS.includes(w)) return true;
      if (FALSE_WORDS.includes(w)) return false;
      return fail(def, 'bool', raw);
    }
  }
}

/**
 * Validates a set of values against a catalogue. Unknown keys are refused (a typo must not be
 * dropped silently); with `complete`, required fields must be present.
 */
export function normalizeValues(defs: readonly FieldDef[], input: Record<string, unknown>, complete: boolean): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(input)) {
    const def = fieldByKey(defs, k);
    if (!def) throw new ValidationError('rule.unknown_field', { key: k, allowed: defs.map((d) => d.key).join(', ') });
    out[k] = normalizeField(def, v);
  }
  if (complete) for (const def of defs) if (def.required && !(def.key in out)) normalizeField(def, null);
  return out;
}
