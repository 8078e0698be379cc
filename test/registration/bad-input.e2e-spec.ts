import { activityId, createSession, login, phd } from '@app/testing/fixtures';
import { startTestApp, TestApp } from '@app/testing/test-app';

/** Whatever a client sends, the answer is a 4xx in the one error shape, and nothing is written. */
describe('bad input (SQLite)', () => {
  let t: TestApp;
  let sessionId: number;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    admin = await login(t.http);
    sessionId = (await createSession(t.http, admin, await activityId(t.http, '2021-2-2'))).id;
  });
  afterAll(() => t?.close());

  const shapes: [string, unknown][] = [
    ['an array body', [phd(1)]],
    ['a string body', 'hello'],
    ['null profile', { ...phd(1), profile: null }],
    ['a numeric category', { ...phd(1), category: 3 }],
    ['an unknown category', { ...phd(1), category: 'astronaut' }],
    ['a number as name', { ...phd(1), name: 12345 }],
    ['an overlong name', { ...phd(1), name: 'x'.repeat(5000) }],
    ['an unknown top-level field', { ...phd(1), admin: true }],
    ['a nested unknown field', { ...phd(1), profile: { institution: 'a', field: 'b', __proto__x: 1 } }],
    ['a phone object', { ...phd(1), phone: { number: '13800000000' } }],
    ['a locale outside zh-CN/en', { ...phd(1), locale: 'fr' }],
    ['a string for a boolean', { ...phd(1), profile: { institution: 'a', field: 'b', overseas: 'yes' } }],
  ];

  it.each(shapes)('answers %s with 400 naming a field', async (_name, body) => {
    const res = await t.http
      .post(`/api/sessions/${sessionId}/registrations`)
      .set('content-type', 'application/json')
      .send(JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
  });

  it('answers malformed JSON and a wrong content type with 4xx, not 500', async () => {
    const broken = await t.http
      .post(`/api/sessions/${sessionId}/registrations`)
      .set('content-type', 'application/json')
      .send('{"category": "phd",');
    expect(broken.status).toBe(400);
    expect(broken.body.statusCode).toBe(400);
    const text = await t.http
      .post(`/api/sessions/${sessionId}/registrations`)
      .set('content-type', 'text/plain')
      .send('x');
    expect(text.status).toBeGreaterThanOrEqual(400);
    expect(text.status).toBeLessThan(500);
  });

  it('answers bad ids and unknown sessions with 400 and 404', async () => {
    expect((await t.http.post('/api/sessions/abc/registrations').send(phd(1))).status).toBe(400);
    expect((await t.http.post('/api/sessions/0/registrations').send(phd(1))).status).toBe(400);
    expect((await t.http.post('/api/sessions/99999999/registrations').send(phd(1))).status).toBe(404);
    expect((await t.http.get('/api/sessions/1e3')).status).toBe(400);
  });

  it('rejects session bodies that contradict themselves, naming the field', async () => {
    const fair = await activityId(t.http, '2021-2-2');
    const now = Date.now();
    const res = await t.http
      .post(`/api/activities/${fair}/sessions`)
      .set('Authorization', `Bearer ${admin}`)
      .send({
        title: 'x',
        level: 'city',
        startsAt: new Date(now + 7200_000).toISOString(),
        endsAt: new Date(now + 3600_000).toISOString(),
        mode: 'online',
        registrationOpensAt: new Date(now).toISOString(),
        registrationClosesAt: new Date(now + 600_000).toISOString(),
        requiresApproval: false,
        waitlistEnabled: true,
        quotas: [
          { category: 'phd', capacity: 1 },
          { category: 'phd', capacity: 2 },
        ],
      })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['endsAt', 'onlineUrl']),
    );
    const notIso = await t.http
      .post(`/api/activities/${fair}/sessions`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ title: 'x', level: 'city', startsAt: 'tomorrow' })
      .expect(400);
    expect(notIso.body.details.map((d: { field: string }) => d.field)).toContain('startsAt');
  });

  it('wrote nothing for any of it', async () => {
    const res = await t.http.get(`/api/sessions/${sessionId}`).expect(200);
    expect(
      res.body.quotas.every((q: { confirmed: number; waitlisted: number }) => q.confirmed === 0 && q.waitlisted === 0),
    ).toBe(true);
  });
});
