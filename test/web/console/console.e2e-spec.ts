import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { BrowserContext, Page } from 'playwright-core';
import {
  bearer,
  createUser,
  CreatedUser,
  loginAdmin,
  strongPassword,
  uniqueEmail,
  unitIdsByCode,
} from '../../identity/identity-helpers';
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
import {
  ConsoleStack,
  DESKTOP,
  hasText,
  PHONE,
  screenshot,
  seriousViolations,
  signInAs,
  startConsoleStack,
  stored,
  until,
} from './browser';

jest.setTimeout(240_000);

/** Issue 11's acceptance, in Chromium against the real API on MariaDB. */
describe('organizer console, check-in desk and administration (browser)', () => {
  let stack: ConsoleStack;
  let admin: string;
  let organizer: CreatedUser;
  let staff: CreatedUser;
  let fairId: number;
  let sessionId: number;
  let deskSessionId: number;
  let pending: Registered;
  let confirmed: Registered;
  let deskGuest: Registered;
  let deskContext: BrowserContext;
  let desk: Page;
  let deskSignedInAt = 0;
  const http = () => stack.api.http;
  const N = Number(String(Date.now()).slice(-5));

  beforeAll(async () => {
    // the shortest access token the configuration allows: the desk must outlive it
    stack = await startConsoleStack({ JWT_TTL_SECONDS: '60' });
    admin = await loginAdmin(http());
    const units = await unitIdsByCode(http());
    organizer = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
    staff = await createUser(http(), admin, { role: 'checkin_staff', unitIds: [units.get('qz-hrss')!] });
    fairId = (await activityByCode(http(), PLAN_2021, '2021-2-2')).id;
    sessionId = await createSession(
      http(),
      admin,
      fairId,
      sessionBody({
        startsIn: 60 * 24 * 10,
        requiresApproval: true,
        quotas: [
          { category: 'enterprise', capacity: 20 },
          { category: 'phd', capacity: 20 },
        ],
      }),
    );
    pending = await register(http(), sessionId, { ...enterprise(N), phone: '13900001234' });
    await register(http(), sessionId, phd(N));
    // the founding meeting (2021-2-1) counts attendance: its session opens for check-in now
    const meeting = await activityByCode(http(), PLAN_2021, '2021-2-1');
    deskSessionId = await createSession(
      http(),
      admin,
      meeting.id,
      sessionBody({ startsIn: 30, quotas: [{ category: 'enterprise', capacity: 50 }] }),
    );
    deskGuest = await register(http(), deskSessionId, enterprise(N + 1));
    confirmed = deskGuest;

    // the desk signs in first: its access token will have expired by the time it checks people in
    deskContext = await stack.context(PHONE);
    desk = await deskContext.newPage();
    await signInAs(desk, staff.email, staff.password);
    deskSignedInAt = Date.now();
  });
  afterAll(() => stack?.close());

  it('an organizer of 市人社局 sees 泉博会 and not the activities of other units; creates a session', async () => {
    const ctx = await stack.context(DESKTOP);
    const page = await ctx.newPage();
    await page.goto('/console');
    await page.waitForURL(/\/console\/login/);
    await page.getByLabel('邮箱').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await signInAs(page, organizer.email, organizer.password);
    await page.getByText('泉博会').first().waitFor();
    // an activity none of whose lead or host units is 市人社局 does not appear
    const plan = (await http().get(`/api/programs/${PLAN_2021}`).expect(200)).body as {
      series: { activities: { title: string; leadUnits: { code: string }[]; hostUnits: { code: string }[] }[] }[];
    };
    const foreign = plan.series
      .flatMap((s) => s.activities)
      .find((a) => ![...a.leadUnits, ...a.hostUnits].some((u) => u.code === 'qz-hrss'));
    expect(foreign).toBeDefined();
    expect(await page.getByText(foreign!.title).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // the admin-only page is absent from the menu
    expect(await page.getByRole('menuitem', { name: '系统管理' }).count()).toBe(0);

    await page.locator('.ant-card', { hasText: '泉博会' }).getByRole('button', { name: '新建场次' }).click();
    await page.waitForURL(/\/sessions\/new$/);
    await page.getByLabel('场次名称').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const title = `泉博会 浏览器测试场 ${N}`;
    await page.getByLabel('场次名称').fill(title);
    await page.getByLabel('开始时间（北京时间）').fill('2030-05-18T09:00');
    await page.getByLabel('结束时间（北京时间）').fill('2030-05-18T17:00');
    await page.getByLabel('报名开始（北京时间）').fill('2030-04-01T09:00');
    await page.getByLabel('报名截止（北京时间）').fill('2030-05-17T18:00');
    await page.getByLabel('地点').fill('泉州市海峡人力资源产业园');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/console\/sessions\/\d+\/registrations$/);
    const createdId = Number(/sessions\/(\d+)\//.exec(page.url())![1]);
    const created = (await http().get(`/api/sessions/${createdId}`).expect(200)).body;
    expect(created).toMatchObject({ activityId: fairId, title, startsAt: '2030-05-18T01:00:00.000Z' });
    await screenshot(page, 'organizer-session-created');
  });

  it('approves a pending registration from the table, finds a registrant by 统一社会信用代码, downloads the 签到表', async () => {
    const ctx = await stack.context(DESKTOP);
    const page = await ctx.newPage();
    await signInAs(page, organizer.email, organizer.password);
    await page.goto(`/console/sessions/${sessionId}/registrations`);
    const name = enterprise(N).name;
    const row = page.locator('tr', { hasText: name });
    await row.getByText('待审核').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('button', { name: `通过 ${name}` }).click();
    await row.getByText('已确认').first().waitFor();
    const reg = await http().get(`/api/registrations/${pending.id}`).query({ token: pending.manageToken }).expect(200);
    expect(reg.body.status).toBe('confirmed');

    await page.getByPlaceholder('搜索姓名、单位名称、统一社会信用代码或手机号').fill(uscc(N));
    await page.getByPlaceholder('搜索姓名、单位名称、统一社会信用代码或手机号').press('Enter');
    await until(() => page.locator('tbody tr.ant-table-row').count(), 1);
    await hasText(page.locator('tbody tr.ant-table-row'), name);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载签到表' }).click(),
    ]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file!) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push(r.values as unknown[]));
    const mine = rows.find((r) => r.includes(name));
    expect(mine).toEqual(expect.arrayContaining(['企业', uscc(N), '已确认', '13900001234']));
    await screenshot(page, 'organizer-registrations');

    // a change registrants hear about says how many before it is saved
    await page.goto(`/console/sessions/${sessionId}/edit`);
    await page.getByLabel('地点').fill('泉州市晋江市会展中心');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const confirm = page.getByRole('dialog');
    await hasText(confirm, '将通知 2 位报名者');
    const unchanged = (await http().get(`/api/sessions/${sessionId}`).expect(200)).body;
    expect(unchanged.venue).not.toBe('泉州市晋江市会展中心');
    await confirm.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/registrations$/);
    const changed = (await http().get(`/api/sessions/${sessionId}`).expect(200)).body;
    expect(changed.venue).toBe('泉州市晋江市会展中心');
  });

  it('at 390×844 the desk, signed in past its access token, checks a code in: 签到成功, then 已签到 with the first time', async () => {
    const first = await stored(desk);
    // wait out the 60-second access token of the desk's sign-in
    const left = deskSignedInAt + 62_000 - Date.now();
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    await http().get('/api/me').set(bearer(first!.accessToken)).expect(401);

    const before = await attendanceActual();
    await desk.goto(`/console/desk/${deskSessionId}`);
    const input = desk.getByLabel('签到码');
    await until(() => input.evaluate((el) => el === el.ownerDocument.activeElement), true);
    expect(await seriousViolations(desk)).toEqual([]);
    const code = await checkInCodeOf(http(), confirmed);
    await input.fill(code);
    await input.press('Enter');
    const answer = desk.getByRole('alertdialog');
    await hasText(answer, '签到成功');
    await hasText(answer, enterprise(N + 1).name);
    await screenshot(desk, 'desk-ok');
    // the desk kept working with a renewed token, not the expired one
    const renewed = await stored(desk);
    expect(renewed!.accessToken).not.toBe(first!.accessToken);
    expect(renewed!.refreshToken).not.toBe(first!.refreshToken);

    // a green answer clears itself so the queue keeps moving
    await answer.waitFor({ state: 'detached' });
    await input.fill(code.toLowerCase());
    await input.press('Enter');
    await hasText(answer, '已签到');
    const checkIns = await http()
      .get(`/api/sessions/${deskSessionId}/roster`)
      .query({ checkedIn: 'true' })
      // a fresh sign-in: tokens made in beforeAll have outlived the 60-second lifetime
      .set(bearer(await loginAdmin(http())))
      .expect(200);
    const firstAt = new Date(checkIns.body.items[0].checkedInAt as string);
    const bj = new Date(firstAt.getTime() + 8 * 3600_000).toISOString();
    await hasText(answer, `首次签到：${bj.slice(0, 10)} ${bj.slice(11, 19)}`);
    await screenshot(desk, 'desk-again');
    await answer.getByRole('button', { name: '继续签到' }).click();

    // someone else's code (another session) is refused in red
    await input.fill(await checkInCodeOf(http(), pending));
    await input.press('Enter');
    await hasText(answer, '不是本场次的签到码');
    await answer.getByRole('button', { name: '继续签到' }).click();

    expect(await attendanceActual()).toBe(before + 1);
  });

  /** The dashboard's attendance figure of the founding meeting's enterprise target, as the organizer sees it. */
  async function attendanceActual(): Promise<number> {
    const ctx = await stack.context(DESKTOP);
    const page = await ctx.newPage();
    await signInAs(page, organizer.email, organizer.password);
    await page.goto('/console/dashboard');
    const cell = page.getByTestId('actual-2021-2-1-enterprises');
    await cell.first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const value = Number(await cell.textContent());
    await ctx.close();
    return value;
  }

  it('check-in staff see no organizer page, and the API answers 403', async () => {
    await desk.goto('/console');
    await desk.waitForURL(/\/console\/desk$/);
    for (const hidden of ['我的活动', '进度看板', '成果与进展', '系统管理']) {
      expect(await desk.getByRole('menuitem', { name: hidden }).count()).toBe(0);
    }
    await desk.goto(`/console/sessions/${deskSessionId}/registrations`);
    await desk.waitForURL(/\/console\/desk$/);
    const token = (await stored(desk))!.accessToken;
    await http().get(`/api/sessions/${deskSessionId}/roster`).set(bearer(token)).expect(403);
    await http().get(`/api/sessions/${deskSessionId}/registrations.xlsx`).set(bearer(token)).expect(403);
    await http().get('/api/programs/qz-2021-talent-activities/progress').set(bearer(token)).expect(403);
    await http().get('/api/users').set(bearer(token)).expect(403);
  });

  it('after logout the refresh token is refused', async () => {
    const before = (await stored(desk))!;
    await screenshot(desk, 'desk-before-logout');
    await desk.getByRole('button', { name: '退出登录' }).click();
    await desk.waitForURL(/\/console\/login/);
    expect(await stored(desk)).toBeNull();
    await http().post('/api/auth/refresh').send({ refreshToken: before.refreshToken }).expect(401);
  });

  it('an administrator creates an organizer who can then sign in', async () => {
    const ctx = await stack.context(DESKTOP);
    const page = await ctx.newPage();
    await signInAs(page, 'admin@test.example', 'correct-horse-battery-9');
    await page.goto('/console/admin');
    await page.getByRole('button', { name: '新建用户' }).click();
    const email = uniqueEmail('web-organizer');
    const password = strongPassword();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('邮箱').fill(email);
    await dialog.getByLabel('初始密码').fill(password);
    await dialog.getByLabel('所属单位').click();
    await page.keyboard.type('市人社局');
    await page.keyboard.press('Enter');
    // close the unit list so it does not cover the dialog's buttons
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByRole('cell', { name: email }).first().waitFor();

    const other = await (await stack.context(DESKTOP)).newPage();
    await signInAs(other, email, password);
    await other.getByText('泉博会').first().waitFor();
  });
});
