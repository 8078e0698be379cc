import * as argon2 from 'argon2';
import { FieldProblem } from '@app/core';
import { MIN_PASSWORD_SCORE, passwordScore } from './password-strength';

export const PASSWORD_MIN_LENGTH = 12;
// argon2 hashes anything, but an unbounded input is a cheap way to burn CPU
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Why `password` is not acceptable for the account `email`, or undefined when it is: at least
 * 12 characters, not the email, and hard to guess by zxcvbn's estimate (common passwords, English
 * and pinyin words, names, keyboard walks, dates, repeats and the email's own words all count
 * as guessable).
 */
export function passwordProblem(password: string, email: string): FieldProblem | undefined {
  const reason = (text: string): FieldProblem => ({ field: 'password', reason: text });
  if ([...password].length < PASSWORD_MIN_LENGTH) return reason(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) return reason(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (password.toLowerCase() === email.trim().toLowerCase()) return reason('must not be the email address');
  if (passwordScore(password, email) < MIN_PASSWORD_SCORE) return reason('is too common');
  return undefined;
}

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

/** Constant-shape check: a malformed stored hash counts as a mismatch, never as an error. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
