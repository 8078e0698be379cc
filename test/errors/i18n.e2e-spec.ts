import { activityId, createSession, enterprise, login } from '@app/testing/fixtures';
import { startTestApp, TestApp } from '@app/testing/test-app';

const HAN = /[\u4e00-\u9fff]/;

/** Every error has a stable code and reads in Chinese by default, in English on request. */
describe('errors speak Chinese, with a code (SQLite)', () => {
  let t: TestApp;
  let admin: string;
  let sessionId: number;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    admin = await login(t.http);
    sessionId = (
      await createSession(t.http, admin, await activityId(t.http, '2021-2-2'), {
        quotas: [{ category: 'enterprise', capacity: 1 }],
        waitlistEnabled: false,
      })
    ).id;
  });
  afterAll(() => t?.close());

  const badUscc = enterprise(1, { profile: { uscc: '91350500000000001X', contactName: '张三' } });

  it('a bad 统一社会信用代码 without Accept-Language is a Chinese 400 with code invalid_uscc', async () => {
    const res = await t.http.post(`/api/sessions/${sessionId}/registrations`).send(badUscc).expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'invalid_uscc',
      error: 'Bad Request',
      message: '统一社会信用代码无效：校验码错误（GB 32100-2015）',
      details: [{ field: 'profile.uscc', reason: '校验码错误（GB 32100-2015）', code: 'invalid_uscc' }],
    });
  });

  it('the same in English with Accept-Language: en', async () => {
    const res = await t.http
      .post(`/api/sessions/${sessionId}/registrations`)
      .set('Accept-Language', 'en')
      .send(badUscc)
      .expect(400);
    expect(res.body.code).toBe('invalid_uscc');
    expect(res.body.message).toBe(
      'Invalid unified social credit code (统一社会信用代码): check character is wrong (GB 32100-2015)',
    );
    expect(res.body.details[0].reason).toBe('check character is wrong (GB 32100-2015)');
  });

  it('translates validation reasons, with the decorator arguments', async () => {
    const long = { ...enterprise(2), name: 'x'.repeat(201), locale: 'fr' };
    const zh = await t.http.post(`/api/sessions/${sessionId}/registrations`).send(long).expect(400);
    expect(zh.body.code).toBe('validation_failed');
    expect(zh.body.details).toEqual(
      expect.arrayContaining([
        { field: 'name', reason: '长度必须在 1 到 200 个字符之间' },
        { field: 'locale', reason: '必须是以下值之一：zh-CN, en' },
      ]),
    );
    expect(zh.body.message).toMatch(HAN);
    const en = await t.http
      .post(`/api/sessions/${sessionId}/registrations`)
      .set('Accept-Language', 'en-US,en;q=0.9')
      .send(long)
      .expect(400);
    expect(en.body.details).toEqual(
      expect.arrayContaining([{ field: 'name', reason: 'must be shorter than or equal to 200 characters' }]),
    );
  });

  it('names the code of 404, 401, 409 and 422 and reads them in Chinese', async () => {
    const missing = await t.http.get('/api/sessions/99999').expect(404);
    expect(missing.body).toMatchObject({ code: 'not_found', message: '场次 99999 不存在' });
    const route = await t.http.get('/api/no-such-route').expect(404);
    expect(route.body.code).toBe('route_not_found');

    const anonymous = await t.http.get('/api/me').expect(401);
    expect(anonymous.body).toMatchObject({ code: 'unauthorized', message: '请先登录' });
    const wrong = await t.http.post('/api/auth/login').send({ email: 'nobody@test.example', password: 'x'.repeat(12) });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'invalid_credentials', message: '邮箱或密码错误' });

    const first = await t.http.post(`/api/sessions/${sessionId}/registrations`).send(enterprise(3)).expect(201);
    const again = await t.http.post(`/api/sessions/${sessionId}/registrations`).send(enterprise(3)).expect(409);
    expect(again.body).toMatchObject({
      code: 'registration_exists',
      message: `您已报名本场次（报名编号 ${first.body.id}，状态：已确认）`,
      existingRegistrationId: first.body.id,
    });
    const full = await t.http.post(`/api/sessions/${sessionId}/registrations`).send(enterprise(4)).expect(422);
    expect(full.body).toMatchObject({ code: 'session_full', message: '本场次“企业”类名额已满' });
    const fullEn = await t.http
      .post(`/api/sessions/${sessionId}/registrations`)
      .set('Accept-Language', 'en')
      .send(enterprise(5))
      .expect(422);
    expect(fullEn.body).toMatchObject({
      code: 'session_full',
      message: 'No seats left for enterprise in this session',
    });
  });

  it('answers malformed JSON with malformed_json and details', async () => {
    const res = await t.http
      .post(`/api/sessions/${sessionId}/registrations`)
      .set('content-type', 'application/json')
      .send('{"category": "phd",')
      .expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      code: 'malformed_json',
      message: '请求体不是有效的 JSON',
      details: [{ field: 'body', reason: expect.stringMatching(/^不是有效的 JSON/) }],
    });
  });
});
