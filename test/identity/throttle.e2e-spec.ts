import Redis from 'ioredis';
import { ADMIN, startTestApp, TestApp } from '@app/testing/test-app';
import { createTestDatabase, TEST_REDIS_URL, TestDatabase } from '@app/testing/test-db';
import { bearer, createUser, CreatedUser, loginAdmin, uniqueEmail, unitIdsByCode } from './identity-helpers';

// a logical database of its own, flushed at the start; nothing else in the suite uses it
const REDIS_DB = 11;
const REDIS_URL = `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/${REDIS_DB}`;
// long enough for five argon2 checks on a busy 2-core machine
const WINDOW_SECONDS = 6;
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
        expect(res.body).toEqual({
          statusCode: 429,
          code: 'too_many_requests',
          error: 'Too Many Requests',
          message: expect.any(String),
        });
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

  // the short login window above is too short for 20 argon2 checks, so these use two more
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

    it('five bad passwords from one client do not stop the right password from another client', async () => {
      const user = await createUser(c.http, adminToken, { role: 'admin', email: uniqueEmail('pair') });
      const wrong = { email: user.email, password: 'wrong-password-123' };
      for (let i = 0; i < 5; i++) expect((await post(i, '203.0.113.1', wrong)).status).toBe(401);
      const blocked = await post(5, '203.0.113.1', { email: user.email, password: user.password });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
      expect((await post(6, '203.0.113.2', { email: user.email, password: user.password })).status).toBe(200);
    });

    it('an administrator unlocks an account for every client at once', async () => {
      const user = await createUser(c.http, adminToken, { role: 'admin', email: uniqueEmail('unlock') });
      const wrong = { email: user.email, password: 'wrong-password-123' };
      for (let i = 0; i < 5; i++) expect((await post(i, '203.0.113.3', wrong)).status).toBe(401);
      expect((await post(5, '203.0.113.3', { email: user.email, password: user.password })).status).toBe(429);
      await d.http.post(`/api/users/${user.id}/unlock`).set(bearer(user.token)).expect(204);
      await d.http.post('/api/users/999999/unlock').set(bearer(adminToken)).expect(404);
      expect((await post(6, '203.0.113.3', { email: user.email, password: user.password })).status).toBe(200);
    });

    it('failures from many clients slow the account down (short, growing waits) instead of locking it', async () => {
      const user = await createUser(c.http, adminToken, { role: 'admin', email: uniqueEmail('slowed') });
      const wrong = { email: user.email, password: 'wrong-password-123' };
      // 4 × 5 failures from four clients reach the account's ceiling; none of them is locked out elsewhere
      for (let i = 0; i < 20; i++) expect((await post(i, `203.0.113.${10 + (i % 4)}`, wrong)).status).toBe(401);
      // past it, one attempt per delay goes through and the others wait seconds, not the window
      expect((await post(20, '203.0.113.20', wrong)).status).toBe(401);
      const slowed = await post(21, '203.0.113.21', { email: user.email, password: user.password });
      expect(slowed.status).toBe(429);
      const wait = Number(slowed.headers['retry-after']);
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(2);
      await sleep(wait * 1000 + 100);
      expect((await post(22, '203.0.113.21', wrong)).status).toBe(401);
      const longer = await post(23, '203.0.113.21', { email: user.email, password: user.password });
      expect(longer.status).toBe(429);
      expect(Number(longer.headers['retry-after'])).toBeGreaterThan(2);
      expect(Number(longer.headers['retry-after'])).toBeLessThanOrEqual(4);
      await sleep(Number(longer.headers['retry-after']) * 1000 + 100);
      expect((await post(24, '203.0.113.22', { email: user.email, password: user.password })).status).toBe(200);
    });

    describe('the queue dashboard (Bull Board) checks the user table, not ADMIN_PASSWORD', () => {
      const board = (i: number, email: string, password: string, ip = '203.0.113.40') =>
        (i % 2 === 0 ? c : d).http.get('/api/admin/queues/api/queues').set('X-Forwarded-For', ip).auth(email, password);

      it('admins with their current password only; disabled and non-admin users refused', async () => {
        await c.http.get('/api/admin/queues').expect(401);
        expect((await board(0, ADMIN.email, ADMIN.password)).status).toBe(200);
        const admin = await createUser(c.http, adminToken, { role: 'admin', email: uniqueEmail('board') });
        expect((await board(1, admin.email, admin.password)).status).toBe(200);
        const newPassword = `${admin.password}-changed`;
        await c.http
          .patch(`/api/users/${admin.id}`)
          .set(bearer(adminToken))
          .send({ password: newPassword })
          .expect(200);
        expect((await board(2, admin.email, admin.password)).status).toBe(401);
        expect((await board(3, admin.email, newPassword)).status).toBe(200);
        await c.http.patch(`/api/users/${admin.id}`).set(bearer(adminToken)).send({ disabled: true }).expect(200);
        expect((await board(4, admin.email, newPassword)).status).toBe(401);
        const units = await unitIdsByCode(c.http);
        const organizer = await createUser(c.http, adminToken, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
        expect((await board(5, organizer.email, organizer.password)).status).toBe(403);
      });

      it('failures are throttled like login', async () => {
        for (let i = 0; i < 5; i++)
          expect((await board(i, ADMIN.email, 'wrong-password-123', '203.0.113.41')).status).toBe(401);
        const blocked = await board(5, ADMIN.email, ADMIN.password, '203.0.113.41');
        expect(blocked.status).toBe(429);
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
        expect((await board(6, ADMIN.email, ADMIN.password, '203.0.113.42')).status).toBe(200);
      });
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
