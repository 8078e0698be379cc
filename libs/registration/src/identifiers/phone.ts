import { toHalfWidth } from './normalize';

/** Mainland mobile numbers: 11 digits starting 13–19; +86/0086 prefixes, spaces and dashes tolerated. */
export function checkMobile(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const value = toHalfWidth(raw)
    .replace(/[\s()-]/g, '')
    .replace(/^(\+86|0086|86(?=1\d{10}$))/, '');
  if (!/^\d{11}$/.test(value)) return { ok: false, reason: 'must be an 11-digit mainland mobile number' };
  if (!/^1[3-9]/.test(value)) return { ok: false, reason: 'is not a mainland mobile number (must start with 13–19)' };
  return { ok: true, value };
}
