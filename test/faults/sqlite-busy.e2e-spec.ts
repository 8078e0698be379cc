import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, enterprise, login } from '@app/testing/fixtures';

/**
 * The embedded engine's "unavailable": another process holds SQLite's write lock for longer than
 * busy_timeout (5 s). The registration answers 503 with Retry-After and writes nothing; once the
 * lock is gone the same request succeeds.
 */
describe('SQLite write lock held elsewhere (embedded mode)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp('sqlite');
  }, 60_000);

  afterAll(() => api?.close());

  it('answers 503 service_unavailable, never 500, and writes nothing while the lock is held', async () => {
    const token = await login(api.http);
    const session = await createSession(api.http, token, await activityId(api.http, '2021-2-2'));
    const other = new Database(join(api.db.dataDir, 'test.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    let res;
    try {
      res = await api.http.post(`/api/sessions/${session.id}/registrations`).send(enterprise(1));
      // reads still work (WAL), so readiness stays 200: only writers wait for the lock
      expect((await api.http.get('/api/health/ready')).status).toBe(200);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({
      statusCode: 503,
      code: 'service_unavailable',
      message: '数据库暂时不可用，请稍后重试',
      details: [{ field: 'database', reason: expect.stringMatching(/^SQLITE_BUSY/) }],
    });
    const view = await api.http.get(`/api/sessions/${session.id}`).expect(200);
    expect(view.body.quotas.find((q: { category: string }) => q.category === 'enterprise').confirmed).toBe(0);

    const again = await api.http.post(`/api/sessions/${session.id}/registrations`).send(enterprise(1));
    expect(again.status).toBe(201);
  }, 30_000);
});
