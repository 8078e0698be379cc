import { startApiProcess, ApiProcess } from '@app/testing/api-process';
import { ADMIN, testEnv } from '@app/testing/test-app';
import { createTestDatabase, TestDatabase } from '@app/testing/test-db';

interface LogLine {
  msg?: string;
  req?: { url?: string; headers?: Record<string, string> };
  res?: { statusCode?: number };
}

/**
 * The compiled API (Fastify, nestjs-pino, pino-http) logging at info: its request lines hide
 * every credential a request carries, while the application still receives them.
 */
describe('request log of the running API', () => {
  let db: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    api = await startApiProcess(testEnv(db, { LOG_LEVEL: 'info' }), { captureStdout: true });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const completed = async (path: string): Promise<LogLine> => {
    for (let i = 0; i < 50; i++) {
      const line = api
        .stdout()
        .split('\n')
        // JSON lines (the startup banner is plain text)
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as LogLine)
        .find((l) => l.msg === 'request completed' && l.req?.url?.startsWith(path));
      if (line) return line;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no request line for ${path}`);
  };

  it('hides the bearer token, the manage token and cookies, and the application still gets them', async () => {
    const login = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const manage = 'mt_e2e-secret-manage-token';

    // the bearer token reached the guard: the caller is known
    const me = await fetch(`${api.url}/api/me`, {
      headers: { authorization: `Bearer ${accessToken}`, cookie: `session=${manage}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(ADMIN.email);
    // a wrong manage token in the query and the header: refused, not a server error
    const probe = await fetch(`${api.url}/api/registrations/999999?token=${manage}&lang=en`, {
      headers: { 'x-manage-token': manage, referer: `https://talent.example/r/1?token=${manage}` },
    });
    expect(probe.status).toBeLessThan(500);

    const meLine = await completed('/api/me');
    expect(meLine.res?.statusCode).toBe(200);
    expect(meLine.req?.headers).toMatchObject({ authorization: '[Redacted]', cookie: '[Redacted]' });
    const probeLine = await completed('/api/registrations/999999');
    expect(probeLine.req?.url).toBe('/api/registrations/999999?token=[Redacted]&lang=en');
    expect(probeLine.req?.headers).toMatchObject({
      'x-manage-token': '[Redacted]',
      referer: 'https://talent.example/r/1?token=[Redacted]',
    });
    expect(api.stdout()).not.toContain(accessToken);
    expect(api.stdout()).not.toContain(manage);
    expect(api.stdout()).not.toContain(ADMIN.password);
  });
});
