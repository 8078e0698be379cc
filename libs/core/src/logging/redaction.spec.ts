import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import supertest from 'supertest';
import type { Options } from 'pino-http';
import { loadConfig } from '../config/app-config';
import { loggerParams } from './logger-params';
import { redactUrl, serializeRequest } from './redaction';

/** The API's request logger on a real HTTP server, its output captured line by line. */
function loggedServer() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  // the API's own settings (JSON, as when stdout is not a terminal), writing into `sink`
  const config = { ...loadConfig({ JWT_SECRET: 'x'.repeat(32) }), logLevel: 'info' };
  const { transport: _pretty, ...options } = loggerParams(config, { httpRequests: true }).pinoHttp as Options;
  const logger = pinoHttp(options, sink);
  const server = createServer((req, res) => {
    (req as unknown as { query: object }).query = Object.fromEntries(new URL(req.url!, 'http://x').searchParams);
    logger(req, res);
    // what the application sees after the logger: the request as it came
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ headers: req.headers, query: (req as unknown as { query: object }).query }));
  });
  return { server, lines };
}

describe('request log', () => {
  it('never contains a manage token, in the url, query, headers or a referer', async () => {
    const { server, lines } = loggedServer();
    const secret = 'mt_5ecret-manage-token-value';
    const seen = await supertest(server)
      .get(`/api/registrations/7?lang=en&token=${secret}&manageToken=${secret}`)
      .set('Authorization', `Bearer ${secret}`)
      .set('Cookie', `session=${secret}`)
      .set('X-Manage-Token', secret)
      .set('Referer', `https://talent.example/manage/7?token=${secret}#top`)
      .set('Accept-Language', 'en')
      .expect(200);
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(secret);
    const entry = JSON.parse(lines[0]!) as {
      req: { url: string; query: Record<string, string>; headers: Record<string, string> };
    };
    expect(entry.req.url).toBe('/api/registrations/7?lang=en&token=[Redacted]&manageToken=[Redacted]');
    expect(entry.req.query).toEqual({ lang: 'en', token: '[Redacted]', manageToken: '[Redacted]' });
    expect(entry.req.headers).toMatchObject({
      authorization: '[Redacted]',
      cookie: '[Redacted]',
      'x-manage-token': '[Redacted]',
      referer: 'https://talent.example/manage/7?token=[Redacted]#top',
      'accept-language': 'en',
    });
    // the application still gets every credential: only the log's copy is scrubbed
    const body = seen.body as { headers: Record<string, string>; query: Record<string, string> };
    expect(body.headers.authorization).toBe(`Bearer ${secret}`);
    expect(body.headers.cookie).toBe(`session=${secret}`);
    expect(body.headers['x-manage-token']).toBe(secret);
    expect(body.headers.referer).toContain(secret);
    expect(body.query.token).toBe(secret);
  });

  it('hides tokens in path parameters and bodies, and leaves a request without secrets as it is', () => {
    const headers = { 'user-agent': 'x' };
    const query = { page: '2' };
    const plain = serializeRequest({ url: '/a?page=2', headers, query, params: { id: '7' }, body: { name: 'n' } });
    expect(plain.headers).toBe(headers);
    expect(plain.query).toBe(query);
    expect(plain).toEqual({ url: '/a?page=2', headers, query, params: { id: '7' }, body: { name: 'n' } });
    const secret = serializeRequest({
      params: { token: 't', id: '7' },
      body: { token: 't', password: 'p', refreshToken: 'r', name: 'n' },
    });
    expect(secret).toEqual({
      params: { token: '[Redacted]', id: '7' },
      body: { token: '[Redacted]', password: '[Redacted]', refreshToken: '[Redacted]', name: 'n' },
    });
    expect(Object.keys(serializeRequest({ url: '/a' }))).toEqual(['url']);
  });

  it('keeps the rest of a URL', () => {
    expect(redactUrl('/a?token=x&page=2')).toBe('/a?token=[Redacted]&page=2');
    expect(redactUrl('/a?page=2&TOKEN=x')).toBe('/a?page=2&TOKEN=[Redacted]');
    expect(redactUrl('/a?tokens=1')).toBe('/a?tokens=1');
  });
});
