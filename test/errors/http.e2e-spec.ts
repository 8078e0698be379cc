import { activityId, createSession, login, phd, PLAN_2021, sessionBody } from '@app/testing/fixtures';
import { startTestApp, TestApp } from '@app/testing/test-app';

/** Location on 201, ETag and 304 on public reads, no-store on personal data, 415 on other media types. */
describe('HTTP semantics (SQLite)', () => {
  let t: TestApp;
  let admin: string;
  let fair: number;
  let sessionId: number;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    admin = await login(t.http);
    fair = await activityId(t.http, '2021-2-2');
    sessionId = (await createSession(t.http, admin, fair)).id;
  });
  afterAll(() => t?.close());

  it('puts a Location that answers on every 201', async () => {
    const session = await t.http
      .post(`/api/activities/${fair}/sessions`)
      .set('Authorization', `Bearer ${admin}`)
      .send(sessionBody())
      .expect(201);
    expect(session.headers.location).toBe(`/api/sessions/${session.body.id}`);
    await t.http.get(session.headers.location!).expect(200);

    const reg = await t.http.post(`/api/sessions/${sessionId}/registrations`).send(phd(1)).expect(201);
    expect(reg.headers.location).toBe(`/api/registrations/${reg.body.id}`);
    await t.http.get(`${reg.headers.location}?token=${reg.body.manageToken}`).expect(200);

    const user = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email: 'location@test.example', password: 'a-long-password-2026', role: 'admin' })
      .expect(201);
    expect(user.headers.location).toBe(`/api/users/${user.body.id}`);
    await t.http.get(user.headers.location!).set('Authorization', `Bearer ${admin}`).expect(200);
  });

  it.each(['/api/units', '/api/programs', `/api/programs/${PLAN_2021}`])(
    'answers %s with an ETag and 304 to If-None-Match',
    async (url) => {
      const first = await t.http.get(url).expect(200);
      const etag = first.headers.etag;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('no-cache');
      const again = await t.http.get(url).set('If-None-Match', etag!).expect(304);
      expect(again.text ?? '').toBe('');
      expect((await t.http.get(url).set('If-None-Match', '"other"')).status).toBe(200);
    },
  );

  it('gives activities and sessions a new ETag when they change', async () => {
    const before = await t.http.get(`/api/sessions/${sessionId}`).expect(200);
    const activity = await t.http.get(`/api/activities/${fair}`).expect(200);
    await t.http.get(`/api/activities/${fair}`).set('If-None-Match', activity.headers.etag!).expect(304);
    await t.http
      .patch(`/api/sessions/${sessionId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ venue: '泉州市会展中心' })
      .expect(200);
    const after = await t.http.get(`/api/sessions/${sessionId}`).set('If-None-Match', before.headers.etag!).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('marks personal data, tokens and errors no-store', async () => {
    const reg = await t.http.post(`/api/sessions/${sessionId}/registrations`).send(phd(2)).expect(201);
    expect(reg.headers['cache-control']).toBe('no-store');
    const read = await t.http.get(`/api/registrations/${reg.body.id}?token=${reg.body.manageToken}`).expect(200);
    expect(read.headers['cache-control']).toBe('no-store');
    expect(read.headers.etag).toBeUndefined();
    const list = await t.http
      .get(`/api/sessions/${sessionId}/registrations`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const auth = await t.http
      .post('/api/auth/login')
      .send({ email: 'admin@test.example', password: 'correct-horse-battery-9' });
    expect(auth.headers['cache-control']).toBe('no-store');
    const signedIn = await t.http.get('/api/programs').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    const error = await t.http.get('/api/sessions/99999').expect(404);
    expect(error.headers['cache-control']).toBe('no-store');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
    'answers a %s body with 415',
    async (type) => {
      const res = await t.http
        .post(`/api/sessions/${sessionId}/registrations`)
        .set('content-type', type)
        .send(type === 'application/x-www-form-urlencoded' ? 'category=phd&name=x' : 'category: phd');
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
    },
  );
});
