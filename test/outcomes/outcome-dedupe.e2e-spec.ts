import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, enterprise, login, phd, targetActual } from '@app/testing/fixtures';

const HEADER = 'mentorName,apprenticeName,enterpriseName,agreementType,signedOn';
const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);

/**
 * Counting rules: outcomes count once — a record or import row repeating an existing one (same
 * type, parties and date) is a duplicate, reported and not counted; dates in the future are
 * refused; an intent's registrations belong to the activity and are active or attended.
 */
describe.each(['sqlite', 'mysql'] as const)('outcomes count once on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let apprenticeship: number;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const agreements = async () => {
    return targetActual(t.http, admin, '2021-1-3-apprenticeship-agreements');
  };
  const upload = (csv: string) =>
    t.http
      .post(`/api/activities/${apprenticeship}/outcomes/import`)
      .set(auth())
      .attach('file', Buffer.from(csv), 'agreements.csv');

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await login(t.http);
    apprenticeship = await activityId(t.http, '2021-1-3');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports the same apprenticeship row three times as one agreement and two duplicate row errors', async () => {
    const row = '王师傅,李徒弟,泉州甲机械有限公司,技术攻关型,2021-05-01';
    const res = await upload(
      [HEADER, row, row, ` 王师傅 ,李徒弟,泉州甲机械有限公司,technical_breakthrough,2021/5/1`].join('\n'),
    ).expect(201);
    expect(res.body).toEqual({
      imported: 1,
      errors: [
        { row: 3, field: 'row', reason: 'duplicate: repeats row 2', code: 'duplicate' },
        { row: 4, field: 'row', reason: 'duplicate: repeats row 2', code: 'duplicate' },
      ],
    });
    expect(await agreements()).toBe(1);
    // the same file again: nothing new, every row a duplicate of what is recorded
    const again = await upload([HEADER, row].join('\n')).expect(201);
    expect(again.body).toEqual({
      imported: 0,
      errors: [{ row: 2, field: 'row', reason: 'duplicate: repeats an agreement already recorded', code: 'duplicate' }],
    });
    expect(await agreements()).toBe(1);
  });

  it('refuses a recorded outcome that repeats another (409 outcome_duplicate) and one dated in the future (422)', async () => {
    const body = {
      type: 'apprenticeship_agreement',
      title: '师带徒协议',
      status: 'signed',
      signedOn: '2021-06-01',
      agreementType: 'skill_transfer',
      parties: { mentorName: '陈师傅', apprenticeName: '林徒弟', enterpriseName: '泉州乙公司' },
    };
    const first = await t.http.post(`/api/activities/${apprenticeship}/outcomes`).set(auth()).send(body).expect(201);
    const dup = await t.http
      .post(`/api/activities/${apprenticeship}/outcomes`)
      .set(auth())
      .send({ ...body, title: '另一标题' })
      .expect(409);
    expect(dup.body).toMatchObject({ code: 'outcome_duplicate', existingOutcomeId: first.body.id });
    const future = await t.http
      .post(`/api/activities/${apprenticeship}/outcomes`)
      .set(auth())
      .send({ ...body, signedOn: tomorrow(), parties: { ...body.parties, apprenticeName: '新徒弟' } })
      .expect(422);
    expect(future.body).toMatchObject({ code: 'date_in_future', details: [{ field: 'signedOn' }] });
    const row = await upload([HEADER, `张师傅,赵徒弟,泉州丙公司,skill_transfer,${tomorrow()}`].join('\n')).expect(201);
    expect(row.body).toMatchObject({ imported: 0, errors: [{ row: 2, field: 'signedOn' }] });
    expect(await agreements()).toBe(2);
    // once cancelled, the same agreement may be recorded again (and counts once)
    await t.http.patch(`/api/outcomes/${first.body.id}`).set(auth()).send({ status: 'cancelled' }).expect(200);
    await t.http.post(`/api/activities/${apprenticeship}/outcomes`).set(auth()).send(body).expect(201);
    expect(await agreements()).toBe(2);
  });

  it("takes an intent's registrations only from the activity, active or attended", async () => {
    const fair = await activityId(t.http, '2021-2-2');
    const s = await createSession(t.http, admin, fair);
    const e = (await t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(1)).expect(201)).body;
    const p = (await t.http.post(`/api/sessions/${s.id}/registrations`).send(phd(1)).expect(201)).body;
    const gone = (await t.http.post(`/api/sessions/${s.id}/registrations`).send(phd(2)).expect(201)).body;
    await t.http.post(`/api/registrations/${gone.id}/cancel?token=${gone.manageToken}`).send({}).expect(200);
    const intent = (registrationIds: number[]) =>
      t.http.post(`/api/activities/${fair}/outcomes`).set(auth()).send({
        type: 'cooperation_intent',
        title: '项目合作意向',
        status: 'intent',
        sessionId: s.id,
        registrationIds,
      });
    const cancelled = await intent([e.id, gone.id]).expect(422);
    expect(cancelled.body.details).toEqual([
      { field: 'registrationIds[1]', reason: `registration ${gone.id} is cancelled` },
    ]);
    const other = await createSession(t.http, admin, fair);
    const elsewhere = (await t.http.post(`/api/sessions/${other.id}/registrations`).send(phd(3)).expect(201)).body;
    const wrongSession = await intent([e.id, elsewhere.id]).expect(422);
    expect(wrongSession.body.details[0]).toMatchObject({ field: 'registrationIds[1]' });
    await intent([e.id, p.id]).expect(201);
  });
});
