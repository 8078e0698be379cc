import { normalizeCode } from './normalize';

// GB 11643-1999: 17 digits + check digit (0-9 or X), ISO 7064 MOD 11-2.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCardCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Returns the normalized number, or the reason it is not a 居民身份证号码. */
export function checkIdCard(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const value = normalizeCode(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'must be 17 digits and a digit or X (居民身份证号码)' };
  const [y, m, d] = [Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now()) {
    return { ok: false, reason: 'birth date in the number is not a real date' };
  }
  if (idCardCheckDigit(value.slice(0, 17)) !== value[17]) {
    return { ok: false, reason: 'check digit is wrong (GB 11643-1999)' };
  }
  return { ok: true, value };
}
