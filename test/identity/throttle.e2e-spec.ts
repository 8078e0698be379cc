import Redis from 'ioredis';
import { ADMIN, startTestApp, TestApp } from '@app/testing/test-app';
import { createTestDatabase, TEST_REDIS_URL, TestDatabase } from '@app/testing/test-db';
import { bearer, createUser, CreatedUser, loginAdmin, uniqueEmail } from './identity-helpers';

// a logical database of its own, flushed at the start; nothing else in the suite uses it
const REDIS_DB = 11;
const REDIS_URL = `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/${REDIS_DB}`;
const WINDOW_SECONDS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('throttling across API processes sharing Redis (MariaDB)', () => {
  let db: TestDatabase;
  let redis: Redis;
  let a: TestApp;
  let b: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    await redis.flushdb();
    db = await createTestDatabase('mysql');
    const env = { REDIS_URL, THROTTLE_LOGIN_WINDOW_SECONDS: String(WINDOW_SECONDS), THROTTLE_LOGIN_FAILURES: '5' };
    // both start at once on one empty database: migrations, plan import and the admin bootstrap race
    [a, b] = await Promise.all([startTestApp('mysql', env, db), startTestApp('mysql', env, db)]);
    adminToken = await loginAdmin(a.http);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
    await redis?.quit();
  });

  /** Bad or good logins, alternating between the two processes. */
  const attempt = (i: number, email: string, password: string, ip = '192.0.2.10') =>
    (i % 2 === 0 ? a : b).http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('both processes started on one database with exactly one administrator', async () => {
    const list = await b.http.get('/api/users?pageSize=500').set(bearer(adminToken)).expect(200);
    expect((list.body.items as { email: string }[]).filter((u) => u.email === ADMIN.email)).toHaveLength(1);
  });

  describe('failed logins per account', () => {
    let user: CreatedUser;
    beforeAll(async () => {
      user = await createUser(a.http, adminToken, { role: 'admin', email: uniqueEmail('throttled') });
    });

    it('429 with Retry-After from either process after 5 failures, then a correct login works after the window', async () => {
      for (let i = 0; i < 5; i++) expect((await attempt(i, user.email, 'wrong-password-123')).status).toBe(401);
      for (let i = 5; i < 8; i++) {
        const res = await attempt(i, user.email, i === 7 ? user.password : 'wrong-password-123');
        expect(res.status).toBe(429);
        expect(res.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String) });
        const retryAfter = Number(res.headers['retry-after']);
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
      }
      expect(await redis.keys('tep:throttle:login:account:*')).not.toHaveLength(0);

      const res = await attempt(7, user.email, user.password);
      await sleep(Number(res.headers['retry-after'] ?? WINDOW_SECONDS) * 1000 + 200);
      const ok = await attempt(8, user.email, user.password);
      expect(ok.status).toBe(200);
      await a.http.get('/api/me').set(bearer(ok.body.accessToken)).expect(200);
    });

    it('a successful login resets the account counter', async () => {
      await sleep(WINDOW_SECONDS * 1000 + 100);
      for (let i = 0; i < 4; i++) expect((await attempt(i, user.email, 'wrong-password-123')).status).toBe(401);
      expect((await attempt(4, user.email, user.password)).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await attempt(i, user.email, 'wrong-password-123')).status).toBe(401);
      expect((await attempt(5, user.email, user.password)).status).toBe(200);
    });

    it('concurrent guesses on both processes get exactly the limit of tries', async () => {
      const email = uniqueEmail('burst');
      const statuses = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          attempt(i, email, 'wrong-password-123', '192.0.2.20').then((r) => r.status),
        ),
      );
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(19);
    });
  });

  // the 2-second login window above is too short for 20 argon2 checks, so these use two more
  // processes with the default 15-minute window
  describe('per client IP', () => {
    let c: TestApp;
    let d: TestApp;
    beforeAll(async () => {
      const env = { REDIS_URL, THROTTLE_PUBLIC_PER_MINUTE: '30' };
      [c, d] = await Promise.all([startTestApp('mysql', env, db), startTestApp('mysql', env, db)]);
    });
    afterAll(() => Promise.all([c?.close(), d?.close()]));
    const post = (i: number, ip: string, body: object) =>
      (i % 2 === 0 ? c : d).http.post('/api/auth/login').set('X-Forwarded-For', ip).send(body);

    it('failed logins: 4 × the account limit across accounts, then 429 even with the right password', async () => {
      const ip = '192.0.2.30';
      for (let i = 0; i < 20; i++) {
        expect((await post(i, ip, { email: uniqueEmail('spray'), password: 'wrong-password-123' })).status).toBe(401);
      }
      const blocked = await post(20, ip, ADMIN);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
      expect((await post(21, '192.0.2.31', ADMIN)).status).toBe(200);
    });

    it('public writes: 429 with Retry-After once the minute budget is spent, whichever process answers', async () => {
      const ip = '198.51.100.9';
      // an invalid body is rejected after the guard, so each request counts without an argon2 check
      for (let i = 0; i < 30; i++) expect((await post(i, ip, {})).status).toBe(400);
      for (let i = 30; i < 32; i++) {
        const res = await post(i, ip, ADMIN);
        expect(res.status).toBe(429);
        expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
        const retryAfter = Number(res.headers['retry-after']);
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
      }
      // another address has its own budget; GET routes are not counted
      await c.http.post('/api/auth/login').set('X-Forwarded-For', '198.51.100.10').send(ADMIN).expect(200);
      await c.http.get('/api/units').set('X-Forwarded-For', ip).expect(200);
      expect(await redis.keys('tep:throttle:public:*')).toEqual(
        expect.arrayContaining(['tep:throttle:public:198.51.100.9']),
      );
    });
  });
});
