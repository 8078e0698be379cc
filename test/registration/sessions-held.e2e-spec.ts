import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, login, targetActual } from '@app/testing/fixtures';

/** Counting rules: `sessions_held` counts sessions that took place; completing one before it starts is refused. */
describe.each(['sqlite', 'mysql'] as const)('sessions held on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let county: number;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const held = async () => {
    return targetActual(t.http, admin, '2021-1-1-county-competitions');
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await login(t.http);
    county = await activityId(t.http, '2021-1-1');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses to mark a county competition dated next year completed (422 session_not_started), and does not count it', async () => {
    const s = await createSession(t.http, admin, county, { startsInHours: 24 * 365 });
    await t.http.patch(`/api/sessions/${s.id}`).set(auth()).send({ level: 'county' }).expect(200);
    const res = await t.http.patch(`/api/sessions/${s.id}`).set(auth()).send({ status: 'completed' }).expect(422);
    expect(res.body).toMatchObject({ code: 'session_not_started', details: [{ field: 'status' }] });
    expect((await t.http.get(`/api/sessions/${s.id}`).expect(200)).body.status).toBe('scheduled');
    expect(await held()).toBe(0);
  });

  it('counts a session marked completed once it has started', async () => {
    const s = await createSession(t.http, admin, county, { startsInHours: 1 });
    await t.http
      .patch(`/api/sessions/${s.id}`)
      .set(auth())
      .send({
        level: 'county',
        startsAt: new Date(Date.now() - 3600_000).toISOString(),
        registrationOpensAt: new Date(Date.now() - 5 * 3600_000).toISOString(),
        registrationClosesAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      })
      .expect(200);
    expect(await held()).toBe(0); // started, not over, not completed: not yet held
    await t.http.patch(`/api/sessions/${s.id}`).set(auth()).send({ status: 'completed' }).expect(200);
    expect(await held()).toBe(1);
  });
});
