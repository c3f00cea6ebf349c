// Customer ids are short, stable and easy to read out on the phone: C000123 is row 123.

export function formatCustomerId(n: number): string {
  return 'C' + String(n).padStart(6, '0');
}

/** C000123, c123 and 123 all name row 123; anything else is not a customer id. */
export function parseCustomerId(input: string): number | null {
  const m = /^[Cc]?0*(\d{1,12})$/.exec(input.normalize('NFKC').trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 && Number.isSafeInteger(n) ? n : null;
}
