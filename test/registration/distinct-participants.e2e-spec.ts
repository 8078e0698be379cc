import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, enterprise, login, targetActual } from '@app/testing/fixtures';

/**
 * Counting rules: a registration or attendance target counts distinct participants across the
 * activity's sessions — 泉博会's 200 enterprises are 200 统一社会信用代码, not 200 rows.
 */
describe.each(['sqlite', 'mysql'] as const)('distinct participants on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let fair: number;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const actual = (code: string) => targetActual(t.http, admin, code);

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await login(t.http);
    fair = await activityId(t.http, '2021-2-2');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts an enterprise registered in two sessions of 泉博会 once (4 enterprises, 5 registrations → 4)', async () => {
    const first = await createSession(t.http, admin, fair);
    const second = await createSession(t.http, admin, fair);
    for (const n of [1, 2, 3])
      await t.http.post(`/api/sessions/${first.id}/registrations`).send(enterprise(n)).expect(201);
    // enterprise 1 comes again to the second session, with another contact address: same USCC
    await t.http
      .post(`/api/sessions/${second.id}/registrations`)
      .send(enterprise(1, { email: 'another-contact@enterprise1.example.cn' }))
      .expect(201);
    await t.http.post(`/api/sessions/${second.id}/registrations`).send(enterprise(4)).expect(201);

    expect(await actual('2021-2-2-enterprises')).toBe(4);
    // the sessions themselves still show their seats taken
    const s2 = await t.http.get(`/api/sessions/${second.id}`).expect(200);
    expect(s2.body.quotas.find((q: { category: string }) => q.category === 'enterprise').confirmed).toBe(2);
  });

  it('keeps the enterprise counted while one of its two registrations remains, and drops it after the last', async () => {
    const a = await createSession(t.http, admin, fair);
    const b = await createSession(t.http, admin, fair);
    const before = await actual('2021-2-2-enterprises');
    const r1 = await t.http.post(`/api/sessions/${a.id}/registrations`).send(enterprise(50)).expect(201);
    const r2 = await t.http.post(`/api/sessions/${b.id}/registrations`).send(enterprise(50)).expect(201);
    expect(await actual('2021-2-2-enterprises')).toBe(before + 1);
    await t.http.post(`/api/registrations/${r1.body.id}/cancel?token=${r1.body.manageToken}`).send({}).expect(200);
    expect(await actual('2021-2-2-enterprises')).toBe(before + 1);
    await t.http.post(`/api/registrations/${r2.body.id}/cancel?token=${r2.body.manageToken}`).send({}).expect(200);
    expect(await actual('2021-2-2-enterprises')).toBe(before);
  });

  it('counts attendance by person: checked in at two sessions of one activity is one attendee', async () => {
    const alliance = await activityId(t.http, '2021-2-1');
    const a = await createSession(t.http, admin, alliance, { startsInHours: 1.5 });
    const b = await createSession(t.http, admin, alliance, { startsInHours: 1.5 });
    const before = await actual('2021-2-1-enterprises');
    for (const s of [a, b]) {
      const reg = await t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(77)).expect(201);
      await t.http
        .post(`/api/sessions/${s.id}/check-ins`)
        .set(auth())
        .send({ registrationId: reg.body.id })
        .expect(201);
    }
    expect(await actual('2021-2-1-enterprises')).toBe(before + 1);
    // each door still saw one person
    const att = await t.http.get(`/api/sessions/${b.id}/attendance`).set(auth()).expect(200);
    expect(att.body.total.checkedIn).toBe(1);
  });

  it('stays exact under concurrency: one enterprise in eight sessions at once, twenty others alongside', async () => {
    const sessions = await Promise.all(Array.from({ length: 8 }, () => createSession(t.http, admin, fair)));
    const before = await actual('2021-2-2-enterprises');
    await Promise.all([
      ...sessions.map((s) => t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(500)).expect(201)),
      ...Array.from({ length: 20 }, (_, i) =>
        t.http
          .post(`/api/sessions/${sessions[i % 8]!.id}/registrations`)
          .send(enterprise(600 + i))
          .expect(201),
      ),
    ]);
    expect(await actual('2021-2-2-enterprises')).toBe(before + 21);
    // the kept counts agree with a recount from the rows
    const run = await t.http.post('/api/reconciliation/runs').set(auth()).send({}).expect(201);
    expect(run.body.repairs).toEqual([]);
  });
});
