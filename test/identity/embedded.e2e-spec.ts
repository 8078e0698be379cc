import { startTestApp, TestApp } from '@app/testing/test-app';
import { bearer, createSessions, createUser, loginAdmin, unitIdsByCode } from './identity-helpers';

/** The embedded default (SQLite, no Redis) runs the same identity code: a smoke test. */
describe('identity on SQLite without Redis', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { THROTTLE_LOGIN_FAILURES: '2' });
  });
  afterAll(() => t?.close());

  it('bootstraps the admin, creates and changes users, audits, and throttles in memory', async () => {
    const adminToken = await loginAdmin(t.http);
    const hrss = (await unitIdsByCode(t.http)).get('qz-hrss')!;
    const u = await createUser(t.http, adminToken, { role: 'organizer', unitIds: [hrss] });
    const sessionIds = await createSessions(t.http, adminToken, 2);
    await t.http.patch(`/api/users/${u.id}`).set(bearer(adminToken)).send({ sessionIds }).expect(200);
    expect((await t.http.get('/api/me').set(bearer(u.token)).expect(200)).body).toMatchObject({ sessionIds });

    const since = new Date(Date.now() - 60_000).toISOString();
    const page = (
      await t.http.get(`/api/audit?entity=user&entityId=${u.id}&from=${since}`).set(bearer(adminToken)).expect(200)
    ).body;
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['user.update', 'user.create']);

    for (let i = 0; i < 2; i++) {
      await t.http.post('/api/auth/login').send({ email: u.email, password: 'wrong-password-123' }).expect(401);
    }
    const res = await t.http.post('/api/auth/login').send({ email: u.email, password: u.password }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
