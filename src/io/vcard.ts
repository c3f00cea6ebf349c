// Reads vCard files (2.1, 3.0 and 4.0, as phones, Outlook and Google export them) into business
// cards. The text arrives already decoded from the file's bytes; only quoted-printable values
// carry bytes of their own, decoded here with the property's CHARSET.
import { emptyCard, joinPersonName, type BusinessCard } from '../domain/business-card.js';

export interface VCardEntry {
  /** 1-based line of the card's BEGIN:VCARD. */
  line: number;
  card: BusinessCard;
}

export class VCardError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unterminated' | 'nested' | 'bad_line' | 'bad_charset',
    message?: string,
  ) {
    super(message ?? `vCard line ${line}: ${reason.replace('_', ' ')}`);
    this.name = 'VCardError';
  }
}

/** True when the first non-blank line is BEGIN:VCARD (`\s` also skips a byte-order mark). */
export function looksLikeVCard(text: string): boolean {
  return /^\s*begin:vcard[ \t]*(?:\r?\n|$)/i.test(text);
}

/** One content line after unfolding: `[group.]NAME;params:value`. */
interface Property {
  line: number;
  /** Upper case, without its group (item1.TEL → TEL). */
  name: string;
  /** Keys upper case; values lower case, unquoted and split on commas (TYPE=cell,voice). */
  params: Map<string, string[]>;
  value: string;
}

export function* parseVCards(text: string): Generator<VCardEntry> {
  let open: { line: number; props: Property[] } | undefined;
  for (const prop of contentLines(text)) {
    const isVCard = prop.value.trim().toLowerCase() === 'vcard';
    if (prop.name === 'BEGIN' && isVCard) {
      if (open) throw new VCardError(prop.line, 'nested');
      open = { line: prop.line, props: [] };
    } else if (!open) {
      throw new VCardError(prop.line, 'bad_line');
    } else if (prop.name === 'END' && isVCard) {
      yield { line: open.line, card: toCard(open.props) };
      open = undefined;
    } else {
      open.props.push(prop);
    }
  }
  if (open) throw new VCardError(open.line, 'unterminated');
}

/** Joins folded and soft-broken lines back into whole properties; blank lines are skipped. */
function* contentLines(text: string): Generator<Property> {
  let prop: Property | undefined;
  let v21 = false;
  for (const [i, raw] of text.replace(/^\uFEFF/, '').split(/\r?\n/).entries()) {
    if (prop && encoding(prop) === 'quoted-printable' && /=[ \t]*$/.test(prop.value)) {
      // Quoted-printable soft line break: the next line goes on as it is, even unindented.
      prop.value = prop.value.replace(/=[ \t]*$/, '') + raw;
    } else if (prop && /^[ \t]/.test(raw)) {
      // 3.0 and 4.0 fold anywhere, so the whitespace belongs to the fold; 2.1 folds only where
      // there was white space, which stays.
      prop.value += v21 ? raw : raw.slice(1);
    } else if (prop && encoding(prop) === 'base64' && /^[A-Za-z0-9+/]+=*$/.test(raw)) {
      // Some 2.1 exporters do not indent the lines of a base64 PHOTO; they cannot be properties.
      prop.value += raw;
    } else {
      if (prop) yield prop;
      prop = raw.trim() === '' ? undefined : parseLine(raw, i + 1);
      // Each card's VERSION (right after its BEGIN) decides how its folds unfold.
      if (prop?.name === 'BEGIN') v21 = false;
      if (prop?.name === 'VERSION') v21 = prop.value.trim() === '2.1';
    }
  }
  if (prop) yield prop;
}

function parseLine(raw: string, line: number): Property {
  const [head = '', ...rest] = splitUnquoted(raw, ':');
  const [nameWithGroup = '', ...rawParams] = splitUnquoted(head, ';');
  const name = /^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)$/.exec(nameWithGroup)?.[1];
  if (rest.length === 0 || !name) throw new VCardError(line, 'bad_line');
  const params = new Map<string, string[]>();
  for (const param of rawParams.map((p) => p.trim()).filter(Boolean)) {
    const eq = param.indexOf('=');
    // 2.1 allows a bare value: TEL;CELL;VOICE or NOTE;QUOTED-PRINTABLE.
    const key = eq >= 0 ? param.slice(0, eq).trim().toUpperCase() : BARE_ENCODINGS.has(param.toLowerCase()) ? 'ENCODING' : 'TYPE';
    const values = (eq >= 0 ? param.slice(eq + 1) : param).replaceAll('"', '').split(',');
    params.set(key, [...(params.get(key) ?? []), ...values.map((v) => v.trim().toLowerCase()).filter(Boolean)]);
  }
  return { line, name: name.toUpperCase(), params, value: rest.join(':') };
}

const BARE_ENCODINGS = new Set(['quoted-printable', 'base64', '8bit', '7bit']);

function encoding(prop: Property): 'quoted-printable' | 'base64' | undefined {
  const value = prop.params.get('ENCODING')?.[0];
  if (value === 'quoted-printable') return value;
  return value === 'b' || value === 'base64' ? 'base64' : undefined;
}

/** Splits on `sep` outside double quotes: quoted parameter values may hold ';', ':' and ','. */
function splitUnquoted(s: string, sep: string): string[] {
  const parts = [''];
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) parts.push('');
    else parts[parts.length - 1] += ch;
  }
  return parts;
}

/** Splits a structured value (N, ADR, ORG) on the ';' that are not escaped as '\;'. */
function splitStructured(s: string): string[] {
  const parts = [''];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === ';') {
      parts.push('');
    } else {
      // An escape goes through whole (unescaped later), so its character never splits.
      const piece = s[i] === '\\' ? s.slice(i, i + 2) : s.charAt(i);
      parts[parts.length - 1] += piece;
      i += piece.length - 1;
    }
  }
  return parts;
}

const STRUCTURED = new Set(['N', 'ADR', 'ORG']);

/** The property's value, its components for a structured one, decoded, unescaped and trimmed.
 * Components are split before quoted-printable decoding, as Android does, so an encoded ';'
 * (=3B) stays inside its component. */
function valueParts(prop: Property, v21: boolean): string[] {
  const raw = STRUCTURED.has(prop.name) ? splitStructured(prop.value) : [prop.value];
  return raw.map((part) => {
    const text = encoding(prop) === 'quoted-printable' ? decodeQuotedPrintable(part, prop) : part;
    return unescapeText(text, v21).replace(/\r\n?/g, '\n').trim();
  });
}

function decodeQuotedPrintable(s: string, prop: Property): string {
  const charset = prop.params.get('CHARSET')?.[0] ?? 'utf-8';
  try {
    const decoder = new TextDecoder(charset, { fatal: true });
    let out = '';
    let bytes: number[] = [];
    const flush = () => {
      out += decoder.decode(Uint8Array.from(bytes));
      bytes = [];
    };
    for (let i = 0; i < s.length; i++) {
      const hex = /^=([0-9A-Fa-f]{2})/.exec(s.slice(i, i + 3))?.[1];
      const code = s.charCodeAt(i);
      if (hex) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else if (code < 0x80) {
        bytes.push(code);
      } else {
        // A character that should have been encoded but was not: it is text already.
        flush();
        out += s[i];
      }
    }
    flush();
    return out;
  } catch {
    // An unknown label makes TextDecoder throw RangeError, bytes it cannot decode TypeError.
    throw new VCardError(prop.line, 'bad_charset', `vCard line ${prop.line}: cannot read quoted-printable text as ${charset}`);
  }
}

/** 3.0 and 4.0 escape '\\', ',', ';' and newlines ('\n'); 2.1 only ';' — like Android, we also
 * take '\\', '\:' and '\,' there, but leave other backslashes alone (C:\new stays C:\new). */
function unescapeText(s: string, v21: boolean): string {
  if (v21) return s.replace(/\\([\\;:,])/g, '$1');
  return s.replace(/\\([^])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

const MOBILE_TYPES = ['cell', 'mobile', 'iphone'];

/** The properties a business card takes. Others (PHOTO, X-…) are never decoded, so a charset
 * only they use cannot fail the card. */
const READ = new Set(['FN', 'N', 'ORG', 'TITLE', 'ROLE', 'TEL', 'EMAIL', 'ADR', 'URL', 'NOTE']);

function toCard(props: Property[]): BusinessCard {
  const v21 = props.find((p) => p.name === 'VERSION')?.value.trim() === '2.1';
  const card = emptyCard();
  let formattedName: string | undefined;
  let structuredName: string | undefined;
  let role: string | undefined;
  // Single-valued fields keep the first non-empty value; lists keep every distinct one, in order.
  for (const prop of props.filter((p) => READ.has(p.name))) {
    const parts = valueParts(prop, v21);
    const value = parts[0] || undefined;
    switch (prop.name) {
      case 'FN':
        formattedName ??= value;
        break;
      case 'N':
        structuredName ??= joinPersonName(parts[0], parts[1], parts[2]);
        break;
      case 'ORG':
        card.company ??= value;
        card.department ??= parts[1] || undefined;
        break;
      case 'TITLE':
        card.title ??= value;
        break;
      case 'ROLE':
        role ??= value;
        break;
      case 'TEL': {
        const types = prop.params.get('TYPE') ?? [];
        const list = types.some((t) => MOBILE_TYPES.includes(t)) ? card.mobiles : types.includes('fax') ? card.faxes : card.phones;
        // 4.0 may give the number as a URI: VALUE=uri:tel:+86-138-0013-8000.
        add(list, value?.replace(/^tel:/i, '').trim());
        break;
      }
      case 'EMAIL':
        add(card.emails, value);
        break;
      case 'ADR':
        // Address and postal code come from the same (first non-empty) ADR.
        if (card.address === undefined && card.postalCode === undefined) {
          card.address = address(parts);
          card.postalCode = parts[5] || undefined;
        }
        break;
      case 'URL':
        card.website ??= value;
        break;
      case 'NOTE':
        card.notes ??= value;
        break;
    }
  }
  // N gives family and given names apart, so it orders a Chinese name reliably; FN is as typed.
  card.person = structuredName ?? formattedName;
  card.title ??= role;
  return card;
}

function add(list: string[], value: string | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

/** ADR is post box; extended; street; locality; region; postal code; country. A Chinese address
 * reads from the province down with no separators (广东省深圳市福田区华强北路1002号赛格广场);
 * others read "street, locality, region". The extended part is kept too: Android puts a whole
 * unstructured address there. */
function address(adr: string[]): string | undefined {
  const [, extended = '', street = '', locality = '', region = ''] = adr;
  const chinese = /\p{Script=Han}/u.test(extended + street + locality + region);
  const ordered = chinese ? [region, locality, street, extended] : [street, extended, locality, region];
  const parts = ordered.flatMap((p) => p.split('\n').map((s) => s.trim())).filter(Boolean);
  if (!chinese) return parts.join(', ') || undefined;
  // Phones often repeat the province and city inside the street: 广东省 + 广东省深圳市… → once.
  return parts.filter((p, i) => !parts.slice(i + 1).some((later) => later.includes(p))).join('') || undefined;
}
