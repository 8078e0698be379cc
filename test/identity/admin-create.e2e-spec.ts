import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@app/testing/repo-root';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { createTestDatabase, TestDatabase } from '@app/testing/test-db';

const run = promisify(execFile);

/** `npm run admin:create` (the compiled script) against a fresh SQLite file, then a login with it. */
describe('admin:create', () => {
  let db: TestDatabase;
  let t: TestApp | undefined;
  const email = 'first-admin@test.example';
  const password = 'staple-horse-battery-2026';

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await t?.close();
    await db.drop();
  });

  const createAdmin = (env: Record<string, string>, input?: string) => {
    const child = run(process.execPath, [join(repoRoot(), 'dist/scripts/create-admin.js'), '--email', email], {
      env: { PATH: process.env.PATH!, NODE_ENV: 'test', DATA_DIR: db.dataDir, DATABASE_URL: db.url, ...env },
    });
    child.child.stdin!.end(input ?? '');
    return child.catch((failed: { code: number; stdout: string; stderr: string }) => failed);
  };

  it('refuses a weak password and creates nothing', async () => {
    const result = await createAdmin({ ADMIN_PASSWORD: 'short' });
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('at least 12 characters') });
  });

  it('creates the administrator from a piped password, and says so once', async () => {
    const first = await createAdmin({}, `${password}\n`);
    expect(first.stdout).toContain(`administrator ${email} created`);
    const again = await createAdmin({ ADMIN_PASSWORD: password });
    expect(again.stdout).toContain('exists already; nothing changed');
  });

  it('the new administrator can sign in', async () => {
    t = await startTestApp('sqlite', { ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined }, db);
    const login = await t.http.post('/api/auth/login').send({ email, password });
    expect(login.status).toBe(200);
    const me = await t.http.get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(me.body).toMatchObject({ email, role: 'admin' });
  });
});
