/** Parameter names whose values never reach the log, in URLs, query strings, headers or bodies. */
const SECRET_PARAMS =
  /([?&;](?:token|manageToken|manage_token|access_token|refreshToken|refresh_token|password)=)[^&;#\s"']*/gi;

/** `/api/registrations/1?token=abc&x=1` → `/api/registrations/1?token=[Redacted]&x=1` */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[Redacted]');
}

/** Paths (pino redact syntax) of the serialized request and response that are always hidden. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-manage-token"]',
  'res.headers["set-cookie"]',
  'req.query.token',
  'req.query.manageToken',
  'req.params.token',
  'req.body.token',
  'req.body.password',
  'req.body.refreshToken',
  '*.token',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
];

export type SerializedReq = { url?: string; query?: Record<string, unknown>; headers?: Record<string, unknown> };

/**
 * The request serializer: scrubs tokens out of the URL (and out of a `Referer` that carries one),
 * where path redaction cannot reach.
 */
export function serializeRequest(req: SerializedReq): SerializedReq {
  if (typeof req.url === 'string') req.url = redactUrl(req.url);
  for (const name of ['referer', 'referrer']) {
    const value = req.headers?.[name];
    if (typeof value === 'string') req.headers![name] = redactUrl(value);
  }
  return req;
}
