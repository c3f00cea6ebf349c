// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-symbol
// alphabet (no I, O, Z, S, V); the 18th is a check character over the first 17.
import { toHalfWidth } from './text.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccResult =
  | { ok: true; value: string }
  | { ok: false; rule: 'uscc_length' | 'uscc_charset' | 'uscc_check'; expected?: string };

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function parseUscc(input: string): UsccResult {
  const code = toHalfWidth(input).replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== 18) return { ok: false, rule: 'uscc_length' };
  for (const ch of code) if (!ALPHABET.includes(ch)) return { ok: false, rule: 'uscc_charset' };
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return { ok: false, rule: 'uscc_check', expected };
  return { ok: true, value: code };
}
