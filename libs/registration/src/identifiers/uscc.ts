import { normalizeCode } from './normalize';

// GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z); the last is a check character.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Returns the normalized code, or the reason it is not a 统一社会信用代码. */
export function checkUscc(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const value = normalizeCode(raw);
  if (value.length !== 18) return { ok: false, reason: 'must be 18 characters (统一社会信用代码)' };
  if (![...value].every((c) => ALPHABET.includes(c))) {
    return {
      ok: false,
      reason: 'contains a character not allowed in a 统一社会信用代码 (I, O, S, V, Z or punctuation)',
    };
  }
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) {
    return { ok: false, reason: 'check character is wrong (GB 32100-2015)' };
  }
  return { ok: true, value };
}
