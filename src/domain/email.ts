// E-mail addresses: stored as written (after full-width folding), compared ignoring case.
import { toHalfWidth } from './text.js';

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

export function parseEmail(input: string): string | null {
  const s = toHalfWidth(input).trim();
  if (s.length > 254 || !EMAIL.test(s) || s.includes('..') || s.startsWith('.') || s.includes('.@')) return null;
  return s;
}

/** The key two addresses are compared on. */
export function emailKey(email: string): string {
  return email.toLowerCase();
}
