import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, enterprise, login, phd, targetActual } from '@app/testing/fixtures';

/** Counting rules: a cancelled session counts for nothing, and its registrants are told. */
describe.each(['sqlite', 'mysql'] as const)('cancelled session on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const actual = (code: string) => targetActual(t.http, admin, code);

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await login(t.http);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('drops the cancelled session: registrations cancelled with notice, counters and distinct counts back to zero', async () => {
    const fair = await activityId(t.http, '2021-2-2');
    const kept = await createSession(t.http, admin, fair);
    const doomed = await createSession(t.http, admin, fair, {
      quotas: [
        { category: 'enterprise', capacity: 2 },
        { category: 'phd', capacity: 1 },
      ],
    });
    await t.http.post(`/api/sessions/${kept.id}/registrations`).send(enterprise(1)).expect(201);
    const regs = [];
    for (const n of [2, 3, 4])
      regs.push((await t.http.post(`/api/sessions/${doomed.id}/registrations`).send(enterprise(n))).body);
    expect(regs.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    await t.http.post(`/api/sessions/${doomed.id}/registrations`).send(phd(1)).expect(201);
    expect(await actual('2021-2-2-enterprises')).toBe(3);
    expect(await actual('2021-2-2-phds')).toBe(1);

    await t.http.patch(`/api/sessions/${doomed.id}`).set(auth()).send({ status: 'cancelled' }).expect(200);

    expect(await actual('2021-2-2-enterprises')).toBe(1);
    expect(await actual('2021-2-2-phds')).toBe(0);
    const view = await t.http.get(`/api/sessions/${doomed.id}`).expect(200);
    for (const q of view.body.quotas) expect([q.confirmed, q.pending, q.waitlisted]).toEqual([0, 0, 0]);
    const list = await t.http.get(`/api/sessions/${doomed.id}/registrations`).set(auth()).expect(200);
    expect(list.body.items.map((r: { status: string }) => r.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    // every active registrant got the cancellation notice (outbox, like other session changes)
    const notes = await t.http.get(`/api/notifications?type=session_cancelled&pageSize=50`).set(auth()).expect(200);
    const told = new Set(notes.body.items.map((n: { registrationId: number }) => n.registrationId));
    for (const r of regs) expect(told.has(r.id)).toBe(true);
    // editing the cancelled session again moves no count twice
    await t.http
      .patch(`/api/sessions/${doomed.id}`)
      .set(auth())
      .send({ title: '已取消的场次', status: 'cancelled' })
      .expect(200);
    expect(await actual('2021-2-2-enterprises')).toBe(1);
    const rerun = await t.http.post('/api/reconciliation/runs').set(auth()).send({}).expect(201);
    expect(rerun.body.repairs).toEqual([]);
    // and it stays cancelled: no reopening a session whose registrations are gone
    const back = await t.http.patch(`/api/sessions/${doomed.id}`).set(auth()).send({ status: 'scheduled' }).expect(422);
    expect(back.body.code).toBe('session_cancelled');
    await t.http.post(`/api/sessions/${doomed.id}/registrations`).send(enterprise(9)).expect(422);
  });

  it('does not count a cancelled session as held, whatever its dates', async () => {
    const county = await activityId(t.http, '2021-1-1');
    const before = await actual('2021-1-1-county-competitions');
    const s = await createSession(t.http, admin, county, { startsInHours: 1 });
    await t.http.patch(`/api/sessions/${s.id}`).set(auth()).send({ level: 'county' }).expect(200);
    await t.http
      .patch(`/api/sessions/${s.id}`)
      .set(auth())
      .send({
        startsAt: new Date(Date.now() - 10 * 3600_000).toISOString(),
        endsAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
        registrationOpensAt: new Date(Date.now() - 20 * 3600_000).toISOString(),
        registrationClosesAt: new Date(Date.now() - 11 * 3600_000).toISOString(),
      })
      .expect(200);
    expect(await actual('2021-1-1-county-competitions')).toBe(before + 1);
    await t.http.patch(`/api/sessions/${s.id}`).set(auth()).send({ status: 'cancelled' }).expect(200);
    expect(await actual('2021-1-1-county-competitions')).toBe(before);
  });

  it('drops the check-ins of a cancelled session from attendance, once', async () => {
    const alliance = await activityId(t.http, '2021-2-1');
    const s = await createSession(t.http, admin, alliance, { startsInHours: 1.5 });
    const before = await actual('2021-2-1-enterprises');
    const reg = (await t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(30)).expect(201)).body;
    await t.http.post(`/api/sessions/${s.id}/check-ins`).set(auth()).send({ registrationId: reg.id }).expect(201);
    expect(await actual('2021-2-1-enterprises')).toBe(before + 1);
    await t.http.patch(`/api/sessions/${s.id}`).set(auth()).send({ status: 'cancelled' }).expect(200);
    expect(await actual('2021-2-1-enterprises')).toBe(before);
    await t.http.patch(`/api/sessions/${s.id}`).set(auth()).send({ title: '取消' }).expect(200);
    expect(await actual('2021-2-1-enterprises')).toBe(before);
    expect((await t.http.post('/api/reconciliation/runs').set(auth()).send({}).expect(201)).body.repairs).toEqual([]);
  });
});
