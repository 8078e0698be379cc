import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type Params = Record<string, string>;
type Body = Record<string, unknown>;

export interface HttpSemanticsOptions {
  /** route patterns (`/api/sessions/:id`) whose anonymous GETs anyone may cache, with revalidation */
  publicReads: ReadonlySet<string>;
  /** where the thing a POST created lives, by route; other 201s point at their own URL (+ id) */
  createdAt: Readonly<Record<string, (params: Params, body: Body) => string | undefined>>;
}

function location(request: FastifyRequest, payload: unknown, createdAt: HttpSemanticsOptions['createdAt']): string {
  let body: Body = {};
  try {
    if (typeof payload === 'string') body = (JSON.parse(payload) as Body) ?? {};
  } catch {
    body = {};
  }
  const route = request.routeOptions.url ?? '';
  const known = createdAt[route]?.((request.params ?? {}) as Params, body);
  if (known) return known;
  const path = request.url.split('?')[0]!.replace(/\/$/, '');
  return typeof body.id === 'number' || typeof body.id === 'string' ? `${path}/${body.id}` : path;
}

const etagOf = (payload: string | Buffer) =>
  `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

function isPublicRead(request: FastifyRequest, publicReads: ReadonlySet<string>): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !request.headers.authorization &&
    publicReads.has(request.routeOptions.url ?? '')
  );
}

/**
 * HTTP semantics on every response: `Location` on a 201; public reads carry an `ETag`, answer 304 to
 * a matching `If-None-Match` and may be cached with revalidation; everything else (personal data,
 * tokens, errors) is `Cache-Control: no-store`.
 */
export function installHttpSemantics(fastify: FastifyInstance, options: HttpSemanticsOptions): void {
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!request.url.startsWith('/api/')) return payload;
    if (reply.statusCode === 201 && !reply.hasHeader('location'))
      reply.header('Location', location(request, payload, options.createdAt));
    if (
      reply.statusCode === 200 &&
      isPublicRead(request, options.publicReads) &&
      (typeof payload === 'string' || Buffer.isBuffer(payload))
    ) {
      const etag = etagOf(payload);
      reply.header('ETag', etag);
      reply.header('Cache-Control', 'no-cache');
      reply.header('Vary', 'Accept-Language, Authorization');
      if (matches(request.headers['if-none-match'], etag)) {
        reply.code(304);
        reply.removeHeader('content-length');
        reply.removeHeader('content-type');
        return '';
      }
      return payload;
    }
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
