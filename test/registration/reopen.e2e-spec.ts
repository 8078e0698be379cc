import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, login, phd } from '@app/testing/fixtures';

/** An organizer may reopen a rejected registration; a rejection mail offers no cancel link. */
describe.each(['sqlite', 'mysql'] as const)('reopening a rejected registration on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let fair: number;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const payloadOf = async (registrationId: number, type: string) => {
    const rows: { payload: string }[] = await t.app
      .get(DataSource)
      .query('SELECT payload FROM notifications WHERE registration_id = ? AND type = ?', [registrationId, type]);
    return rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await login(t.http);
    fair = await activityId(t.http, '2021-2-2');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('rejects without a cancel link, then reopens to pending while a seat is free', async () => {
    const s = await createSession(t.http, admin, fair, {
      requiresApproval: true,
      waitlistEnabled: false,
      quotas: [{ category: 'phd', capacity: 1 }],
    });
    const reg = (await t.http.post(`/api/sessions/${s.id}/registrations`).send(phd(1)).expect(201)).body;
    await t.http.post(`/api/registrations/${reg.id}/reject`).set(auth()).send({ reason: '材料不全' }).expect(200);
    const [rejection] = await payloadOf(reg.id, 'registration_rejected');
    expect(rejection).toBeDefined();
    expect(rejection!.manageUrl).toBeUndefined();
    // the holder cannot get it back; the organizer can
    await t.http.post(`/api/registrations/${reg.id}/reopen?token=${reg.manageToken}`).send({}).expect(401);
    const reopened = await t.http.post(`/api/registrations/${reg.id}/reopen`).set(auth()).send({}).expect(200);
    expect(reopened.body.status).toBe('pending_approval');
    expect((await payloadOf(reg.id, 'registration_pending')).length).toBe(2);
    const q = (await t.http.get(`/api/sessions/${s.id}`).expect(200)).body.quotas[0];
    expect([q.pending, q.available]).toEqual([1, 0]);
    // reopening what is not rejected is refused
    const again = await t.http.post(`/api/registrations/${reg.id}/reopen`).set(auth()).send({}).expect(422);
    expect(again.body.code).toBe('registration_not_rejected');
  });

  it('refuses with session_full when the seat went to someone else and there is no waitlist', async () => {
    const s = await createSession(t.http, admin, fair, {
      requiresApproval: true,
      waitlistEnabled: false,
      quotas: [{ category: 'phd', capacity: 1 }],
    });
    const first = (await t.http.post(`/api/sessions/${s.id}/registrations`).send(phd(2)).expect(201)).body;
    await t.http.post(`/api/registrations/${first.id}/reject`).set(auth()).send({}).expect(200);
    await t.http.post(`/api/sessions/${s.id}/registrations`).send(phd(3)).expect(201);
    const full = await t.http.post(`/api/registrations/${first.id}/reopen`).set(auth()).send({}).expect(422);
    expect(full.body.code).toBe('session_full');
    const view = await t.http.get(`/api/registrations/${first.id}?token=${first.manageToken}`).expect(200);
    expect(view.body.status).toBe('rejected');
  });
});
