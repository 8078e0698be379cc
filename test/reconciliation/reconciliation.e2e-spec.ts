import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, enterprise, login, phd, targetActual } from '@app/testing/fixtures';
import { ReconciliationScheduler } from '@app/reconciliation';

/**
 * Counters and tallies are caches of the rows: reconciliation recounts them, repairs drift and
 * records each repair in the audit log; health reports the last run.
 */
describe.each(['sqlite', 'mysql'] as const)('reconciliation on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let db: DataSource;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const actual = (code: string) => targetActual(t.http, admin, code);

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await login(t.http);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('repairs a corrupted quota counter, attendance tally and outcome tally, and the audit log shows each', async () => {
    expect((await t.http.get('/api/health').expect(200)).body.reconciliation).toBeNull();
    const fair = await activityId(t.http, '2021-2-2');
    const alliance = await activityId(t.http, '2021-2-1');
    const apprenticeship = await activityId(t.http, '2021-1-3');
    const s = await createSession(t.http, admin, fair);
    for (const n of [1, 2, 3]) await t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(n)).expect(201);
    const door = await createSession(t.http, admin, alliance, { startsInHours: 1.5 });
    const reg = (await t.http.post(`/api/sessions/${door.id}/registrations`).send(phd(1)).expect(201)).body;
    await t.http.post(`/api/sessions/${door.id}/check-ins`).set(auth()).send({ registrationId: reg.id }).expect(201);
    await t.http
      .post(`/api/activities/${apprenticeship}/outcomes`)
      .set(auth())
      .send({
        type: 'apprenticeship_agreement',
        title: '师带徒协议',
        status: 'signed',
        signedOn: '2021-06-01',
        agreementType: 'skill_transfer',
        parties: { mentorName: '陈师傅', apprenticeName: '林徒弟', enterpriseName: '泉州乙公司' },
      })
      .expect(201);
    // a clean database: nothing to repair
    const clean = await t.http.post('/api/reconciliation/runs').set(auth()).send({}).expect(201);
    expect(clean.body.repaired).toBe(0);

    await db.query("UPDATE session_quotas SET confirmed = 17 WHERE session_id = ? AND category = 'enterprise'", [s.id]);
    await db.query('UPDATE attendance_tallies SET checked_in = 5 WHERE session_id = ?', [door.id]);
    await db.query(
      "UPDATE outcome_tallies SET count = 42 WHERE activity_id = ? AND type = 'apprenticeship_agreement'",
      [apprenticeship],
    );
    await db.query("UPDATE participation_totals SET participants = 9 WHERE activity_id = ? AND kind = 'confirmed'", [
      fair,
    ]);
    expect(await actual('2021-1-3-apprenticeship-agreements')).toBe(42);
    expect(await actual('2021-2-2-enterprises')).toBe(9);

    // the embedded mode's schedule runs the same job
    await t.app.get(ReconciliationScheduler).tick();

    const health = await t.http.get('/api/health').expect(200);
    expect(health.body.reconciliation).toEqual({ at: expect.any(String), repaired: 4 });
    const seats = (await t.http.get(`/api/sessions/${s.id}`).expect(200)).body.quotas;
    expect(seats.find((q: { category: string }) => q.category === 'enterprise').confirmed).toBe(3);
    const att = await t.http.get(`/api/sessions/${door.id}/attendance`).set(auth()).expect(200);
    expect(att.body.total.checkedIn).toBe(1);
    expect(await actual('2021-1-3-apprenticeship-agreements')).toBe(1);
    expect(await actual('2021-2-2-enterprises')).toBe(3);

    const audit = await t.http.get('/api/audit').query({ pageSize: 100 }).set(auth()).expect(200);
    const repairs = (
      audit.body.items as { action: string; entity: string; entityId: string; actor: { email: string } }[]
    )
      .filter((e) => e.action.startsWith('reconciliation.repair.'))
      .map((e) => [e.action, e.actor.email]);
    expect(repairs).toEqual(
      expect.arrayContaining([
        ['reconciliation.repair.session_quotas.confirmed', 'system:reconciliation'],
        ['reconciliation.repair.attendance_tallies.checked_in', 'system:reconciliation'],
        ['reconciliation.repair.outcome_tallies.count', 'system:reconciliation'],
        ['reconciliation.repair.participation_totals.participants', 'system:reconciliation'],
      ]),
    );
    expect(repairs).toHaveLength(4);
    // and a second run finds nothing left to repair
    expect((await t.http.post('/api/reconciliation/runs').set(auth()).send({}).expect(201)).body.repaired).toBe(0);
  });

  it('rebuilds a distinct count whose participation rows were lost', async () => {
    const fair = await activityId(t.http, '2021-2-2');
    const before = await actual('2021-2-2-phds');
    const s = await createSession(t.http, admin, fair);
    await t.http.post(`/api/sessions/${s.id}/registrations`).send(phd(40)).expect(201);
    await db.query("DELETE FROM participations WHERE activity_id = ? AND category = 'phd'", [fair]);
    await db.query("DELETE FROM participation_totals WHERE activity_id = ? AND category = 'phd'", [fair]);
    expect(await actual('2021-2-2-phds')).toBe(0);
    const run = await t.http.post('/api/reconciliation/runs').set(auth()).send({}).expect(201);
    expect(run.body.repaired).toBeGreaterThanOrEqual(2);
    expect(await actual('2021-2-2-phds')).toBe(before + 1);
  });
});
