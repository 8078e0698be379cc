import { DataSource } from 'typeorm';
import { ReminderScheduler } from '@app/registration';
import { activityId, createSession, login, phd } from '@app/testing/fixtures';
import { startTestApp, TestApp } from '@app/testing/test-app';

/** Reminders come from database state: once per confirmed registrant, again only for a new start time. */
describe(ReminderScheduler.name, () => {
  let t: TestApp;
  let sut: ReminderScheduler;
  let admin: string;

  beforeAll(async () => {
    // Redis unreachable: owed messages wait in the outbox as `pending`, so what is withdrawn
    // and what is owed can be read exactly (delivery itself is tested in test/notifications)
    t = await startTestApp('mysql', { REMINDER_LEAD_HOURS: '24', REDIS_URL: 'redis://127.0.0.1:9/0' });
    sut = t.app.get(ReminderScheduler);
    admin = await login(t.http);
  });
  afterAll(() => t?.close());

  const reminders = async (sessionId: number) =>
    (await t.app
      .get(DataSource)
      .query(
        `SELECT registration_id, status, dedupe_key FROM notifications WHERE session_id = ? AND type = 'session_reminder'`,
        [sessionId],
      )) as { registration_id: number; status: string; dedupe_key: string }[];

  it('enqueues one reminder per confirmed registration, once, and replaces them when the session moves', async () => {
    const s = await createSession(t.http, admin, await activityId(t.http, '2021-2-2'), {
      startsInHours: 10,
      quotas: [{ category: 'phd', capacity: 2 }],
    });
    const regs: { id: number; status: string; manageToken: string }[] = [];
    for (let i = 0; i < 3; i++)
      regs.push(
        (
          await t.http
            .post(`/api/sessions/${s.id}/registrations`)
            .send(phd(700 + i))
            .expect(201)
        ).body,
      );
    expect(regs.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);

    await sut.tick();
    await sut.tick();
    const first = await reminders(s.id);
    expect(first.map((r) => r.registration_id).sort()).toEqual([regs[0].id, regs[1].id].sort());

    // a cancelled registration's reminder is withdrawn; the promoted one is not reminded twice
    await t.http.post(`/api/registrations/${regs[0].id}/cancel?token=${regs[0].manageToken}`).send({}).expect(200);
    const afterCancel = await reminders(s.id);
    expect(afterCancel.find((r) => r.registration_id === regs[0]!.id)?.status).toBe('cancelled');
    expect(afterCancel.find((r) => r.registration_id === regs[1]!.id)?.status).toBe('pending');

    // moved by two hours: pending reminders withdrawn, fresh ones (new start time) on the next pass
    const starts = new Date(Date.now() + 12 * 3600_000);
    await t.http
      .patch(`/api/sessions/${s.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3600_000).toISOString() })
      .expect(200);
    await sut.tick();
    const after = await reminders(s.id);
    const fresh = after.filter((r) => r.dedupe_key.endsWith(`:${starts.getTime()}`));
    expect(fresh.map((r) => r.registration_id).sort()).toEqual([regs[1]!.id, regs[2]!.id].sort());
    expect(fresh.every((r) => r.status === 'pending')).toBe(true);
    const stale = after.filter((r) => !r.dedupe_key.endsWith(`:${starts.getTime()}`));
    expect(stale.every((r) => r.status === 'cancelled')).toBe(true);
  });

  it('does not remind sessions beyond the lead time', async () => {
    const s = await createSession(t.http, admin, await activityId(t.http, '2021-2-2'), { startsInHours: 72 });
    await t.http.post(`/api/sessions/${s.id}/registrations`).send(phd(800)).expect(201);
    await sut.tick();
    expect(await reminders(s.id)).toEqual([]);
  });
});
