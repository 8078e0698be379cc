import { createHmac, timingSafeEqual } from 'node:crypto';
import { pooledRandomBytes } from '@app/core';

/**
 * Manage tokens are HMACs of a per-registration nonce: nothing secret is stored, yet any
 * later mail (promoted, approved) can carry the holder's link again.
 */
export class ManageTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('registration-manage-token').digest();
  }

  issue(): { nonce: string; token: string } {
    const nonce = pooledRandomBytes(12).toString('hex');
    return { nonce, token: this.tokenFor(nonce) };
  }

  tokenFor(nonce: string): string {
    return createHmac('sha256', this.key).update(nonce).digest('base64url');
  }

  verify(nonce: string, token: string | undefined): boolean {
    if (!token) return false;
    const expected = Buffer.from(this.tokenFor(nonce));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

// Crockford-style alphabet without 0/O/1/I/L: read aloud at the door without confusion.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 10 characters ≈ 49 bits: unguessable for the life of a session. */
export function newCheckInCode(): string {
  const bytes = pooledRandomBytes(10);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}
