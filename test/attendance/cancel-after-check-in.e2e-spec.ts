import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, enterprise, login, targetActual } from '@app/testing/fixtures';
import { ReminderScheduler } from '@app/registration';

/**
 * Counting rules: a checked-in registration stays counted — its holder can no longer cancel it
 * (409 `registration_checked_in`); an organizer may take the check-in back first. Reminders skip
 * people already checked in.
 */
describe.each(['sqlite', 'mysql'] as const)('cancel after check-in on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let alliance: number;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const actual = (code: string) => targetActual(t.http, admin, code);

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await login(t.http);
    alliance = await activityId(t.http, '2021-2-1');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 409 with a clear reason to the holder, keeps both counts, and lets the organizer undo first', async () => {
    const s = await createSession(t.http, admin, alliance, { startsInHours: 1.5 });
    const reg = (await t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(5)).expect(201)).body;
    await t.http.post(`/api/sessions/${s.id}/check-ins`).set(auth()).send({ registrationId: reg.id }).expect(201);
    const attendedBefore = await actual('2021-2-1-enterprises');

    const refused = await t.http
      .post(`/api/registrations/${reg.id}/cancel?token=${reg.manageToken}`)
      .send({})
      .expect(409);
    expect(refused.body).toMatchObject({ statusCode: 409, code: 'registration_checked_in' });
    expect(refused.body.message).toMatch(/签到/);
    // the organizer is held to the same rule while the check-in stands
    await t.http.post(`/api/registrations/${reg.id}/cancel`).set(auth()).send({}).expect(409);
    const view = await t.http.get(`/api/registrations/${reg.id}?token=${reg.manageToken}`).expect(200);
    expect(view.body.status).toBe('confirmed');
    expect(await actual('2021-2-1-enterprises')).toBe(attendedBefore);
    const seats = (await t.http.get(`/api/sessions/${s.id}`).expect(200)).body.quotas;
    expect(seats.find((q: { category: string }) => q.category === 'enterprise').confirmed).toBe(1);

    await t.http.delete(`/api/sessions/${s.id}/check-ins/${reg.id}`).set(auth()).expect(204);
    expect(await actual('2021-2-1-enterprises')).toBe(attendedBefore - 1);
    await t.http.post(`/api/registrations/${reg.id}/cancel?token=${reg.manageToken}`).send({}).expect(200);
  });

  it('sends no reminder to a registrant already checked in', async () => {
    const s = await createSession(t.http, admin, alliance, { startsInHours: 1.5 });
    const inside = (await t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(6)).expect(201)).body;
    const coming = (await t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(7)).expect(201)).body;
    await t.http.post(`/api/sessions/${s.id}/check-ins`).set(auth()).send({ registrationId: inside.id }).expect(201);
    await t.app.get(ReminderScheduler).tick();
    const rows: { registration_id: number }[] = await t.app
      .get(DataSource)
      .query("SELECT registration_id FROM notifications WHERE type = 'session_reminder' AND session_id = ?", [s.id]);
    expect(rows.map((r) => Number(r.registration_id))).toEqual([coming.id]);
  });
});
