import { Clock } from '@app/core';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { PLAN_2021 } from '../attendance/event-fixtures';
import { bearer, createUser, CreatedUser, loginAdmin, unitIdsByCode } from '../identity/identity-helpers';

const PLAN_2022 = 'qz-2022-five-hundreds';

interface TargetProgress {
  id: number;
  code: string;
  source: string;
  actual: number;
  ratio: number;
  status: string;
  window: { start: string; end: string };
}

describe('progress reports of responsible units (MariaDB)', () => {
  let t: TestApp;
  let admin: string;
  let county: CreatedUser;
  let union: CreatedUser;
  let school: CreatedUser;
  let units: Map<string, number>;
  const http = () => t.http;

  beforeAll(async () => {
    t = await startTestApp('mysql');
    admin = await loginAdmin(http());
    units = await unitIdsByCode(http());
    county = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-counties')!] });
    union = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-ftu')!] });
    school = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-edu')!] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const targets = async (program: string) =>
    (await http().get(`/api/programs/${program}/progress`).set(bearer(admin)).expect(200)).body
      .targets as TargetProgress[];
  const target = async (program: string, code: string) => (await targets(program)).find((x) => x.code === code)!;
  const report = (targetId: number, token: string, body: object) =>
    http().post(`/api/targets/${targetId}/reports`).set(bearer(token)).send(body);

  it('moves the grassroots competitions target (1000 场次) with county and union reports', async () => {
    const grassroots = await target(PLAN_2021, '2021-1-1-grassroots-competitions');
    expect(grassroots).toMatchObject({ source: 'reported', actual: 0 });
    const first = await report(grassroots.id, county.token, {
      unitId: units.get('qz-counties'),
      periodLabel: '2021-H1',
      value: 620,
      note: '各县（市、区）基层职工技能竞赛',
      evidence: 'https://example.org/qz/2021-h1-competitions.pdf',
    }).expect(201);
    expect(first.body).toMatchObject({
      targetId: grassroots.id,
      unit: { code: 'qz-counties' },
      periodLabel: '2021-H1',
      value: 620,
      reportedBy: county.id,
    });
    expect(await target(PLAN_2021, '2021-1-1-grassroots-competitions')).toMatchObject({ actual: 620, ratio: 0.62 });
    await report(grassroots.id, union.token, {
      unitId: units.get('qz-ftu'),
      periodLabel: '2021-H2',
      value: 380,
    }).expect(201);
    expect(await target(PLAN_2021, '2021-1-1-grassroots-competitions')).toMatchObject({
      actual: 1000,
      ratio: 1,
      status: 'met',
    });

    const list = await http().get(`/api/targets/${grassroots.id}/reports`).set(bearer(county.token)).expect(200);
    expect(list.body).toMatchObject({ total: 2, page: 1 });
    expect(list.body.items.map((r: { value: number }) => r.value)).toEqual([380, 620]);
    const audit = await http()
      .get('/api/audit')
      .query({ action: 'progress_report.create' })
      .set(bearer(admin))
      .expect(200);
    expect(audit.body.items.map((e: { actor: { email: string } }) => e.actor.email).sort()).toEqual(
      [county.email, union.email].sort(),
    );
  });

  it('allows only organizers of a responsible unit, for their own unit, on reported targets', async () => {
    const grassroots = await target(PLAN_2021, '2021-1-1-grassroots-competitions');
    const body = { unitId: units.get('qz-counties'), periodLabel: '2021', value: 1 };
    await http().post(`/api/targets/${grassroots.id}/reports`).send(body).expect(401);
    await report(grassroots.id, school.token, body).expect(403);
    await report(grassroots.id, union.token, body).expect(403);
    const notResponsible = await report(grassroots.id, admin, { ...body, unitId: units.get('qz-edu') }).expect(400);
    expect(notResponsible.body.details).toEqual([{ field: 'unitId', reason: '不是此指标的责任单位' }]);
    const badPeriod = await report(grassroots.id, county.token, { ...body, periodLabel: '2021-H3' }).expect(400);
    expect(badPeriod.body.details[0].field).toBe('periodLabel');
    const negative = await report(grassroots.id, county.token, { ...body, value: -1 }).expect(400);
    expect(negative.body.details[0].field).toBe('value');
    const counted = await target(PLAN_2021, '2021-1-1-county-competitions');
    const wrongSource = await report(counted.id, union.token, { ...body, unitId: units.get('qz-ftu') }).expect(422);
    expect(wrongSource.body.code).toBe('target_not_reportable');
    await http().post('/api/targets/999999/reports').set(bearer(admin)).send(body).expect(404);
    expect((await target(PLAN_2021, '2021-1-1-grassroots-competitions')).actual).toBe(1000);
  });

  it('replays a report sent twice with one Idempotency-Key', async () => {
    const teams = await target(PLAN_2022, '2022-m14-talent-teams');
    const body = { unitId: (await responsible(teams.id))[0], periodLabel: '2023', value: 4 };
    const send = () =>
      http()
        .post(`/api/targets/${teams.id}/reports`)
        .set(bearer(admin))
        .set('Idempotency-Key', 'teams-2023')
        .send(body);
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.body.id).toBe(b.body.id);
  });

  it('counts only the current half-year for the half-yearly leading-group meeting rule', async () => {
    const clock = t.app.get(Clock);
    const realNow = clock.now.bind(clock);
    try {
      const meetings = await target(PLAN_2022, 'leading-group-meetings');
      const [unitId] = await responsible(meetings.id);
      await report(meetings.id, admin, { unitId, periodLabel: '2024-H1', value: 1, note: '专题会议' }).expect(201);
      clock.now = () => new Date('2024-05-01T00:00:00Z');
      expect(await target(PLAN_2022, 'leading-group-meetings')).toMatchObject({
        actual: 1,
        status: 'met',
        window: { start: '2024-01-01', end: '2024-06-30' },
      });
      clock.now = () => new Date('2024-09-01T00:00:00Z');
      expect(await target(PLAN_2022, 'leading-group-meetings')).toMatchObject({
        actual: 0,
        status: 'behind',
        window: { start: '2024-07-01', end: '2024-12-31' },
      });
    } finally {
      clock.now = realNow;
    }
  });

  async function responsible(targetId: number): Promise<number[]> {
    const plan = (await http().get(`/api/programs/${PLAN_2022}`).expect(200)).body as {
      targets: { code: string; responsibleUnits: { id: number }[] }[];
      series: { activities: { targets: { code: string; responsibleUnits: { id: number }[] }[] }[] }[];
    };
    const all = [...plan.targets, ...plan.series.flatMap((s) => s.activities.flatMap((a) => a.targets))];
    const mine = (await targets(PLAN_2022)).find((x) => x.id === targetId)!;
    return all.find((x) => x.code === mine.code)!.responsibleUnits.map((u) => u.id);
  }
});
