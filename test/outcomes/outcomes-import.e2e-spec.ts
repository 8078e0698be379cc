import ExcelJS from 'exceljs';
import supertest from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityByCode, PLAN_2021 } from '../attendance/event-fixtures';
import { bearer, createUser, CreatedUser, loginAdmin, unitIdsByCode } from '../identity/identity-helpers';

interface TargetProgress {
  code: string;
  actual: number;
  ratio: number;
  status: string;
}

const HEADER = 'mentorName,apprenticeName,enterpriseName,agreementType,signedOn';

/** n agreements, alternating the two kinds, one name with a comma to exercise quoting. */
function agreementsCsv(n: number): string {
  const lines = [HEADER];
  for (let i = 1; i <= n; i++) {
    const type = i % 2 ? 'technical_breakthrough' : '技能传授型';
    const month = String((i % 9) + 3).padStart(2, '0');
    lines.push(`师傅${i},徒弟${i},"泉州市第${i % 50}机械有限公司, 晋江分公司",${type},2021-${month}-15`);
  }
  return lines.join('\r\n');
}

describe('outcomes and their bulk import (MariaDB)', () => {
  let t: TestApp;
  let admin: string;
  let union: CreatedUser;
  let stranger: CreatedUser;
  let activityId: number;
  // the assertions below read the English reasons
  let english: TestAgent;
  const http = () => english;

  beforeAll(async () => {
    t = await startTestApp('mysql');
    english = supertest.agent(t.app.getHttpServer()).set('Accept-Language', 'en');
    admin = await loginAdmin(http());
    const units = await unitIdsByCode(http());
    union = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-ftu')!] });
    stranger = await createUser(http(), admin, { role: 'organizer', unitIds: [units.get('qz-edu')!] });
    activityId = (await activityByCode(http(), PLAN_2021, '2021-1-3')).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (file: Buffer, name: string, token = union.token) =>
    http().post(`/api/activities/${activityId}/outcomes/import`).set(bearer(token)).attach('file', file, name);
  const agreementsTarget = async (): Promise<TargetProgress> => {
    const res = await http().get(`/api/programs/${PLAN_2021}/progress`).set(bearer(union.token)).expect(200);
    return (res.body.targets as TargetProgress[]).find((x) => x.code === '2021-1-3-apprenticeship-agreements')!;
  };

  it('imports 10,000 agreements in seconds and meets the 1万份 target of 2021-1-3', async () => {
    expect(await agreementsTarget()).toMatchObject({ actual: 0, status: 'behind' });
    const started = Date.now();
    const res = await upload(Buffer.from(agreementsCsv(10_000)), 'agreements.csv').expect(201);
    const seconds = (Date.now() - started) / 1000;
    expect(res.body).toEqual({ imported: 10_000, errors: [] });
    expect(seconds).toBeLessThan(30);
    expect(await agreementsTarget()).toMatchObject({ actual: 10_000, ratio: 1, status: 'met' });

    const list = await http()
      .get(`/api/activities/${activityId}/outcomes`)
      .query({ agreementType: 'skill_transfer', pageSize: 2 })
      .expect(200);
    expect(list.body).toMatchObject({ total: 5_000, page: 1, pageSize: 2 });
    expect(list.body.items[0]).toMatchObject({
      type: 'apprenticeship_agreement',
      agreementType: 'skill_transfer',
      status: 'signed',
      parties: { mentorName: '师**', apprenticeName: '徒**', enterpriseName: '泉州市第2机械有限公司, 晋江分公司' },
      registrationIds: null,
    });
    const mine = await http()
      .get(`/api/activities/${activityId}/outcomes`)
      .set(bearer(union.token))
      .query({ pageSize: 1 })
      .expect(200);
    expect(mine.body.items[0].parties.mentorName).toBe('师傅1');
  });

  it('imports the good rows of a file with bad ones and reports the bad by row number', async () => {
    const csv = [
      HEADER,
      '王师傅,李徒弟,泉州甲公司,technical_breakthrough,2021-05-01',
      ',林徒弟,泉州乙公司,skill_transfer,2021-05-02',
      '陈师傅,黄徒弟,泉州丙公司,技术攻关型,2021-05-03',
      '',
      '吴师傅,郑徒弟,泉州丁公司,apprentice,2021-02-30',
      '许师傅,何徒弟,泉州戊公司,技能传授型,2021/6/1',
    ].join('\n');
    const res = await upload(Buffer.from(csv), 'mixed.csv').expect(201);
    expect(res.body).toEqual({
      imported: 3,
      errors: [
        { row: 3, field: 'mentorName', reason: 'is required for this outcome type' },
        { row: 6, field: 'agreementType', reason: expect.stringMatching(/technical_breakthrough or skill_transfer/) },
        { row: 6, field: 'signedOn', reason: 'must be a real date (YYYY-MM-DD)' },
      ],
    });
    expect((await agreementsTarget()).actual).toBe(10_003);
  });

  it('reads XLSX with Chinese headers and date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('协议');
    ws.addRow(['师傅姓名', '徒弟姓名', '企业名称', '协议类型', '签订日期']);
    ws.addRow(['蔡师傅', '洪徒弟', '石狮某纺织公司', '技能传授型', new Date(Date.UTC(2021, 6, 1))]);
    ws.addRow(['庄师傅', '', '南安某石材公司', '技术攻关型', new Date(Date.UTC(2021, 6, 2))]);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'agreements.xlsx').expect(201);
    expect(res.body).toEqual({
      imported: 1,
      errors: [{ row: 3, field: 'apprenticeName', reason: 'is required for this outcome type' }],
    });
  });

  it('answers 400 for a file without the columns or without a file, 401/403 for the wrong caller', async () => {
    const noColumns = await upload(Buffer.from('name,date\nx,y'), 'x.csv').expect(400);
    expect(noColumns.body.details).toEqual([
      {
        field: 'file',
        reason: 'missing column(s): mentorName, apprenticeName, enterpriseName, agreementType, signedOn',
      },
    ]);
    const noFile = await http()
      .post(`/api/activities/${activityId}/outcomes/import`)
      .set(bearer(union.token))
      .send({})
      .expect(400);
    expect(noFile.body.details[0].field).toBe('file');
    await http()
      .post(`/api/activities/${activityId}/outcomes/import`)
      .attach('file', Buffer.from(HEADER), 'a.csv')
      .expect(401);
    await upload(Buffer.from(agreementsCsv(1)), 'a.csv', stranger.token).expect(403);
    expect((await agreementsTarget()).actual).toBe(10_004);
  });

  it('records single outcomes idempotently and keeps the tally right through status changes', async () => {
    const body = {
      type: 'apprenticeship_agreement',
      title: '好师傅带徒协议',
      status: 'intent',
      agreementType: '技术攻关型',
      parties: { mentorName: '刘工匠', apprenticeName: '苏徒弟', enterpriseName: '泉州某装备公司' },
    };
    const post = () =>
      http()
        .post(`/api/activities/${activityId}/outcomes`)
        .set(bearer(union.token))
        .set('Idempotency-Key', 'ag-1')
        .send(body);
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body).toMatchObject({ agreementType: 'technical_breakthrough', status: 'intent' });
    const reused = await http()
      .post(`/api/activities/${activityId}/outcomes`)
      .set(bearer(union.token))
      .set('Idempotency-Key', 'ag-1')
      .send({ ...body, title: '另一份' })
      .expect(422);
    expect(reused.body.details[0].field).toBe('Idempotency-Key');
    expect((await agreementsTarget()).actual).toBe(10_005);

    const patch = (change: object) => http().patch(`/api/outcomes/${a.body.id}`).set(bearer(union.token)).send(change);
    const noDate = await patch({ status: 'signed' }).expect(400);
    expect(noDate.body.details).toEqual([{ field: 'signedOn', reason: 'is required when the status is signed' }]);
    await patch({ status: 'signed', signedOn: '2021-09-01' }).expect(200);
    await patch({ status: 'cancelled' }).expect(200);
    expect((await agreementsTarget()).actual).toBe(10_004);
    const back = await patch({ status: 'intent' }).expect(422);
    expect(back.body.details).toEqual([{ field: 'status', reason: 'cancelled → intent is not allowed' }]);
    await http().patch(`/api/outcomes/${a.body.id}`).set(bearer(stranger.token)).send({ title: 'x' }).expect(403);
    const cancelled = await http()
      .get(`/api/activities/${activityId}/outcomes`)
      .query({ status: 'cancelled' })
      .expect(200);
    expect(cancelled.body.total).toBe(1);
  });

  it('validates outcome bodies field by field', async () => {
    const res = await http()
      .post(`/api/activities/${activityId}/outcomes`)
      .set(bearer(union.token))
      .send({ type: 'milestone', title: 'x', status: 'signed', signedOn: '2021-13-01', colour: 'red' })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'colour', reason: 'should not exist' }]);
    const badDate = await http()
      .post(`/api/activities/${activityId}/outcomes`)
      .set(bearer(union.token))
      .send({ type: 'milestone', title: 'x', status: 'signed', signedOn: '2021-13-01' })
      .expect(400);
    expect(badDate.body.details).toEqual([{ field: 'signedOn', reason: 'must be a real date (YYYY-MM-DD)' }]);
    const incomplete = await http()
      .post(`/api/activities/${activityId}/outcomes`)
      .set(bearer(union.token))
      .send({ type: 'apprenticeship_agreement', title: 'x', status: 'intent' })
      .expect(400);
    expect(incomplete.body.details.map((d: { field: string }) => d.field)).toEqual([
      'agreementType',
      'parties.mentorName',
      'parties.apprenticeName',
      'parties.enterpriseName',
    ]);
    await http()
      .post(`/api/activities/${activityId}/outcomes`)
      .set(bearer(union.token))
      .send({ type: 'award', title: '好师傅', status: 'signed', signedOn: '2021-12-01', registrationIds: [999999] })
      .expect(422);
  });
});
