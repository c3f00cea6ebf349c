// Picks the user's language and fills message templates. zh for a Chinese locale, en otherwise;
// --lang or CRM_LANG override the locale.
import type { Localized, MessageParams } from '../errors.js';
import { messages, type MessageKey } from './messages.js';

export type Lang = 'zh' | 'en';

export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const chosen = flag ?? env.CRM_LANG;
  if (chosen) return chosen.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function pick(lang: Lang, text: Localized): string {
  return text[lang];
}

/** The message of a key made from a code or a field name, or `otherwise` where the catalogue has
 * none (a newer record's field, a commander title we do not translate). */
export function messageOr(t: Translate, key: string, otherwise: string, params?: MessageParams): string {
  return Object.hasOwn(messages, key) ? t(key as MessageKey, params) : otherwise;
}

/** Names listed in a sentence: 客户编号、收集渠道 in Chinese (a comma there reads as a clause
 * break), "Customer ID, Source" in English. */
export function listOf(items: readonly string[]): Localized {
  return { zh: items.join('、'), en: items.join(', ') };
}

export function translator(lang: Lang): Translate {
  return (key, params = {}) => {
    const template = messages[key]?.[lang] ?? key;
    // {n|row was|rows were}: English wording for one and for any other number (Chinese needs none).
    const counted = template.replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) => (Number(params[name]) === 1 ? one : other));
    return counted.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = params[name];
      if (v === undefined) return whole;
      return typeof v === 'object' ? v[lang] : String(v);
    });
  };
}
