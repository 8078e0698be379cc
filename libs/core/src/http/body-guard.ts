import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, invalid } from '../errors/app-error';

/** Deeper than any body this API takes; validators recurse, so depth is refused before them. */
export const MAX_BODY_DEPTH = 32;

/** NUL and other C0 controls (tab, CR, LF allowed), U+FFFE/U+FFFF, and surrogates without a partner. */
const BAD_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasBadCharacters = (text: string): boolean => BAD_CHARACTERS.test(text);

const badCharacters = (field: string): AppError =>
  invalid(
    [{ field, reason: 'contains characters that are not allowed', key: 'badCharacters' }],
    `${field}: contains characters that are not allowed`,
  ).as('invalid_characters', { field });

const child = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * Walks a parsed body without recursion: too deep → 400 `body_too_deep`; a string or key
 * with characters no text field may hold → 400 `invalid_characters` naming the field.
 */
export function checkParsedBody(body: unknown, maxDepth = MAX_BODY_DEPTH): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (hasBadCharacters(value)) throw badCharacters(path || 'body');
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) {
      throw invalid(
        [
          {
            field: path || 'body',
            reason: `is nested more than ${maxDepth} levels deep`,
            key: 'tooDeep',
            params: { max: maxDepth },
          },
        ],
        `The request body is nested too deeply (at most ${maxDepth} levels)`,
      ).as('body_too_deep', { max: maxDepth });
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: child(path, i), depth: depth + 1 }));
      continue;
    }
    for (const [key, v] of Object.entries(value)) {
      const field = child(path, key);
      if (hasBadCharacters(key)) throw badCharacters(field);
      stack.push({ value: v, path: field, depth: depth + 1 });
    }
  }
}

/** Query strings and route params: the same characters are refused, naming the parameter. */
export function checkRequestText(request: FastifyRequest): void {
  for (const source of [request.query, request.params]) {
    if (!source || typeof source !== 'object') continue;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      const values = Array.isArray(value) ? value : [value];
      if (hasBadCharacters(key) || values.some((v) => typeof v === 'string' && hasBadCharacters(v))) {
        throw badCharacters(key);
      }
    }
  }
}

/**
 * JSON is the only text body: Fastify's default JSON parser (prototype poisoning refused) with the
 * depth and character checks after it, and no `text/plain` parser, so a body of another media
 * type is a 415 rather than a string the validators reject.
 */
export function installBodyGuard(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error: Error | null, parsed?: unknown) => {
      if (error) return done(error, undefined);
      try {
        checkParsedBody(parsed);
      } catch (problem) {
        return done(problem as Error, undefined);
      }
      done(null, parsed);
    });
  });
  fastify.addHook('preValidation', async (request) => checkRequestText(request));
}
