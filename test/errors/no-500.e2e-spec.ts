import { activityId, createSession, enterprise, login, phd } from '@app/testing/fixtures';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { createUser, unitIdsByCode } from '../identity/identity-helpers';

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

/** The repros of issue 15 that answered 500: each is a 4xx naming the field, and writes nothing. */
describe('bad input never answers 500 (SQLite)', () => {
  let t: TestApp;
  let admin: string;
  let sessionId: number;
  let staffId: number;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    admin = await login(t.http);
    sessionId = (await createSession(t.http, admin, await activityId(t.http, '2021-2-2'))).id;
    const units = await unitIdsByCode(t.http);
    staffId = (await createUser(t.http, admin, { role: 'organizer', unitIds: [[...units.values()][0]!] })).id;
  });
  afterAll(() => t?.close());

  const registrations = async () =>
    (await t.http.get(`/api/sessions/${sessionId}/registrations`).set('Authorization', `Bearer ${admin}`).expect(200))
      .body.total as number;

  it('refuses JSON nested 3,000 deep before validation, on anonymous and signed-in routes', async () => {
    for (const body of [deep(3000), deepObject(3000), `{"name":${deep(3000)}}`]) {
      const anonymous = await t.http
        .post(`/api/sessions/${sessionId}/registrations`)
        .set('content-type', 'application/json')
        .send(body);
      expect(anonymous.status).toBe(400);
      expect(anonymous.body.code).toBe('body_too_deep');
      const signedIn = await t.http
        .patch(`/api/sessions/${sessionId}`)
        .set('Authorization', `Bearer ${admin}`)
        .set('content-type', 'application/json')
        .send(body);
      expect(signedIn.status).toBe(400);
      expect(signedIn.body.code).toBe('body_too_deep');
    }
    // an ordinary nested body is fine
    await t.http
      .post(`/api/sessions/${sessionId}/registrations`)
      .send(phd(1, { answers: { a: { b: { c: [1, [2, [3]]] } } } }))
      .expect(201);
  });

  it('refuses null in optional fields, naming the field', async () => {
    const cases: [string, string, object, string][] = [
      ['post', `/api/sessions/${sessionId}/registrations`, enterprise(10, { phone: null }), 'phone'],
      ['post', `/api/sessions/${sessionId}/registrations`, enterprise(10, { answers: null }), 'answers'],
      ['patch', `/api/sessions/${sessionId}`, { title: null }, 'title'],
      ['patch', `/api/sessions/${sessionId}`, { level: null }, 'level'],
      ['patch', `/api/sessions/${sessionId}`, { status: null }, 'status'],
      ['patch', `/api/sessions/${sessionId}`, { quotas: [[]] }, 'quotas'],
      ['patch', `/api/sessions/${sessionId}`, { quotas: [null] }, 'quotas'],
      ['patch', `/api/users/${staffId}`, { disabled: null }, 'disabled'],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await (method === 'post' ? t.http.post(url) : t.http.patch(url))
        .set('Authorization', `Bearer ${admin}`)
        .send(body);
      expect({ url, body, status: res.status }).toEqual({ url, body, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const session = await t.http.get(`/api/sessions/${sessionId}`).expect(200);
    expect(session.body.title).toBe('2021泉州市博士人才项目对接会');
  });

  it('refuses a page number past any table', async () => {
    for (const page of ['184467440737095516', '9007199254740993', '1000001', '1e3']) {
      const res = await t.http
        .get(`/api/sessions/${sessionId}/registrations?page=${page}`)
        .set('Authorization', `Bearer ${admin}`);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('page');
    }
    expect((await t.http.get('/api/sessions/2147483648')).status).toBe(400);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['U+FFFF', 'a\uffffb'],
    ['a lone surrogate', 'a\ud800b'],
    ['a control character', 'a\u0007b'],
  ])('refuses %s in strings on POST /api/users and public registration, naming the field', async (_name, text) => {
    const before = await registrations();
    const reg = await t.http
      .post(`/api/sessions/${sessionId}/registrations`)
      .send(phd(20, { profile: { institution: text, field: '材料' } }));
    expect(reg.status).toBe(400);
    expect(reg.body).toMatchObject({ code: 'invalid_characters', details: [{ field: 'profile.institution' }] });
    const user = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email: `x${text}@test.example`, password: 'a-long-password-2026', role: 'admin' });
    expect(user.status).toBe(400);
    expect(user.body.details).toEqual([{ field: 'email', reason: expect.any(String) }]);
    // (a lone surrogate cannot be percent-encoded: UTF-8 has no bytes for it)
    if (!text.includes('\ud800')) {
      const query = await t.http.get(`/api/registrations/1?token=${encodeURIComponent(text)}`);
      expect(query.status).toBe(400);
      expect(query.body.details).toEqual([{ field: 'token', reason: expect.any(String) }]);
    }
    expect(await registrations()).toBe(before);
  });

  it('keeps tab, newline and characters outside the BMP', async () => {
    await t.http
      .post(`/api/sessions/${sessionId}/registrations`)
      .send(phd(30, { profile: { institution: '华侨大学\t𠀀', field: '材料\n科学' } }))
      .expect(201);
  });
});
