import { DbKind } from '@app/testing/test-db';
import { activityId, createSession, login, sessionBody } from '@app/testing/fixtures';
import { startTestApp, TestApp } from '@app/testing/test-app';

const NOT_RFC3339 = [
  '2026-W49-1',
  '2026-333',
  '20261129T100000Z',
  '2026-11-29',
  '2026-11-29T10:00:00',
  '2026-02-30T10:00:00+08:00',
  '2026-11-29T25:00:00Z',
];
const TIME_FIELDS = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const;

/** One strict parser for every time field: a 400 naming the field, and nothing written. */
describe.each<DbKind>(['sqlite', 'mysql'])('time fields are RFC 3339 with an offset (%s)', (kind) => {
  let t: TestApp;
  let admin: string;
  let fair: number;
  let sessionId: number;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await login(t.http);
    fair = await activityId(t.http, '2021-2-2');
    sessionId = (await createSession(t.http, admin, fair)).id;
  });
  afterAll(() => t?.close());

  const snapshot = async () => {
    const activity = await t.http.get(`/api/activities/${fair}`).expect(200);
    const session = await t.http.get(`/api/sessions/${sessionId}`).expect(200);
    return { sessions: activity.body.sessions, session: session.body };
  };

  it.each(NOT_RFC3339)('refuses %s on create and PATCH, naming the field, writing nothing', async (bad) => {
    const before = await snapshot();
    for (const field of TIME_FIELDS) {
      const created = await t.http
        .post(`/api/activities/${fair}/sessions`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ ...sessionBody(), [field]: bad })
        .expect(400);
      expect(created.body.code).toBe('validation_failed');
      expect(created.body.details).toEqual([{ field, reason: expect.stringContaining('RFC 3339') }]);
      const patched = await t.http
        .patch(`/api/sessions/${sessionId}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ [field]: bad })
        .expect(400);
      expect(patched.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    // anonymous readers still get the activity, and nothing changed
    expect(await snapshot()).toEqual(before);
  });

  it('accepts an offset and stores the instant', async () => {
    const res = await t.http
      .patch(`/api/sessions/${sessionId}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ endsAt: '2030-01-01T18:00:00+08:00' })
      .expect(200);
    expect(res.body.endsAt).toBe('2030-01-01T10:00:00.000Z');
  });
});
