// Stored phone numbers (see phone.ts) back to what people write: 138 0013 8000,
// 0755 8376 5432 转 801, 400 820 8820. Hand-written for mainland numbers so that reading
// commands need not load libphonenumber's metadata; other countries are shown in E.164.

/** 010 and 02X have two-digit area codes after the 0; the rest three (0755, 0571 …). */
function mainlandNational(n: string): string {
  if (/^[48]00\d{7}$/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
  const areaLength = /^(10|2\d)/.test(n) ? 2 : 3;
  const area = '0' + n.slice(0, areaLength);
  const local = n.slice(areaLength);
  const split = local.length === 8 ? 4 : 3;
  return `${area} ${local.slice(0, split)} ${local.slice(split)}`;
}

export function formatPhone(stored: string): string {
  if (/^1\d{10}$/.test(stored)) return `${stored.slice(0, 3)} ${stored.slice(3, 7)} ${stored.slice(7)}`;
  const [number = '', ext] = stored.split(';ext=');
  const shown = number.startsWith('+86') ? mainlandNational(number.slice(3)) : number;
  return ext ? `${shown} 转 ${ext}` : shown;
}

/** The digits a search for this number should match (stored mobiles and national landlines). */
export function phoneSearchDigits(stored: string): string {
  if (stored.startsWith('+86')) return '0' + stored.slice(3).split(';')[0];
  return stored.replace(/\D/g, '');
}
