import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { bearer, createUser, CreatedUser, loginAdmin, unitIdsByCode } from '../identity/identity-helpers';

const PLAN_2022 = 'qz-2022-five-hundreds';
const TOTAL = '2025-manufacturing-talents';
const TEAMS = '2022-m14-talent-teams';

interface PeriodRow {
  label: string;
  actual: number;
  status: string;
}
interface TargetProgress {
  id: number;
  code: string;
  measure: string;
  actual: number;
  status: string;
  currentPeriod?: string;
  periods?: PeriodRow[];
}

/** Issue 12: one report per target, unit and period; stocks; periods; corrections, withdrawal, exports. */
describe.each(['sqlite', 'mysql'] as const)('progress reports on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let hrss: CreatedUser;
  let units: Map<string, number>;
  const http = () => t.http;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await loginAdmin(http());
    units = await unitIdsByCode(http());
    hrss = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-hrss')!] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const progress = async (accept?: string) =>
    (
      await http()
        .get(`/api/programs/${PLAN_2022}/progress`)
        .set(bearer(admin))
        .set(accept ? { 'Accept-Language': accept } : {})
        .expect(200)
    ).body as { targets: TargetProgress[] };
  const target = async (code: string) => (await progress()).targets.find((x) => x.code === code)!;
  const file = (targetId: number, token: string, body: object) =>
    http().post(`/api/targets/${targetId}/reports`).set(bearer(token)).send(body);

  it('takes the latest report of the 人才总量 stock, corrects a period filed again and refuses 2019 and 2031', async () => {
    const total = await target(TOTAL);
    expect(total).toMatchObject({ measure: 'stock', actual: 0 });
    const hrssId = units.get('qz-hrss')!;
    const first = await file(total.id, hrss.token, { unitId: hrssId, periodLabel: '2024', value: 950_000 }).expect(201);
    expect(first.body).toMatchObject({ periodLabel: '2024', value: 950_000, revision: 1, corrected: false });
    expect((await target(TOTAL)).actual).toBe(950_000);
    const y2025 = await file(total.id, hrss.token, { unitId: hrssId, periodLabel: '2025', value: 1_020_000 }).expect(
      201,
    );
    expect((await target(TOTAL)).actual).toBe(1_020_000);

    const again = await file(total.id, hrss.token, {
      unitId: hrssId,
      periodLabel: '2025',
      value: 1_010_000,
      note: '更正：剔除重复统计',
    }).expect(200);
    expect(again.body).toMatchObject({ id: y2025.body.id, value: 1_010_000, revision: 2, corrected: true });
    expect((await target(TOTAL)).actual).toBe(1_010_000);

    for (const [periodLabel, code] of [
      ['2019', 'period_before_program'],
      ['2031', 'period_in_future'],
    ]) {
      const refused = await file(total.id, hrss.token, { unitId: hrssId, periodLabel, value: 1 }).expect(422);
      expect(refused.body).toMatchObject({ code, details: [{ field: 'periodLabel' }] });
    }
    expect((await target(TOTAL)).actual).toBe(1_010_000);

    const listed = await http().get(`/api/targets/${total.id}/reports`).set(bearer(hrss.token)).expect(200);
    expect(listed.body.total).toBe(2);
    const history = await http().get(`/api/reports/${y2025.body.id}/history`).set(bearer(hrss.token)).expect(200);
    expect(history.body.revisions.map((r: { action: string; value: number }) => [r.action, r.value])).toEqual([
      ['filed', 1_020_000],
      ['corrected', 1_010_000],
    ]);
    const audit = await http()
      .get('/api/audit')
      .query({ action: 'progress_report.create', entityId: String(y2025.body.id) })
      .set(bearer(admin))
      .expect(200);
    expect(audit.body.total).toBe(2);
  });

  it('withdraws a report: the stock falls back to the earlier period, a second withdrawal is 409, filing again counts', async () => {
    const total = await target(TOTAL);
    const reports = (await http().get(`/api/targets/${total.id}/reports`).set(bearer(admin)).expect(200)).body.items;
    const y2025 = reports.find((r: { periodLabel: string }) => r.periodLabel === '2025');
    const withdrawn = await http()
      .post(`/api/reports/${y2025.id}/withdraw`)
      .set(bearer(hrss.token))
      .send({ reason: '数据口径有误' })
      .expect(200);
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    expect((await target(TOTAL)).actual).toBe(950_000);
    const twice = await http().post(`/api/reports/${y2025.id}/withdraw`).set(bearer(hrss.token)).send({}).expect(409);
    expect(twice.body.code).toBe('report_withdrawn');
    const refiled = await file(total.id, hrss.token, {
      unitId: units.get('qz-hrss'),
      periodLabel: '2025',
      value: 1_020_000,
    }).expect(200);
    expect(refiled.body).toMatchObject({ id: y2025.id, revision: 4, withdrawnAt: null });
    expect((await target(TOTAL)).actual).toBe(1_020_000);
    const history = await http().get(`/api/reports/${y2025.id}/history`).set(bearer(admin)).expect(200);
    expect(history.body.revisions.map((r: { action: string }) => r.action)).toEqual([
      'filed',
      'corrected',
      'withdrawn',
      'refiled',
    ]);
  });

  it('keeps one report when the same period is filed twice at once', async () => {
    const total = await target('2025-national-talents');
    const body = { unitId: units.get('qz-hrss'), periodLabel: '2023', value: 40 };
    const answers = await Promise.all([file(total.id, admin, body), file(total.id, admin, body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0]!.body.id).toBe(answers[1]!.body.id);
    const listed = await http().get(`/api/targets/${total.id}/reports`).set(bearer(admin)).expect(200);
    expect(listed.body.total).toBe(1);
  });

  it('judges the yearly teams target per year: 2023 = 8 behind, 2024 = 12 met', async () => {
    const teams = await target(TEAMS);
    const org = units.get('qz-org-dept');
    await file(teams.id, admin, { unitId: org, periodLabel: '2023', value: 8 }).expect(201);
    await file(teams.id, admin, { unitId: org, periodLabel: '2024', value: 12 }).expect(201);
    const judged = await target(TEAMS);
    expect(judged.periods!.map((p) => p.label)).toEqual(['2022', '2023', '2024', '2025']);
    const byLabel = new Map(judged.periods!.map((p) => [p.label, p]));
    expect(byLabel.get('2023')).toMatchObject({ actual: 8, status: 'behind' });
    expect(byLabel.get('2024')).toMatchObject({ actual: 12, status: 'met' });
    // the program ended in 2025: its last year is the current one, and the target's status is that year's
    expect(judged).toMatchObject({ currentPeriod: '2025', actual: 0, status: byLabel.get('2025')!.status });
  });

  it('exports the periods in Chinese, with a title row, and in English on request', async () => {
    const csv = await http().get(`/api/programs/${PLAN_2022}/progress.csv`).set(bearer(admin)).expect(200);
    const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''), { relax_column_count: true });
    expect(rows[0]![0]).toMatch(
      /^泉州市建设“五个一百”先进制造业人才中心和创新高地实施方案目标任务进度表（截至.+北京时间）$/,
    );
    const header = rows[1]!;
    const col = (name: string) => header.indexOf(name);
    const teams = rows.filter((r) => r[col('编码')] === TEAMS);
    expect(teams.map((r) => [r[col('考核期')], r[col('实际完成')], r[col('状态')]])).toEqual([
      ['2025年', '0', expect.any(String)],
      ['2022年', '0', '滞后'],
      ['2023年', '8', '滞后'],
      ['2024年', '12', '已完成'],
      ['2025年', '0', expect.any(String)],
    ]);
    expect(teams[0]![col('要求')]).toBe('不少于');
    expect(teams[0]![col('序号')]).toBe('14.');
    expect(teams[0]![col('完成率')]).toBe('0.0%');
    const total = rows.find((r) => r[col('编码')] === TOTAL)!;
    expect(total[col('责任单位（牵头单位在前）')]).toBe('市人社局、市委组织部');
    expect(total[col('类型')]).toBe('存量');
    expect(total[col('完成率')]).toBe('102.0%');

    const en = await http()
      .get(`/api/programs/${PLAN_2022}/progress.csv`)
      .set(bearer(admin))
      .set('Accept-Language', 'en')
      .expect(200);
    expect(en.text.split('\r\n')[1]).toMatch(/^Series,No\.,Activity,Target,/);
    expect(en.text).toContain(',yearly,2023,');

    const xlsx = await http()
      .get(`/api/programs/${PLAN_2022}/progress.xlsx`)
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
    const ws = wb.getWorksheet('目标任务')!;
    expect(String(ws.getCell('A1').value)).toContain('截至');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const labels: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 2 && row.getCell(18).value === TEAMS) labels.push(String(row.getCell(7).value));
    });
    expect(labels).toEqual(['2025年', '2022年', '2023年', '2024年', '2025年']);
  });
});
