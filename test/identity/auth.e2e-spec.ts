import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { IdentityBootstrap, UsersService } from '@app/identity';
import { ADMIN, startTestApp, TestApp } from '@app/testing/test-app';
import {
  bearer,
  createSessions,
  createUser,
  CreatedUser,
  login,
  loginAdmin,
  strongPassword,
  uniqueEmail,
  unitIdsByCode,
} from './identity-helpers';

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('identity: login, tokens and users (MariaDB)', () => {
  let t: TestApp;
  let adminToken: string;
  let units: Map<string, number>;
  const jwt = new JwtService();

  beforeAll(async () => {
    t = await startTestApp('mysql');
    adminToken = await loginAdmin(t.http);
    units = await unitIdsByCode(t.http);
  });
  afterAll(() => t?.close());

  const me = (token: string) => t.http.get('/api/me').set(bearer(token));

  describe('login', () => {
    it('returns a short-lived HS256 token with sub, role and jti', async () => {
      const res = await t.http.post('/api/auth/login').send(ADMIN).expect(200);
      expect(res.body).toMatchObject({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: t.config.jwtTtlSeconds,
      });
      const [header, payload] = (res.body.accessToken as string)
        .split('.')
        .slice(0, 2)
        .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
      expect(header.alg).toBe('HS256');
      expect(payload).toMatchObject({ sub: expect.stringMatching(/^\d+$/), role: 'admin', jti: expect.any(String) });
      expect(payload.exp - payload.iat).toBe(t.config.jwtTtlSeconds);
    });

    it('accepts the email in any case', async () => {
      await t.http
        .post('/api/auth/login')
        .send({ ...ADMIN, email: ADMIN.email.toUpperCase() })
        .expect(200);
    });

    it('answers a wrong password and an unknown account alike, in the contract shape', async () => {
      const wrong = await t.http.post('/api/auth/login').send({ email: ADMIN.email, password: 'not-the-password-123' });
      const unknown = await t.http
        .post('/api/auth/login')
        .send({ email: uniqueEmail('nobody'), password: 'whatever-password' });
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          statusCode: 401,
          code: 'invalid_credentials',
          error: 'Unauthorized',
          message: '邮箱或密码错误',
        });
      }
    });

    it('400 for a malformed body', async () => {
      const res = await t.http.post('/api/auth/login').send({ email: ADMIN.email }).expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
    });
  });

  describe('GET /api/me', () => {
    it('shows the signed-in user with role and scope', async () => {
      const organizer = await createUser(t.http, adminToken, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
      const res = await me(organizer.token).expect(200);
      expect(res.body).toEqual({
        id: organizer.id,
        email: organizer.email,
        role: 'organizer',
        unitIds: [units.get('qz-hrss')],
        sessionIds: [],
      });
    });
  });

  describe('401 for every kind of bad token', () => {
    let user: CreatedUser;
    let claims: Record<string, unknown>;
    beforeAll(async () => {
      user = await createUser(t.http, adminToken, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
      claims = JSON.parse(Buffer.from(user.token.split('.')[1]!, 'base64url').toString());
    });

    const expect401 = async (headers: Record<string, string>) => {
      const req = t.http.get('/api/me');
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      const res = await req;
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
    };

    it('none', () => expect401({}));
    it('malformed header', async () => {
      await expect401({ Authorization: 'Bearer' });
      await expect401({ Authorization: user.token });
      await expect401({ Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` });
      await expect401({ Authorization: 'Bearer not-a-jwt' });
      await expect401({ Authorization: 'Bearer a.b.c' });
    });
    it('wrong signature', () =>
      expect401(bearer(jwt.sign(claims, { secret: 'another-secret-that-is-long-enough-0123456789' }))));
    it('tampered payload (role raised to admin, signature kept)', () => {
      const [header, , signature] = user.token.split('.');
      return expect401(bearer(`${header}.${b64url({ ...claims, role: 'admin', sub: '1' })}.${signature}`));
    });
    it('alg none', () => expect401(bearer(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`)));
    it('signed with the right secret but expired', () => {
      const past = Math.floor(Date.now() / 1000) - 60;
      return expect401(bearer(jwt.sign({ ...claims, iat: past - 3600, exp: past }, { secret: t.config.jwtSecret })));
    });
    it('HS512 with the right secret (only HS256 is accepted)', () => {
      const header = b64url({ alg: 'HS512', typ: 'JWT' });
      const body = b64url(claims);
      const sig = createHmac('sha512', t.config.jwtSecret).update(`${header}.${body}`).digest('base64url');
      return expect401(bearer(`${header}.${body}.${sig}`));
    });
    it('a user that does not exist', () =>
      expect401(bearer(jwt.sign({ ...claims, sub: '99999999' }, { secret: t.config.jwtSecret }))));

    it('a user disabled since the token was issued; re-enabling does not revive the token', async () => {
      const victim = await createUser(t.http, adminToken, { role: 'checkin_staff', unitIds: [units.get('qz-hrss')!] });
      await me(victim.token).expect(200);
      await t.http.patch(`/api/users/${victim.id}`).set(bearer(adminToken)).send({ disabled: true }).expect(200);
      await expect401(bearer(victim.token));
      await t.http.post('/api/auth/login').send({ email: victim.email, password: victim.password }).expect(401);
      await t.http.patch(`/api/users/${victim.id}`).set(bearer(adminToken)).send({ disabled: false }).expect(200);
      await expect401(bearer(victim.token));
      await me(await login(t.http, victim.email, victim.password)).expect(200);
    });

    it('a token issued before a password change', async () => {
      const victim = await createUser(t.http, adminToken, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
      const password = strongPassword();
      await t.http.patch(`/api/users/${victim.id}`).set(bearer(adminToken)).send({ password }).expect(200);
      await expect401(bearer(victim.token));
      await t.http.post('/api/auth/login').send({ email: victim.email, password: victim.password }).expect(401);
      await me(await login(t.http, victim.email, password)).expect(200);
    });

    it('a role change takes effect on the next request, without a new token', async () => {
      const promoted = await createUser(t.http, adminToken, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
      await t.http.get('/api/users').set(bearer(promoted.token)).expect(403);
      await t.http.patch(`/api/users/${promoted.id}`).set(bearer(adminToken)).send({ role: 'admin' }).expect(200);
      await t.http.get('/api/users').set(bearer(promoted.token)).expect(200);
    });
  });

  describe('POST /api/users', () => {
    const post = (body: object) =>
      t.http.post('/api/users').set(bearer(adminToken)).set('Accept-Language', 'en').send(body);

    it('creates a user with its scope and never shows the hash', async () => {
      const [s1, s2] = await createSessions(t.http, adminToken, 2);
      const email = uniqueEmail('Staff').toUpperCase();
      const res = await post({
        email,
        password: strongPassword(),
        role: 'checkin_staff',
        unitIds: [units.get('qz-samr'), units.get('qz-hrss')],
        sessionIds: [s2, s1, s2],
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        email: email.toLowerCase(),
        role: 'checkin_staff',
        unitIds: [units.get('qz-hrss'), units.get('qz-samr')].sort((a, b) => a! - b!),
        sessionIds: [s1, s2],
        disabled: false,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('409 naming the email on a duplicate, whatever its case', async () => {
      const email = uniqueEmail('dup');
      await post({ email, password: strongPassword(), role: 'admin' }).expect(201);
      const res = await post({ email: email.toUpperCase(), password: strongPassword(), role: 'admin' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', existing: { email } });
      expect(res.body.message).toContain(email);
    });

    it('409 for all but one of three concurrent creations with the same email', async () => {
      const email = uniqueEmail('race');
      const statuses = await Promise.all(
        [1, 2, 3].map(() => post({ email, password: strongPassword(), role: 'admin' }).then((r) => r.status)),
      );
      expect(statuses.sort()).toEqual([201, 409, 409]);
    });

    it.each([
      ['too short', 'short-pw-1', 'must be at least 12 characters'],
      ['common (any case)', 'PassWord1234', 'is too common'],
      ['a keyboard walk', '1qaz2wsx3edc', 'is too common'],
    ])('400 for a password that is %s', async (_case, password, reason) => {
      const res = await post({ email: uniqueEmail('pw'), password, role: 'admin' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'password', reason }]);
    });

    it('400 for a password equal to the email', async () => {
      const email = uniqueEmail('same');
      const res = await post({ email, password: email.toUpperCase(), role: 'admin' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'password', reason: 'must not be the email address' }]);
    });

    it('400 naming unitIds[i] for an unknown unit', async () => {
      const res = await post({
        email: uniqueEmail('units'),
        password: strongPassword(),
        role: 'organizer',
        unitIds: [units.get('qz-hrss'), 999999],
      }).expect(400);
      expect(res.body.details).toEqual([{ field: 'unitIds[1]', reason: 'unknown unit 999999' }]);
    });

    it('400 for an organizer without units, a bad role, a bad email, non-integer ids, unknown fields', async () => {
      const base = { email: uniqueEmail('bad'), password: strongPassword() };
      const fields = async (body: object) => [
        ...new Set(((await post(body).expect(400)).body.details as { field: string }[]).map((d) => d.field)),
      ];
      expect(await fields({ ...base, role: 'organizer' })).toEqual(['unitIds']);
      expect(await fields({ ...base, role: 'checkin_staff', unitIds: [] })).toEqual(['unitIds']);
      expect(await fields({ ...base, role: 'root' })).toEqual(['role']);
      expect(await fields({ ...base, email: 'not-an-email', role: 'admin' })).toEqual(['email']);
      expect(await fields({ ...base, role: 'organizer', unitIds: ['1'] })).toEqual(['unitIds']);
      expect(await fields({ ...base, role: 'admin', isAdmin: true })).toEqual(['isAdmin']);
    });
  });

  describe('GET and PATCH /api/users', () => {
    it('lists users paginated, without hashes', async () => {
      const res = await t.http.get('/api/users?page=1&pageSize=2').set(bearer(adminToken)).expect(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
      expect(res.body.items).toHaveLength(2);
      expect(res.body.total).toBeGreaterThan(2);
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
      await t.http.get('/api/users?pageSize=0').set(bearer(adminToken)).expect(400);
    });

    it('changes role, units and sessions; lists are replaced', async () => {
      const u = await createUser(t.http, adminToken, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
      const [s] = await createSessions(t.http, adminToken, 1);
      const res = await t.http
        .patch(`/api/users/${u.id}`)
        .set(bearer(adminToken))
        .send({ role: 'checkin_staff', unitIds: [units.get('qz-samr')], sessionIds: [s] })
        .expect(200);
      expect(res.body).toMatchObject({ role: 'checkin_staff', unitIds: [units.get('qz-samr')], sessionIds: [s] });
      expect((await me(u.token).expect(200)).body).toMatchObject({ role: 'checkin_staff', sessionIds: [s] });
    });

    it('400 for a weak new password or a scope the role cannot use; 404 for an unknown user', async () => {
      const u = await createUser(t.http, adminToken, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
      const patch = (id: number, body: object) =>
        t.http.patch(`/api/users/${id}`).set(bearer(adminToken)).set('Accept-Language', 'en').send(body);
      expect((await patch(u.id, { password: 'iloveyou1234' }).expect(400)).body.details).toEqual([
        { field: 'password', reason: 'is too common' },
      ]);
      expect((await patch(u.id, { unitIds: [] }).expect(400)).body.details).toEqual([
        { field: 'unitIds', reason: 'an organizer needs at least one unit' },
      ]);
      await patch(99999999, { disabled: true }).expect(404);
      await patch(0, { disabled: true }).expect(400);
    });

    it('an admin cannot disable or demote itself', async () => {
      const self = (await me(adminToken).expect(200)).body.id;
      const patch = (body: object) => t.http.patch(`/api/users/${self}`).set(bearer(adminToken)).send(body);
      await patch({ disabled: true }).expect(422);
      await patch({ role: 'organizer', unitIds: [units.get('qz-hrss')] }).expect(422);
      await me(adminToken).expect(200);
    });
  });

  describe('first administrator', () => {
    it('ensureAdmin is idempotent and safe when run concurrently', async () => {
      const bootstrap = t.app.get(IdentityBootstrap);
      await Promise.all([bootstrap.ensureAdmin(), bootstrap.ensureAdmin(), bootstrap.ensureAdmin()]);
      const users = t.app.get(UsersService);
      const email = uniqueEmail('boot');
      const created = await Promise.all([1, 2, 3, 4].map(() => users.ensureAdmin(email, strongPassword())));
      expect(created.filter(Boolean)).toHaveLength(1);
      const list = await t.http.get('/api/users?pageSize=500').set(bearer(adminToken)).expect(200);
      const emails = (list.body.items as { email: string }[]).map((u) => u.email);
      expect(emails.filter((e) => e === ADMIN.email)).toHaveLength(1);
      expect(emails.filter((e) => e === email)).toHaveLength(1);
    });

    it('refuses a weak ADMIN_PASSWORD', async () => {
      await expect(t.app.get(UsersService).ensureAdmin(uniqueEmail('weak'), 'password')).rejects.toThrow(
        /ADMIN_PASSWORD/,
      );
    });
  });
});
