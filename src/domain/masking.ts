// Contacts' personal data (PIPL): which fields are personal, and how they look masked for someone
// who sees the file only through an approved request (138****8000, w***@example.com).

/** Contact fields that are the person's own data rather than the company's. */
const PERSONAL_FIELDS = ['mobile', 'email', 'birthday', 'hobbies', 'notes'] as const;

export function maskPhone(value: string): string {
  const digits = value.replace(/;ext=.*/, '');
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

function maskEmail(value: string): string {
  const at = value.indexOf('@');
  return at <= 0 ? '***' : `${value[0]}***${value.slice(at)}`;
}

/** A contact as a request-only reader may see it: numbers and e-mail masked, the rest of the
 * personal fields withheld. */
export function maskContact<T extends object>(contact: T): T {
  const out = { ...contact } as Record<string, unknown>;
  for (const key of PERSONAL_FIELDS) {
    const v = out[key];
    if (v === null || v === undefined) continue;
    out[key] = key === 'mobile' ? maskPhone(String(v)) : key === 'email' ? maskEmail(String(v)) : null;
  }
  return out as T;
}
