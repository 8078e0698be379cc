import { ValidateBy, ValidationOptions } from 'class-validator';

/** Limits of a registrant's free-form answers: enough for any sign-up form, not a storage service. */
export const ANSWERS_MAX_BYTES = 16 * 1024;
export const ANSWERS_MAX_KEYS = 50;

/** Keys at every depth (a nested object counts its own keys too). */
function countKeys(value: unknown, depth = 0): number {
  if (depth > 20 || value === null || typeof value !== 'object') return 0;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.reduce((n, [, v]) => n + (Array.isArray(value) ? 0 : 1) + countKeys(v, depth + 1), 0);
}

/** Why `answers` is too big, or undefined. */
export function answersProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (countKeys(value) > ANSWERS_MAX_KEYS) return `must have at most ${ANSWERS_MAX_KEYS} keys`;
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  } catch {
    return 'must be plain JSON';
  }
  if (bytes > ANSWERS_MAX_BYTES) return `must be at most ${ANSWERS_MAX_BYTES / 1024} KB as JSON`;
  return undefined;
}

/** `answers` within {@link ANSWERS_MAX_KEYS} keys and {@link ANSWERS_MAX_BYTES} serialized. */
export const AnswersWithinLimits = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'answersWithinLimits',
      validator: {
        validate: (value: unknown) => answersProblem(value) === undefined,
        defaultMessage: (args) => answersProblem(args?.value) ?? 'is too large',
      },
    },
    options,
  );
