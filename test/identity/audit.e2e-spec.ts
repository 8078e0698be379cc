import { startTestApp, TestApp } from '@app/testing/test-app';
import {
  bearer,
  createSessions,
  createUser,
  loginAdmin,
  strongPassword,
  uniqueEmail,
  unitIdsByCode,
} from './identity-helpers';

interface Entry {
  id: number;
  actor: { id: number; email: string };
  action: string;
  entity: string;
  entityId: number | string | null;
  at: string;
  requestId: string | null;
}

describe('audit log (MariaDB)', () => {
  let t: TestApp;
  let adminToken: string;
  let adminId: number;
  let hrss: number;
  const audit = async (query = '') =>
    (await t.http.get(`/api/audit${query}`).set(bearer(adminToken)).expect(200)).body as {
      items: Entry[];
      total: number;
      page: number;
      pageSize: number;
    };

  beforeAll(async () => {
    t = await startTestApp('mysql');
    adminToken = await loginAdmin(t.http);
    adminId = (await t.http.get('/api/me').set(bearer(adminToken)).expect(200)).body.id;
    hrss = (await unitIdsByCode(t.http)).get('qz-hrss')!;
  });
  afterAll(() => t?.close());

  it('records each admin write with actor, action, entity, id, time and request id; newest first', async () => {
    const before = new Date();
    const created = await t.http
      .post('/api/users')
      .set(bearer(adminToken))
      .set('X-Request-Id', 'req-create-1')
      .send({ email: uniqueEmail('audited'), password: strongPassword(), role: 'organizer', unitIds: [hrss] })
      .expect(201);
    const id = created.body.id as number;
    const [sessionId] = await createSessions(t.http, adminToken, 1);
    await t.http
      .patch(`/api/users/${id}`)
      .set(bearer(adminToken))
      .set('X-Request-Id', 'req-patch-1')
      .send({ sessionIds: [sessionId] })
      .expect(200);

    const page = await audit(`?entity=user&entityId=${id}`);
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(page.items).toEqual([
      {
        id: expect.any(Number),
        actor: { id: adminId, email: 'admin@test.example' },
        action: 'user.update',
        entity: 'user',
        entityId: id,
        at: expect.any(String),
        requestId: 'req-patch-1',
      },
      expect.objectContaining({ action: 'user.create', entityId: id, requestId: 'req-create-1' }),
    ]);
    for (const e of page.items) {
      expect(new Date(e.at).getTime()).toBeGreaterThanOrEqual(before.getTime() - 5);
      expect(new Date(e.at).getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it('uses the logger request id when the client sends none', async () => {
    const u = await createUser(t.http, adminToken, { role: 'admin' });
    const [entry] = (await audit(`?action=user.create&entityId=${u.id}`)).items;
    expect(entry!.requestId).toEqual(expect.stringMatching(/\S/));
  });

  it('records writes by other staff with their own identity', async () => {
    const other = await createUser(t.http, adminToken, { role: 'admin' });
    const target = await createUser(t.http, adminToken, { role: 'organizer', unitIds: [hrss] });
    await t.http.patch(`/api/users/${target.id}`).set(bearer(other.token)).send({ disabled: true }).expect(200);
    const page = await audit(`?actorId=${other.id}`);
    expect(page.items).toEqual([
      expect.objectContaining({
        actor: { id: other.id, email: other.email },
        action: 'user.update',
        entityId: target.id,
      }),
    ]);
  });

  it('does not record reads, failed writes or anonymous requests', async () => {
    const total = (await audit()).total;
    await t.http.get('/api/users').set(bearer(adminToken)).expect(200);
    await t.http.post('/api/users').set(bearer(adminToken)).send({ email: 'x' }).expect(400);
    await t.http.patch('/api/users/99999999').set(bearer(adminToken)).send({ disabled: true }).expect(404);
    await t.http
      .post('/api/auth/login')
      .send({ email: 'admin@test.example', password: 'wrong-password-1' })
      .expect(401);
    await t.http.post('/api/users').send({}).expect(401);
    expect((await audit()).total).toBe(total);
  });

  it('filters by action, entity, actor and time, and pages', async () => {
    const all = await audit('?pageSize=500');
    expect(all.items.length).toBe(all.total);
    const times = all.items.map((e) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    expect((await audit('?action=user.update')).items.every((e) => e.action === 'user.update')).toBe(true);
    expect((await audit(`?actorId=${adminId}`)).items.every((e) => e.actor.id === adminId)).toBe(true);
    expect((await audit('?from=2999-01-01T00:00:00Z')).total).toBe(0);
    expect((await audit('?to=2000-01-01T00:00:00Z')).total).toBe(0);
    const newest = all.items[0]!;
    const window = await audit(`?from=${encodeURIComponent(newest.at)}&to=${encodeURIComponent(newest.at)}`);
    expect(window.items.map((e) => e.id)).toContain(newest.id);

    const p1 = await audit('?page=1&pageSize=2');
    const p2 = await audit('?page=2&pageSize=2');
    expect(p1.items).toHaveLength(2);
    expect(p2.items[0]!.id).not.toBe(p1.items[1]!.id);
    expect(p1.total).toBe(all.total);
  });

  it('400 for bad filters', async () => {
    for (const q of ['?from=yesterday', '?actorId=abc', '?actorId=0', '?pageSize=501', '?unknown=1']) {
      const res = await t.http.get(`/api/audit${q}`).set(bearer(adminToken));
      expect(res.status).toBe(400);
      expect(res.body.details?.length).toBeGreaterThan(0);
    }
  });
});
