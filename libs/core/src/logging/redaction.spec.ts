import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import supertest from 'supertest';
import type { Options } from 'pino-http';
import { loadConfig } from '../config/app-config';
import { loggerParams } from './logger-params';
import { redactUrl } from './redaction';

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
    logger(req, res);
    (req as unknown as { query: object }).query = Object.fromEntries(new URL(req.url!, 'http://x').searchParams);
    res.end('{}');
  });
  return { server, lines };
}

describe('request log', () => {
  it('never contains a manage token, in the url, query, headers or a referer', async () => {
    const { server, lines } = loggedServer();
    const secret = 'mt_5ecret-manage-token-value';
    await supertest(server)
      .get(`/api/registrations/7?lang=en&token=${secret}`)
      .set('Authorization', `Bearer ${secret}`)
      .set('X-Manage-Token', secret)
      .set('Referer', `https://talent.example/manage/7?token=${secret}#top`)
      .expect(200);
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(secret);
    const entry = JSON.parse(lines[0]!) as { req: { url: string; query: Record<string, string> } };
    expect(entry.req.url).toBe('/api/registrations/7?lang=en&token=[Redacted]');
  });

  it('keeps the rest of a URL', () => {
    expect(redactUrl('/a?token=x&page=2')).toBe('/a?token=[Redacted]&page=2');
    expect(redactUrl('/a?page=2&TOKEN=x')).toBe('/a?page=2&TOKEN=[Redacted]');
    expect(redactUrl('/a?tokens=1')).toBe('/a?tokens=1');
  });
});
