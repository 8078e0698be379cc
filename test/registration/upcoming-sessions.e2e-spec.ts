import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, enterprise, login, sessionBody } from '@app/testing/fixtures';

const HOUR = 3600_000;
const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** GET /api/sessions/upcoming: the home page's one request for the sessions of every activity. */
describe.each(['sqlite', 'mysql'] as const)('upcoming sessions on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await login(t.http);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A session of `activity` at times given in hours from now. */
  const sessionAt = async (activity: number, h: { opens: number; closes: number; starts: number; ends: number }) => {
    const body = {
      ...sessionBody(),
      registrationOpensAt: at(h.opens),
      registrationClosesAt: at(h.closes),
      startsAt: at(h.starts),
      endsAt: at(h.ends),
    };
    const res = await t.http.post(`/api/activities/${activity}/sessions`).set(auth()).send(body).expect(201);
    return res.body as { id: number };
  };
  const setStatus = (id: number, status: string) =>
    t.http.patch(`/api/sessions/${id}`).set(auth()).send({ status }).expect(200);

  it('lists the sessions still ahead of every activity, soonest first, and none that are over', async () => {
    const fair = await activityId(t.http, '2021-2-2');
    const county = await activityId(t.http, '2021-1-1');

    const open = await createSession(t.http, admin, fair, { startsInHours: 72 });
    const soon = await sessionAt(county, { opens: 24, closes: 90, starts: 96, ends: 104 });
    const full = await createSession(t.http, admin, county, {
      startsInHours: 48,
      waitlistEnabled: false,
      quotas: [{ category: 'enterprise', capacity: 1 }],
    });
    await t.http.post(`/api/sessions/${full.id}/registrations`).send(enterprise(1)).expect(201);
    const postponed = await createSession(t.http, admin, fair, { startsInHours: 120 });
    await setStatus(postponed.id, 'postponed');

    const closed = await sessionAt(fair, { opens: -5, closes: -1, starts: 2, ends: 10 });
    const ended = await sessionAt(county, { opens: -20, closes: -12, starts: -10, ends: -2 });
    const cancelled = await createSession(t.http, admin, fair);
    await setStatus(cancelled.id, 'cancelled');
    // registration still open on paper, but the organizer has marked it completed
    const completed = await sessionAt(fair, { opens: -5, closes: 5, starts: -1, ends: 7 });
    await setStatus(completed.id, 'completed');

    const res = await t.http.get('/api/sessions/upcoming').expect(200);
    const list = res.body as { id: number; activityId: number; quotas: { available: number }[] }[];
    const mine = new Set([open, soon, full, postponed, closed, ended, cancelled, completed].map((s) => s.id));
    expect(list.filter((s) => mine.has(s.id)).map((s) => s.id)).toEqual([full.id, open.id, soon.id, postponed.id]);
    expect(new Set(list.map((s) => s.activityId))).toEqual(new Set([fair, county]));

    // each item is the session's own view, quotas counted
    const one = await t.http.get(`/api/sessions/${full.id}`).expect(200);
    expect(list.find((s) => s.id === full.id)).toEqual(one.body);
    expect(one.body.quotas).toEqual([expect.objectContaining({ category: 'enterprise', confirmed: 1, available: 0 })]);
  });
});
