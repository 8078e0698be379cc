import { startTestApp, TestApp } from '@app/testing/test-app';
import { bearer, loginAdmin, unitIdsByCode } from '../identity/identity-helpers';
import { activityByCode, checkInCodeOf, createSession, phd, PLAN_2021, register, sessionBody } from './event-fixtures';

/** The embedded default (SQLite): the same check-in, outcome, report and progress paths work unchanged. */
describe('attendance, outcomes and progress on SQLite', () => {
  let t: TestApp;
  let admin: string;
  const http = () => t.http;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    admin = await loginAdmin(http());
  });
  afterAll(async () => {
    await t?.close();
  });

  it('checks in once under concurrency, undoes, and counts outcomes, reports and attendance in progress', async () => {
    const fair = await activityByCode(http(), PLAN_2021, '2021-2-2');
    const sessionId = await createSession(
      http(),
      admin,
      fair.id,
      sessionBody({ startsIn: 10, quotas: [{ category: 'phd', capacity: 10 }] }),
    );
    const regs = [await register(http(), sessionId, phd(1)), await register(http(), sessionId, phd(2))];
    const code = await checkInCodeOf(http(), regs[0]!);
    const scans = await Promise.all(
      Array.from({ length: 5 }, () =>
        http().post(`/api/sessions/${sessionId}/check-ins`).set(bearer(admin)).send({ code }),
      ),
    );
    expect(scans.map((s) => s.status).sort()).toEqual([200, 200, 200, 200, 201]);
    await http()
      .post(`/api/sessions/${sessionId}/check-ins`)
      .set(bearer(admin))
      .send({ registrationId: regs[1]!.id })
      .expect(201);
    await http().delete(`/api/sessions/${sessionId}/check-ins/${regs[1]!.id}`).set(bearer(admin)).expect(204);
    const attendance = await http().get(`/api/sessions/${sessionId}/attendance`).set(bearer(admin)).expect(200);
    expect(attendance.body.total).toEqual({ capacity: 10, registered: 2, checkedIn: 1, rate: 0.5 });

    const intent = await http()
      .post(`/api/activities/${fair.id}/outcomes`)
      .set(bearer(admin))
      .send({
        type: 'cooperation_intent',
        title: '合作意向',
        status: 'intent',
        parties: { enterpriseName: '甲', phdName: '乙' },
      })
      .expect(201);
    await http()
      .patch(`/api/outcomes/${intent.body.id}`)
      .set(bearer(admin))
      .send({ status: 'signed', signedOn: '2021-03-20' })
      .expect(200);
    const apprenticeship = await activityByCode(http(), PLAN_2021, '2021-1-3');
    const csv = 'mentorName,apprenticeName,enterpriseName,agreementType,signedOn\n王,李,甲,skill_transfer,2021-05-01\n';
    const imported = await http()
      .post(`/api/activities/${apprenticeship.id}/outcomes/import`)
      .set(bearer(admin))
      .attach('file', Buffer.from(csv), 'a.csv')
      .expect(201);
    expect(imported.body).toEqual({ imported: 1, errors: [] });

    const units = await unitIdsByCode(http());
    const before = await http().get(`/api/programs/${PLAN_2021}/progress`).set(bearer(admin)).expect(200);
    const grassroots = before.body.targets.find((x: { code: string }) => x.code === '2021-1-1-grassroots-competitions');
    await http()
      .post(`/api/targets/${grassroots.id}/reports`)
      .set(bearer(admin))
      .send({ unitId: units.get('qz-ftu'), periodLabel: '2021', value: 12.5 })
      .expect(201);

    const progress = await http().get(`/api/programs/${PLAN_2021}/progress`).set(bearer(admin)).expect(200);
    const byCode = Object.fromEntries(
      (progress.body.targets as { code: string; actual: number }[]).map((x) => [x.code, x.actual]),
    );
    expect(byCode).toMatchObject({
      '2021-2-2-phds': 2,
      '2021-2-2-cooperation-intents': 1,
      '2021-1-3-apprenticeship-agreements': 1,
      '2021-1-1-grassroots-competitions': 12.5,
    });
  });
});
