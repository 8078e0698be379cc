import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { BulletinsService } from '@app/bulletins';
import { Clock } from '@app/core';
import { BulletinMailFacts, NotificationEntity, renderNotification } from '@app/notifications';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { bearer, createUser, CreatedUser, loginAdmin, unitIdsByCode } from '../identity/identity-helpers';

const PLAN_2022 = 'qz-2022-five-hundreds';
const JULY_1 = '2022-07-01T01:00:00Z'; // 09:00 Beijing
const AUGUST_1 = '2022-08-01T01:00:00Z';

interface Bulletin {
  id: number;
  periodLabel: string;
  previous: { id: number } | null;
  targets: {
    id: number;
    code: string;
    status: string;
    actual: number;
    units: { name: string }[];
    change: { actual: number } | null;
  }[];
  behindByUnit: { unit: string; targetIds: number[] }[];
  notReported: { unit: string; targets: string[] }[];
  summary: {
    series: string | null;
    activities: number;
    met: number;
    onTrack: number;
    behind: number;
    notStarted: number;
  }[];
}

/** Issue 13 in one API process: schedule, exactly one per period, changes, units not reported, mail, XLSX. */
describe.each(['sqlite', 'mysql'] as const)('通报 bulletins on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let hrss: CreatedUser;
  let orgDept: CreatedUser;
  let sciTech: CreatedUser;
  let units: Map<string, number>;
  let clock: Clock;
  let realNow: () => Date;
  const http = () => t.http;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await loginAdmin(http());
    units = await unitIdsByCode(http());
    hrss = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
    orgDept = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-org-dept')!] });
    sciTech = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-sci-tech')!] });
    clock = t.app.get(Clock);
    realNow = clock.now.bind(clock);
  });
  afterAll(async () => {
    clock.now = realNow;
    await t?.close();
  });

  const targetId = async (code: string) =>
    (
      (await http().get(`/api/programs/${PLAN_2022}/progress`).set(bearer(admin)).expect(200)).body.targets as {
        id: number;
        code: string;
      }[]
    ).find((x) => x.code === code)!.id;
  const bulletinRows = async (id: number) =>
    (await t.app.get(DataSource).getRepository(NotificationEntity).findBy({ type: 'bulletin_issued' })).filter(
      (n) => (n.payload as unknown as BulletinMailFacts).bulletin.bulletinId === id,
    );

  it('issues the 2022 plan’s 2022-H1 bulletin once on its half-yearly schedule, answering it again on demand', async () => {
    clock.now = () => new Date(JULY_1);
    await http()
      .put(`/api/programs/${PLAN_2022}/bulletin-schedule`)
      .set(bearer(admin))
      .send({ frequency: 'half_yearly' })
      .expect(200, {
        programCode: PLAN_2022,
        frequency: 'half_yearly',
        enabled: true,
        cron: '0 9 1 1,7 *',
        duePeriod: '2022-H1',
      });
    await http()
      .post(`/api/targets/${await targetId('2022-m14-talent-teams')}/reports`)
      .set(bearer(orgDept.token))
      .send({ unitId: units.get('qz-org-dept'), periodLabel: '2022-H1', value: 3 })
      .expect(201);

    const service = t.app.get(BulletinsService);
    const issued = await Promise.all([service.issueDue(), service.issueDue(), service.issueDue()]);
    expect(issued.reduce((a, b) => a + b, 0)).toBe(1);
    const list = await http().get(`/api/programs/${PLAN_2022}/bulletins`).set(bearer(hrss.token)).expect(200);
    expect(list.body.map((b: { periodLabel: string }) => b.periodLabel)).toEqual(['2022-H1']);
    expect((await http().get('/api/programs/qz-2021-talent-activities/bulletins').set(bearer(admin))).body).toEqual([]);

    const again = await http().post(`/api/programs/${PLAN_2022}/bulletins`).set(bearer(admin)).send({}).expect(200);
    expect(again.body.id).toBe(list.body[0].id);
    await http().post(`/api/programs/${PLAN_2022}/bulletins`).set(bearer(hrss.token)).send({}).expect(403);
    const future = await http()
      .post(`/api/programs/${PLAN_2022}/bulletins`)
      .set(bearer(admin))
      .send({ periodLabel: '2022-09' })
      .expect(422);
    expect(future.body.code).toBe('period_in_future');
  });

  it('holds every target, behind ones first by lead unit, and the units that have not reported', async () => {
    const [{ id }] = (await http().get(`/api/programs/${PLAN_2022}/bulletins`).set(bearer(admin))).body;
    const b = (await http().get(`/api/bulletins/${id}`).set(bearer(admin)).expect(200)).body as Bulletin;
    const progress = (await http().get(`/api/programs/${PLAN_2022}/progress`).set(bearer(admin))).body;
    expect(b.targets.map((x) => x.id).sort()).toEqual(progress.targets.map((x: { id: number }) => x.id).sort());
    const behind = b.targets.filter((x) => x.status === 'behind').length;
    expect(b.targets.slice(0, behind).every((x) => x.status === 'behind')).toBe(true);
    expect(b.behindByUnit.flatMap((g) => g.targetIds)).toEqual(b.targets.slice(0, behind).map((x) => x.id));
    expect(b.previous).toBeNull();
    const hrssMissing = b.notReported.find((u) => u.unit === '市人社局')!;
    expect(hrssMissing.targets).toContain('全市制造业人才总量');
    // 市委组织部 reported 2022-H1 on the teams target: not listed for it
    expect(b.notReported.find((u) => u.unit === '市委组织部')?.targets ?? []).not.toContain(
      '评审资助引进高层次人才团队',
    );
    const whole = b.summary.at(-1)!;
    expect(whole).toMatchObject({ series: null, activities: 17 });
    expect(whole.met + whole.onTrack + whole.behind + whole.notStarted).toBe(17);
    expect(b.summary).toHaveLength(6);
  });

  it('mails each lead unit’s organizers once with their section first, and the administrators the whole', async () => {
    const [{ id }] = (await http().get(`/api/programs/${PLAN_2022}/bulletins`).set(bearer(admin))).body;
    const rows = await bulletinRows(id);
    const to = (email: string) => rows.filter((r) => r.recipientEmail === email);
    for (const [user, unit] of [
      [hrss, '市人社局'],
      [orgDept, '市委组织部'],
      [sciTech, '市科技局'],
    ] as const) {
      expect(to(user.email)).toHaveLength(1);
      const mail = await renderNotification(
        {
          id: to(user.email)[0]!.id,
          type: 'bulletin_issued',
          locale: 'zh-CN',
          facts: to(user.email)[0]!.payload,
          createdAt: new Date(),
        },
        'test.example',
      );
      expect(mail.subject).toContain('【通报】');
      const sections = mail.text.split('\n\n');
      expect(sections[2]).toMatch(new RegExp(`^一、${unit}牵头的目标任务`));
      expect(mail.text).toContain('二、总体情况');
      expect(mail.attachments[0]!.filename).toBe(`bulletin-${PLAN_2022}-2022-H1.xlsx`);
    }
    const adminRows = rows.filter((r) => (r.payload as unknown as BulletinMailFacts).unit === null);
    expect(adminRows).toHaveLength(1);
  });

  it('downloads as XLSX with every target', async () => {
    const [{ id }] = (await http().get(`/api/programs/${PLAN_2022}/bulletins`).set(bearer(admin))).body;
    const b = (await http().get(`/api/bulletins/${id}`).set(bearer(admin))).body as Bulletin;
    const res = await http()
      .get(`/api/bulletins/${id}.xlsx`)
      .set(bearer(hrss.token))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    const ws = wb.getWorksheet('全部目标任务')!;
    const codes: string[] = [];
    ws.eachRow((row, n) => n > 2 && codes.push(String(row.getCell(14).value)));
    expect(codes).toEqual(b.targets.map((x) => x.code));
    expect(String(ws.getCell('A1').value)).toContain('2022年上半年');
  });

  it('shows a month later the change of a target that moved in between', async () => {
    clock.now = () => new Date('2022-07-15T02:00:00Z');
    await http()
      .post(`/api/targets/${await targetId('2025-manufacturing-talents')}/reports`)
      .set(bearer(hrss.token))
      .send({ unitId: units.get('qz-hrss'), periodLabel: '2022-07', value: 900_000 })
      .expect(201);
    clock.now = () => new Date(AUGUST_1);
    const first = (await http().get(`/api/programs/${PLAN_2022}/bulletins`).set(bearer(admin))).body[0];
    const second = await http()
      .post(`/api/programs/${PLAN_2022}/bulletins`)
      .set(bearer(admin))
      .send({ periodLabel: '2022-07' })
      .expect(201);
    const b = second.body as Bulletin;
    expect(b.previous!.id).toBe(first.id);
    const total = b.targets.find((x) => x.code === '2025-manufacturing-talents')!;
    expect(total).toMatchObject({ actual: 900_000, change: { actual: 900_000 } });
    expect(b.notReported.find((u) => u.unit === '市人社局')?.targets ?? []).not.toContain('全市制造业人才总量');
    const unmoved = b.targets.find((x) => x.code === '2025-national-talents')!;
    expect(unmoved.change).toMatchObject({ actual: 0 });
    expect((await bulletinRows(b.id)).filter((r) => r.recipientEmail === hrss.email)).toHaveLength(1);
  });
});
