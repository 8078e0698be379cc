import ExcelJS from 'exceljs';
import { Clock } from '@app/core';
import { startTestApp, TestApp } from '@app/testing/test-app';
import {
  activityByCode,
  checkInCodeOf,
  createSession,
  enterprise,
  inBatches,
  phd,
  PLAN_2021,
  register,
  Registered,
  sessionBody,
} from '../attendance/event-fixtures';
import { bearer, createUser, CreatedUser, loginAdmin, unitIdsByCode } from '../identity/identity-helpers';

interface TargetProgress {
  code: string;
  activityId: number;
  actual: number;
  ratio: number;
  status: string;
  window: { start: string; end: string };
}

/**
 * The 2021 泉博会 (activity 2021-2-2) as it happened: a session for 200 enterprises and 100 PhDs,
 * all seats taken, 250 people at the door, 31 cooperation intents signed on the day.
 */
describe('泉博会 plan vs actual (MariaDB)', () => {
  let t: TestApp;
  let admin: string;
  let organizer: CreatedUser;
  let staff: CreatedUser;
  let fairId: number;
  let sessionId: number;
  let enterprises: Registered[];
  let phds: Registered[];
  const http = () => t.http;

  beforeAll(async () => {
    t = await startTestApp('mysql');
    admin = await loginAdmin(http());
    const units = await unitIdsByCode(http());
    organizer = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
    staff = await createUser(http(), admin, { role: 'checkin_staff', unitIds: [units.get('qz-hrss')!] });
    fairId = (await activityByCode(http(), PLAN_2021, '2021-2-2')).id;
    sessionId = await createSession(
      http(),
      organizer.token,
      fairId,
      sessionBody({
        startsIn: 20,
        quotas: [
          { category: 'enterprise', capacity: 200 },
          { category: 'phd', capacity: 100 },
        ],
      }),
    );
    enterprises = await inBatches(
      Array.from({ length: 200 }, (_, i) => i + 1),
      10,
      (i) => register(http(), sessionId, enterprise(i)),
    );
    phds = await inBatches(
      Array.from({ length: 100 }, (_, i) => i + 1),
      10,
      (i) => register(http(), sessionId, phd(i)),
    );
    // 160 enterprises and 90 PhDs at the door: some scan their QR code, staff find the rest in the list
    const byCode = await inBatches(enterprises.slice(0, 20), 10, async (reg) => ({
      code: await checkInCodeOf(http(), reg),
    }));
    const byStaff = [...enterprises.slice(20, 160), ...phds.slice(0, 90)].map((reg) => ({ registrationId: reg.id }));
    const atDoor = [...byCode, ...byStaff];
    await inBatches(atDoor, 10, (body) =>
      http().post(`/api/sessions/${sessionId}/check-ins`).set(bearer(staff.token)).send(body).expect(201),
    );
    await inBatches(
      Array.from({ length: 31 }, (_, i) => i),
      5,
      (i) =>
        http()
          .post(`/api/activities/${fairId}/outcomes`)
          .set(bearer(organizer.token))
          .send({
            type: 'cooperation_intent',
            title: `人才引进和项目合作意向 ${i + 1}`,
            status: 'intent',
            sessionId,
            registrationIds: [enterprises[i]!.id, phds[i]!.id],
            details: { field: '新材料' },
          })
          .expect(201),
    );
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const progress = async (token = organizer.token) =>
    (await http().get(`/api/programs/${PLAN_2021}/progress`).set(bearer(token)).expect(200)).body as {
      asOf: string;
      targets: TargetProgress[];
      byUnit: { unit: { code: string }; targets: number; met: number }[];
      bySeries: { ordinal: number; targets: number; met: number }[];
    };

  it('shows 200 enterprises and 100 PhDs registered and 31 of 30 intents, all met', async () => {
    const body = await progress();
    const fair = Object.fromEntries(body.targets.filter((x) => x.activityId === fairId).map((x) => [x.code, x]));
    expect(fair['2021-2-2-enterprises']).toMatchObject({ actual: 200, ratio: 1, status: 'met' });
    expect(fair['2021-2-2-phds']).toMatchObject({ actual: 100, ratio: 1, status: 'met' });
    expect(fair['2021-2-2-cooperation-intents']).toMatchObject({ actual: 31, status: 'met' });
    expect(fair['2021-2-2-cooperation-intents']!.ratio).toBeCloseTo(31 / 30, 4);
    expect(fair['2021-2-2-cooperation-intents']!.window).toEqual({ start: '2021-03-01', end: '2021-03-31' });
    const hrss = body.byUnit.find((u) => u.unit.code === 'qz-hrss')!;
    expect(hrss.met).toBeGreaterThanOrEqual(3);
    const phdSeries = body.bySeries.find((s) => s.ordinal === 2)!;
    expect(phdSeries.met).toBe(3);
  });

  it('shows 250 checked in of 300 registered', async () => {
    const res = await http().get(`/api/sessions/${sessionId}/attendance`).set(bearer(staff.token)).expect(200);
    expect(res.body.total).toEqual({ capacity: 300, registered: 300, checkedIn: 250, rate: 0.8333 });
    expect(res.body.byCategory).toEqual([
      { category: 'enterprise', capacity: 200, registered: 200, checkedIn: 160, rate: 0.8 },
      { category: 'phd', capacity: 100, registered: 100, checkedIn: 90, rate: 0.9 },
    ]);
  });

  it('judges timing by the injected clock: before the window nothing has started, inside it the pace counts', async () => {
    const clock = t.app.get(Clock);
    const realNow = clock.now.bind(clock);
    try {
      clock.now = () => new Date('2021-02-01T00:00:00Z');
      const early = await progress(admin);
      expect(early.asOf).toBe('2021-02-01T00:00:00.000Z');
      const byCode = Object.fromEntries(early.targets.map((x) => [x.code, x]));
      expect(byCode['2021-3-1-startup-projects']!.status).toBe('not_started');
      expect(byCode['2021-2-2-cooperation-intents']!.status).toBe('met');
      clock.now = () => new Date('2021-06-15T00:00:00Z');
      const mid = Object.fromEntries((await progress(admin)).targets.map((x) => [x.code, x]));
      // 县级竞赛 window 3–10月: a third of it gone with nothing held
      expect(mid['2021-1-1-county-competitions']).toMatchObject({ actual: 0, status: 'behind' });
    } finally {
      clock.now = realNow;
    }
  });

  it('exports CSV and XLSX to organizers and admins, 401 to anonymous callers, 403 to check-in staff', async () => {
    const csv = await http().get(`/api/programs/${PLAN_2021}/progress.csv`).set(bearer(organizer.token)).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('qz-2021-talent-activities-progress.csv');
    expect(csv.text).toContain(
      ',参与项目对接的企业,增量,一次性,,2021-03-01,2021-03-31,等于,200,家,200,100.0%,已完成,市人社局,报名（确认）,2021-2-2-enterprises\r\n',
    );
    const xlsx = await http()
      .get(`/api/programs/${PLAN_2021}/progress.xlsx`)
      .set(bearer(admin))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const rows = wb.getWorksheet('目标任务')!.getSheetValues() as unknown[][];
    expect(rows.some((r) => r?.[18] === '2021-2-2-cooperation-intents' && r[13] === 31)).toBe(true);
    for (const path of ['progress', 'progress.csv', 'progress.xlsx']) {
      await http().get(`/api/programs/${PLAN_2021}/${path}`).expect(401);
      await http().get(`/api/programs/${PLAN_2021}/${path}`).set(bearer(staff.token)).expect(403);
    }
  });

  it('rejects intents naming registrations of another activity', async () => {
    const other = await activityByCode(http(), PLAN_2021, '2021-2-4');
    const res = await http()
      .post(`/api/activities/${other.id}/outcomes`)
      .set(bearer(admin))
      .send({ type: 'cooperation_intent', title: 'x', status: 'intent', registrationIds: [enterprises[0]!.id] })
      .expect(422);
    expect(res.body.details).toEqual([
      { field: 'registrationIds[0]', reason: `registration ${enterprises[0]!.id} is not of this activity` },
    ]);
  });
});
