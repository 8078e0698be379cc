import { createConnection } from 'mysql2/promise';
import { qrCodePng, qrScaleFor } from '@app/notifications';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { bearer, createUser, CreatedUser, loginAdmin, unitIdsByCode } from '../identity/identity-helpers';
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
} from './event-fixtures';

describe('check-in and attendance (MariaDB)', () => {
  let t: TestApp;
  let admin: string;
  let organizer: CreatedUser;
  let staff: CreatedUser;
  let otherStaff: CreatedUser;
  let fairId: number;
  const http = () => t.http;

  // Each test makes the sessions and registrations it needs, so any one of them can run alone
  // (`-t '<name>'`); only the users and the activity are shared, and no test changes them.
  let people = 0;
  const nextPhd = () => phd(++people);
  const nextEnterprise = () => enterprise(++people);
  const newSession = (opts: Partial<Parameters<typeof sessionBody>[0]> = {}) =>
    createSession(
      http(),
      organizer.token,
      fairId,
      sessionBody({ startsIn: 30, quotas: [{ category: 'phd', capacity: 30 }], ...opts }),
    );
  /** A session open for check-in with `n` confirmed PhD registrations. */
  const sessionWith = async (
    n: number,
    opts: Partial<Parameters<typeof sessionBody>[0]> = {},
  ): Promise<{ id: number; regs: Registered[] }> => {
    const id = await newSession(opts);
    const regs: Registered[] = [];
    for (let i = 0; i < n; i++) regs.push(await register(http(), id, nextPhd()));
    return { id, regs };
  };

  beforeAll(async () => {
    t = await startTestApp('mysql');
    admin = await loginAdmin(http());
    const units = await unitIdsByCode(http());
    organizer = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
    staff = await createUser(http(), admin, { role: 'checkin_staff', unitIds: [units.get('qz-sci-tech')!] });
    otherStaff = await createUser(http(), admin, { role: 'checkin_staff', unitIds: [units.get('qz-ftu')!] });
    fairId = (await activityByCode(http(), PLAN_2021, '2021-2-2')).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const checkIn = (body: object, token: string, session: number) =>
    http().post(`/api/sessions/${session}/check-ins`).set(bearer(token)).send(body);

  it('answers 201 the first time and 200 with the first time on a repeat', async () => {
    const { id: sessionId, regs } = await sessionWith(1);
    const code = await checkInCodeOf(http(), regs[0]!);
    const first = await checkIn({ code }, staff.token, sessionId).expect(201);
    const who = { name: expect.any(String), category: 'phd', unitName: expect.any(String) };
    expect(first.body).toEqual({ registrationId: regs[0]!.id, checkedInAt: expect.any(String), first: true, ...who });
    const again = await checkIn({ code: code.toLowerCase() }, staff.token, sessionId).expect(200);
    expect(again.body).toEqual({
      registrationId: regs[0]!.id,
      checkedInAt: first.body.checkedInAt,
      first: false,
      ...who,
    });
    const byId = await checkIn({ registrationId: regs[0]!.id }, organizer.token, sessionId).expect(200);
    expect(byId.body.checkedInAt).toBe(first.body.checkedInAt);
  });

  it('turns 20 concurrent scans of one code into exactly one check-in', async () => {
    const { id: sessionId, regs } = await sessionWith(6);
    const code = await checkInCodeOf(http(), regs[1]!);
    const answers = await Promise.all(Array.from({ length: 20 }, () => checkIn({ code }, staff.token, sessionId)));
    expect(answers.map((a) => a.status).sort((a, b) => b - a)).toEqual([201, ...Array(19).fill(200)]);
    expect(new Set(answers.map((a) => a.body.checkedInAt)).size).toBe(1);
    const conn = await createConnection(t.db.url);
    const [rows] = await conn.query('SELECT COUNT(*) AS n FROM check_ins WHERE registration_id = ?', [regs[1]!.id]);
    await conn.end();
    expect(Number((rows as { n: number }[])[0]!.n)).toBe(1);
    const attendance = await http().get(`/api/sessions/${sessionId}/attendance`).set(bearer(staff.token)).expect(200);
    expect(attendance.body.byCategory.find((c: { category: string }) => c.category === 'phd')).toMatchObject({
      capacity: 30,
      registered: 6,
      checkedIn: 1,
    });
  });

  it('refuses anonymous callers with 401, staff of another unit with 403 and a missing code with 400 naming the field', async () => {
    const { id: sessionId, regs } = await sessionWith(1);
    await http().post(`/api/sessions/${sessionId}/check-ins`).send({ code: 'ABCDEFGHJK' }).expect(401);
    await checkIn({ registrationId: regs[0]!.id }, otherStaff.token, sessionId).expect(403);
    const missing = await checkIn({}, staff.token, sessionId).expect(400);
    expect(missing.body.details).toEqual([{ field: 'code', reason: '需要提供 code 或 registrationId' }]);
    const malformed = await checkIn({ code: '??' }, staff.token, sessionId).expect(400);
    expect(malformed.body.details[0].field).toBe('code');
  });

  it('answers 422 for a code of another session and 404 for an unknown one', async () => {
    const { id: sessionId, regs } = await sessionWith(1);
    const otherSessionId = await newSession({ quotas: [{ category: 'phd', capacity: 5 }] });
    const code = await checkInCodeOf(http(), regs[0]!);
    const wrong = await checkIn({ code }, staff.token, otherSessionId).expect(422);
    expect(wrong.body.details).toEqual([{ field: 'code', reason: '属于其他场次' }]);
    // the other session's id is not given away
    expect(wrong.body.message).not.toMatch(/\d/);
    await checkIn({ code: 'ZZZZZZZZZZ' }, staff.token, sessionId).expect(404);
  });

  it('answers 422 for a registration that is not confirmed', async () => {
    const { id: sessionId, regs } = await sessionWith(1);
    const cancelled = regs[0]!;
    await http()
      .post(`/api/registrations/${cancelled.id}/cancel`)
      .query({ token: cancelled.manageToken })
      .send({})
      .expect(200);
    const res = await checkIn({ registrationId: cancelled.id }, staff.token, sessionId).expect(422);
    expect(res.body).toMatchObject({ code: 'not_confirmed', message: '报名状态为“已取消”，未确认，不能签到' });
  });

  it('opens check-in only from the configured lead time until the end, never for cancelled sessions', async () => {
    const later = await createSession(
      http(),
      organizer.token,
      fairId,
      sessionBody({ startsIn: 180, quotas: [{ category: 'phd', capacity: 5 }] }),
    );
    const reg = await register(http(), later, nextPhd());
    const early = await checkIn({ registrationId: reg.id }, staff.token, later).expect(422);
    expect(early.body.code).toBe('check_in_refused');
    expect(early.body.message).toMatch(
      /^暂不能签到：签到将于北京时间 \d{4}-\d\d-\d\d \d\d:\d\d 开放（开始前 120 分钟）$/,
    );
    const { id: otherSessionId, regs } = await sessionWith(1, { quotas: [{ category: 'phd', capacity: 5 }] });
    await http()
      .patch(`/api/sessions/${otherSessionId}`)
      .set(bearer(organizer.token))
      .send({ status: 'cancelled', reason: '测试取消' })
      .expect(200);
    const cancelled = await checkIn({ registrationId: regs[0]!.id }, staff.token, otherSessionId).expect(422);
    expect(cancelled.body).toMatchObject({ code: 'check_in_refused', message: '暂不能签到：场次已取消' });
  });

  it("lets organizers and the session's check-in staff undo a check-in with 204 and lowers the tally", async () => {
    const { id: sessionId, regs } = await sessionWith(2);
    await checkIn({ registrationId: regs[0]!.id }, staff.token, sessionId).expect(201);
    await checkIn({ registrationId: regs[1]!.id }, staff.token, sessionId).expect(201);
    const path = `/api/sessions/${sessionId}/check-ins/${regs[1]!.id}`;
    await http().delete(path).set(bearer(otherStaff.token)).expect(403);
    await http().delete(path).set(bearer(staff.token)).expect(204);
    await http().delete(path).set(bearer(organizer.token)).expect(404);
    await checkIn({ registrationId: regs[1]!.id }, staff.token, sessionId).expect(201);
    await http().delete(path).set(bearer(organizer.token)).expect(204);
    const attendance = await http()
      .get(`/api/sessions/${sessionId}/attendance`)
      .set(bearer(organizer.token))
      .expect(200);
    expect(attendance.body.total).toMatchObject({ checkedIn: 1 });
    await checkIn({ registrationId: regs[1]!.id }, staff.token, sessionId).expect(201);
  });

  it('registers and checks in walk-ins while seats remain, then answers 422', async () => {
    // 5 PhDs registered, 3 of them checked in, and 3 enterprise seats for walk-ins
    const { id: sessionId, regs } = await sessionWith(5, {
      quotas: [
        { category: 'enterprise', capacity: 3 },
        { category: 'phd', capacity: 30 },
      ],
    });
    for (const reg of regs.slice(0, 3)) await checkIn({ registrationId: reg.id }, staff.token, sessionId).expect(201);
    const walkIn = () =>
      http().post(`/api/sessions/${sessionId}/walk-ins`).set(bearer(staff.token)).send(nextEnterprise());
    for (let i = 0; i < 3; i++) {
      const res = await walkIn().expect(201);
      expect(res.body).toMatchObject({ status: 'confirmed', first: true, checkedInAt: expect.any(String) });
    }
    const full = await walkIn().expect(422);
    expect(full.body.code).toBe('session_full');
    await http().post(`/api/sessions/${sessionId}/walk-ins`).send(nextEnterprise()).expect(401);
    const attendance = await http().get(`/api/sessions/${sessionId}/attendance`).set(bearer(staff.token)).expect(200);
    expect(attendance.body).toEqual({
      sessionId,
      byCategory: [
        { category: 'enterprise', capacity: 3, registered: 3, checkedIn: 3, rate: 1 },
        { category: 'phd', capacity: 30, registered: 5, checkedIn: 3, rate: 0.6 },
      ],
      total: { capacity: 33, registered: 8, checkedIn: 6, rate: 0.75 },
    });
  });

  it('rolls attendance up to the activity and the program for organizers', async () => {
    // other tests' sessions of this activity may be there too: compare before and after
    const activityOf = () =>
      http().get(`/api/activities/${fairId}/attendance`).set(bearer(organizer.token)).expect(200);
    const programOf = () => http().get(`/api/programs/${PLAN_2021}/attendance`).set(bearer(admin)).expect(200);
    const fairIn = (program: { body: { byActivity: { activityId: number; checkedIn: number }[] } }) =>
      program.body.byActivity.find((a) => a.activityId === fairId)?.checkedIn ?? 0;
    const [activityBefore, programBefore] = [await activityOf(), await programOf()];
    const { id: sessionId, regs } = await sessionWith(3);
    for (const reg of regs.slice(0, 2)) await checkIn({ registrationId: reg.id }, staff.token, sessionId).expect(201);
    const activity = await activityOf();
    expect(activity.body.total.checkedIn).toBe(activityBefore.body.total.checkedIn + 2);
    expect(activity.body.sessions.find((s: { sessionId: number }) => s.sessionId === sessionId)).toMatchObject({
      checkedIn: 2,
    });
    await http().get(`/api/activities/${fairId}/attendance`).set(bearer(staff.token)).expect(403);
    const program = await programOf();
    expect(program.body.total.checkedIn).toBe(programBefore.body.total.checkedIn + 2);
    expect(fairIn(program)).toBe(fairIn(programBefore) + 2);
    await http().get(`/api/programs/${PLAN_2021}/attendance`).expect(401);
  });

  it('renders the check-in code as a QR image without a lookup', async () => {
    const { regs } = await sessionWith(1);
    const code = await checkInCodeOf(http(), regs[0]!);
    const png = await http().get(`/api/check-in-codes/${code}/qr.png`).expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
    const svg = await http().get(`/api/check-in-codes/${code}/qr.svg`).expect(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect((svg.body as Buffer).toString()).toContain('<svg');
    const bad = await http().get('/api/check-in-codes/%3Cscript%3E/qr.svg').expect(400);
    expect(bad.body.details).toEqual([{ field: 'code', reason: expect.any(String) }]);
    // one QR encoder for the endpoint and the mail attachment
    expect(png.body).toEqual(qrCodePng(code, qrScaleFor(code, 320)));
  });

  it("a check-in staff walk-in respects the session's requiresApproval; an organizer's is the approval", async () => {
    const gated = await createSession(
      http(),
      organizer.token,
      fairId,
      sessionBody({ startsIn: 30, requiresApproval: true, quotas: [{ category: 'phd', capacity: 10 }] }),
    );
    const byStaff = await http().post(`/api/sessions/${gated}/walk-ins`).set(bearer(staff.token)).send(nextPhd());
    expect(byStaff.status).toBe(201);
    expect(byStaff.body).toMatchObject({ status: 'pending_approval', checkedInAt: null, first: false });
    const byOrganizer = await http()
      .post(`/api/sessions/${gated}/walk-ins`)
      .set(bearer(organizer.token))
      .send(nextPhd())
      .expect(201);
    expect(byOrganizer.body).toMatchObject({ status: 'confirmed', first: true, checkedInAt: expect.any(String) });
    const attendance = await http().get(`/api/sessions/${gated}/attendance`).set(bearer(organizer.token)).expect(200);
    expect(attendance.body.total).toMatchObject({ checkedIn: 1 });
  });

  it('limits answers to 50 keys and 16 KB, answering 400 naming answers and writing nothing', async () => {
    const sessionId = await newSession();
    const before = await http().get(`/api/sessions/${sessionId}/registrations`).set(bearer(organizer.token));
    const post = (answers: object) =>
      http()
        .post(`/api/sessions/${sessionId}/registrations`)
        .send({ ...nextPhd(), answers });
    const big = await post({ essay: 'x'.repeat(17 * 1024) }).expect(400);
    expect(big.body.details).toEqual([{ field: 'answers', reason: '序列化为 JSON 后不能超过 16 KB' }]);
    const many = await post(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`q${i}`, 'a']))).expect(400);
    expect(many.body.details).toEqual([{ field: 'answers', reason: '最多 50 个键' }]);
    const nested = await post({ a: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`q${i}`, 1])) }).expect(
      400,
    );
    expect(nested.body.details[0].field).toBe('answers');
    const after = await http().get(`/api/sessions/${sessionId}/registrations`).set(bearer(organizer.token));
    expect(after.body.total).toBe(before.body.total);
    await post({ motivation: '希望与企业对接', fields: ['材料', '化工'] }).expect(201);
  });

  it('refuses to scope check-in staff to sessions that do not exist, answering 400 naming the index', async () => {
    const sessionId = await newSession();
    const create = (sessionIds: number[]) =>
      http()
        .post('/api/users')
        .set(bearer(admin))
        .send({
          email: `scoped-${Date.now()}-${sessionIds.join('-')}@test.example`,
          password: `scoped-staff-${Date.now().toString(36)}-pw`,
          role: 'checkin_staff',
          sessionIds,
        });
    const bad = await create([sessionId, 987654321]).expect(400);
    expect(bad.body.details).toEqual([{ field: 'sessionIds[1]', reason: '场次 987654321 不存在' }]);
    const ok = await create([sessionId]).expect(201);
    const patched = await http()
      .patch(`/api/users/${ok.body.id}`)
      .set(bearer(admin))
      .send({ sessionIds: [987654322] })
      .expect(400);
    expect(patched.body.details).toEqual([{ field: 'sessionIds[0]', reason: '场次 987654322 不存在' }]);
  });
});
