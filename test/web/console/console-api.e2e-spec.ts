import ExcelJS from 'exceljs';
import { startTestApp, TestApp, ADMIN } from '@app/testing/test-app';
import { bearer, createUser, CreatedUser, loginAdmin, unitIdsByCode } from '../../identity/identity-helpers';
import {
  activityByCode,
  checkInCodeOf,
  createSession,
  enterprise,
  phd,
  PLAN_2021,
  register,
  Registered,
  sessionBody,
  uscc,
} from '../../attendance/event-fixtures';

/** The routes the organizer console and the check-in desk stand on (issue 11), on SQLite and MariaDB. */
describe.each(['sqlite', 'mysql'] as const)('console API (%s)', (kind) => {
  let t: TestApp;
  let admin: string;
  let organizer: CreatedUser;
  let otherOrganizer: CreatedUser;
  let staff: CreatedUser;
  let fairId: number;
  let sessionId: number;
  const regs: Registered[] = [];
  const http = () => t.http;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await loginAdmin(http());
    const units = await unitIdsByCode(http());
    organizer = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
    otherOrganizer = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-samr')!] });
    staff = await createUser(http(), admin, { role: 'checkin_staff', unitIds: [units.get('qz-hrss')!] });
    fairId = (await activityByCode(http(), PLAN_2021, '2021-2-2')).id;
    sessionId = await createSession(
      http(),
      organizer.token,
      fairId,
      sessionBody({
        startsIn: 30,
        quotas: [
          { category: 'enterprise', capacity: 10 },
          { category: 'phd', capacity: 10 },
        ],
      }),
    );
    regs.push(await register(http(), sessionId, { ...enterprise(7), phone: '13812345678' }));
    regs.push(await register(http(), sessionId, enterprise(8)));
    regs.push(await register(http(), sessionId, phd(9)));
  });
  afterAll(() => t?.close());

  describe('sign-ins with refresh tokens', () => {
    const loginFull = async (email: string, password: string) =>
      (await http().post('/api/auth/login').send({ email, password }).expect(200)).body as {
        accessToken: string;
        refreshToken: string;
        expiresIn: number;
        refreshExpiresIn: number;
      };
    const refresh = (refreshToken: string) => http().post('/api/auth/refresh').send({ refreshToken });

    it('login answers a refresh token that lasts a working day; refreshing rotates it', async () => {
      const first = await loginFull(ADMIN.email, ADMIN.password);
      expect(first.refreshToken).toEqual(expect.any(String));
      expect(first.refreshExpiresIn).toBeGreaterThan(11 * 3600);
      const next = (await refresh(first.refreshToken).expect(200)).body;
      expect(next.refreshToken).not.toBe(first.refreshToken);
      await http().get('/api/me').set(bearer(next.accessToken)).expect(200);
      const third = await refresh(next.refreshToken).expect(200);
      expect(third.body.refreshExpiresIn).toBeLessThanOrEqual(first.refreshExpiresIn);
    });

    it('a reused refresh token ends the whole sign-in', async () => {
      const first = await loginFull(ADMIN.email, ADMIN.password);
      const second = (await refresh(first.refreshToken).expect(200)).body;
      await refresh(first.refreshToken).expect(401);
      // the legitimate holder's newer token is revoked with its family
      await refresh(second.refreshToken).expect(401);
    });

    it('two simultaneous uses of one refresh token: one wins, the sign-in ends (reuse)', async () => {
      const first = await loginFull(ADMIN.email, ADMIN.password);
      const answers = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
      const winner = answers.find((a) => a.status === 200)!;
      await refresh(winner.body.refreshToken).expect(401);
    });

    it('logout revokes the refresh token; other sign-ins keep working', async () => {
      const a = await loginFull(ADMIN.email, ADMIN.password);
      const b = await loginFull(ADMIN.email, ADMIN.password);
      await http().post('/api/auth/logout').send({ refreshToken: a.refreshToken }).expect(204);
      await refresh(a.refreshToken).expect(401);
      await refresh(b.refreshToken).expect(200);
    });

    it('a password change and disabling end the refresh tokens', async () => {
      const user = await createUser(http(), admin, { role: 'checkin_staff', sessionIds: [sessionId] });
      const s1 = await loginFull(user.email, user.password);
      await http()
        .patch(`/api/users/${user.id}`)
        .set(bearer(admin))
        .send({ password: 'a-new-long-password-77' })
        .expect(200);
      await refresh(s1.refreshToken).expect(401);
      const s2 = await loginFull(user.email, 'a-new-long-password-77');
      await http().patch(`/api/users/${user.id}`).set(bearer(admin)).send({ disabled: true }).expect(200);
      await refresh(s2.refreshToken).expect(401);
      await http().patch(`/api/users/${user.id}`).set(bearer(admin)).send({ disabled: false }).expect(200);
      await refresh(s2.refreshToken).expect(401);
    });

    it('400 for a missing refresh token, 401 for an unknown one', async () => {
      await http().post('/api/auth/refresh').send({}).expect(400);
      await refresh('x'.repeat(43)).expect(401);
    });
  });

  it('GET /api/me/activities: an organizer sees the activities of its units only; staff their sessions', async () => {
    const titles = (body: { programs: { series: { activities: { id: number; sessions: { id: number }[] }[] }[] }[] }) =>
      body.programs.flatMap((p) => p.series.flatMap((s) => s.activities));
    const own = titles((await http().get('/api/me/activities').set(bearer(organizer.token)).expect(200)).body);
    expect(own.map((a) => a.id)).toContain(fairId);
    expect(own.find((a) => a.id === fairId)!.sessions.map((s) => s.id)).toContain(sessionId);
    const other = titles((await http().get('/api/me/activities').set(bearer(otherOrganizer.token)).expect(200)).body);
    expect(other.map((a) => a.id)).not.toContain(fairId);
    const desk = titles((await http().get('/api/me/activities').set(bearer(staff.token)).expect(200)).body);
    expect(desk.find((a) => a.id === fairId)!.sessions.map((s) => s.id)).toContain(sessionId);
    const all = titles((await http().get('/api/me/activities').set(bearer(admin)).expect(200)).body);
    expect(all.length).toBeGreaterThan(own.length);
  });

  describe('报名管理 and the 签到表', () => {
    const roster = (query: Record<string, string>, token = organizer.token) =>
      http().get(`/api/sessions/${sessionId}/roster`).query(query).set(bearer(token));

    it('searches by 统一社会信用代码, name, 单位名称 and phone; filters by category', async () => {
      const byUscc = (await roster({ q: uscc(7).slice(-8) }).expect(200)).body;
      expect(byUscc.items.map((r: { id: number }) => r.id)).toEqual([regs[0]!.id]);
      expect(byUscc.items[0]).toMatchObject({ uscc: uscc(7), unitName: enterprise(7).name, checkedInAt: null });
      expect((await roster({ q: '5678' }).expect(200)).body.total).toBe(1);
      expect((await roster({ q: '测试博士9' }).expect(200)).body.total).toBe(1);
      expect((await roster({ q: '清华' }).expect(200)).body.total).toBe(1);
      expect((await roster({ q: '%' }).expect(200)).body.total).toBe(0);
      expect((await roster({ category: 'enterprise' }).expect(200)).body.total).toBe(2);
      await roster({ checkedIn: 'maybe' }).expect(400);
      await roster({}, otherOrganizer.token).expect(403);
    });

    it('check-in answers name, category and unit; the checked-in filter and the export show the time', async () => {
      const code = await checkInCodeOf(http(), regs[0]!);
      const res = await http()
        .post(`/api/sessions/${sessionId}/check-ins`)
        .set(bearer(staff.token))
        .send({ code })
        .expect(201);
      expect(res.body).toMatchObject({
        name: enterprise(7).name,
        category: 'enterprise',
        unitName: enterprise(7).name,
      });
      const checked = (await roster({ checkedIn: 'true' }).expect(200)).body;
      expect(checked.items.map((r: { id: number }) => r.id)).toEqual([regs[0]!.id]);
      expect(checked.items[0].checkedInAt).toBe(res.body.checkedInAt);
      expect((await roster({ checkedIn: 'false' }).expect(200)).body.total).toBe(2);

      const file = await http()
        .get(`/api/sessions/${sessionId}/registrations.xlsx`)
        .set(bearer(organizer.token))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(file.headers['content-type']).toMatch(/spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.body as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['类别', '单位名称', '状态', '签到时间']));
      const row = sheet.getRow(3).values as unknown[];
      expect(row).toEqual(expect.arrayContaining(['企业', enterprise(7).name, uscc(7), '已确认']));
      const beijing = new Date(new Date(res.body.checkedInAt).getTime() + 8 * 3600_000)
        .toISOString()
        .slice(0, 19)
        .replace('T', ' ');
      expect(row).toContain(beijing);
      // the organizer of the activity may see the phone number; nobody else may download
      expect(row).toContain('13812345678');
      await http().get(`/api/sessions/${sessionId}/registrations.xlsx`).set(bearer(staff.token)).expect(403);
      const audit = await http()
        .get('/api/audit')
        .query({ action: 'registration.export' })
        .set(bearer(admin))
        .expect(200);
      expect(audit.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            actor: expect.objectContaining({ id: organizer.id }),
            entityId: sessionId,
          }),
        ]),
      );
      const en = await http()
        .get(`/api/sessions/${sessionId}/registrations.xlsx`)
        .set(bearer(admin))
        .set('Accept-Language', 'en')
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const wbEn = new ExcelJS.Workbook();
      await wbEn.xlsx.load(en.body as ArrayBuffer);
      expect(wbEn.worksheets[0]!.getRow(2).values).toEqual(expect.arrayContaining(['Category', 'Unit', 'Checked in']));
    });
  });
});
