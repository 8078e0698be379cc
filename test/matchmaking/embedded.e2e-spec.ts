import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, enterprise, login, phd } from '@app/testing/fixtures';
import { waitFor } from '../notifications/support';
import { parseMail } from '../notifications/mime';
import { enterpriseProfile, phdProfile } from './profiles';

/**
 * The embedded default (SQLite, .eml mail): the same migration and unique keys, in-process.
 * Two enterprises, two PhDs, a 1 × 2 grid.
 */
describe('matchmaking on SQLite with .eml mail', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    admin = await login(t.http);
  });
  afterAll(() => t?.close());

  it('requests, accepts, places without double-booking, mails agendas and records one intent per pair', async () => {
    const fair = await activityId(t.http, '2021-2-2');
    const session = await createSession(t.http, admin, fair);
    const startsAt = new Date((session as unknown as { startsAt: string }).startsAt);
    await t.http
      .put(`/api/sessions/${session.id}/matchmaking`)
      .set('Authorization', `Bearer ${admin}`)
      .send({
        enabled: true,
        meetingMinutes: 30,
        firstSlotAt: startsAt.toISOString(),
        slotCount: 2,
        tableCount: 1,
        requestDeadline: new Date(startsAt.getTime() - 3600_000).toISOString(),
        maxOpenRequests: 2,
      })
      .expect(200);
    const reg = async (body: object) =>
      (await t.http.post(`/api/sessions/${session.id}/registrations`).send(body).expect(201)).body as {
        id: number;
        manageToken: string;
      };
    const [e1, e2, p1, p2] = [
      await reg(enterprise(7001)),
      await reg(enterprise(7002)),
      await reg(phd(7001)),
      await reg(phd(7002)),
    ];
    const mm = (r: { id: number; manageToken: string }, rest: string) =>
      `/api/registrations/${r.id}/matchmaking/${rest}?token=${r.manageToken}`;
    for (const [r, body] of [
      [e1, enterpriseProfile(1)],
      [e2, enterpriseProfile(2)],
      [p1, phdProfile(1)],
      [p2, phdProfile(2)],
    ] as const) {
      await t.http.put(mm(r, 'profile')).send(body).expect(200);
    }
    // a PhD profile field on an enterprise is named
    const wrong = await t.http
      .put(mm(e1, 'profile'))
      .send({ ...enterpriseProfile(1), expertise: 'x' })
      .expect(400);
    expect(wrong.body.details).toEqual([{ field: 'expertise', reason: 'does not apply to a enterprise profile' }]);
    // another registration's token does not work
    await t.http.get(`/api/registrations/${e1.id}/matchmaking/profile?token=${e2.manageToken}`).expect(403);

    const ask = async (from: typeof e1, to: typeof e1) =>
      (await t.http.post(mm(from, 'requests')).send({ toRegistrationId: to.id }).expect(201)).body.id as number;
    const m11 = await ask(e1, p1);
    const m12 = await ask(e1, p2);
    const m21 = await ask(p1, e2);
    // e1 is at the limit of 2 open requests; a second open request of one pair is a conflict
    await t.http.post(mm(e1, 'requests')).send({ toRegistrationId: p1.id }).expect(422);
    const dup = await t.http.post(mm(p1, 'requests')).send({ toRegistrationId: e1.id }).expect(409);
    expect(dup.body.existingMeetingId).toBe(m11);
    const m22 = await ask(e2, p2);
    await t.http.post(mm(e2, `requests/${m22}/accept`)).expect(403); // only the recipient accepts
    await t.http.post(mm(e2, `requests/${m22}/withdraw`)).expect(200);
    await t.http.post(mm(p2, `requests/${m22}/accept`)).expect(422);

    await t.http.post(mm(p1, `requests/${m11}/accept`)).expect(200);
    await t.http.post(mm(p2, `requests/${m12}/accept`)).expect(200);
    await t.http.post(mm(e2, `requests/${m21}/accept`)).expect(200);

    // 1 table × 2 slots: e1 meets p1 and p2 in different slots; p1–e2 has no room left
    const run = await t.http
      .post(`/api/sessions/${session.id}/matchmaking/schedule`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect([run.body.placed, run.body.unplaced]).toEqual([2, 1]);
    const matrix = (
      await t.http
        .get(`/api/sessions/${session.id}/matchmaking/matrix`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200)
    ).body;
    expect(matrix.cells.map((c: { slotNo: number }) => c.slotNo).sort()).toEqual([1, 2]);
    expect(matrix.unplaced).toEqual([m21]);
    // moving the unplaced one onto the single table is refused by the unique keys: 409
    const taken = await t.http
      .patch(`/api/matchmaking/meetings/${m21}/placement`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ tableNo: 1, slotNo: 1 })
      .expect(409);
    expect(taken.body.code).toBe('meeting_slot_taken');
    expect(taken.body.message).toBe('第 1 时段的 1 号桌或其中一方已有安排');
    await t.http
      .patch(`/api/matchmaking/meetings/${m21}/placement`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ tableNo: 2, slotNo: 1 })
      .expect(400);

    const mails = await t.http
      .post(`/api/sessions/${session.id}/matchmaking/agenda-mails`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(mails.body.recipients).toBe(3);
    const dir = t.config.mailDir;
    const agendaMails = async () =>
      (
        await Promise.all(
          (existsSync(dir) ? readdirSync(dir) : [])
            .filter((f) => f.endsWith('.eml'))
            .map((f) => parseMail(readFileSync(join(dir, f), 'utf8'))),
        )
      ).filter((m) => m.subject.includes('洽谈日程'));
    await waitFor('3 agenda mails', async () => (await agendaMails()).length === 3);
    const e1Mail = (await agendaMails()).find((m) => m.to.includes(enterprise(7001).email))!;
    expect(e1Mail.attachments.filter((a) => a.filename.endsWith('.ics'))).toHaveLength(2);
    const agenda = (await t.http.get(mm(e1, 'agenda')).expect(200)).body;
    expect(agenda.items.map((x: { slotNo: number }) => x.slotNo)).toEqual([1, 2]);

    for (const r of [e1, p1])
      await t.http
        .put(mm(r, `meetings/${m11}/result`))
        .send({ result: 'intent' })
        .expect(200);
    const outcomes = (await t.http.get(`/api/activities/${fair}/outcomes?type=cooperation_intent`).expect(200)).body;
    expect(outcomes.total).toBe(1);
    expect(outcomes.items[0].parties.enterpriseName).toBe(enterprise(7001).name);
    // the same answer again records nothing new
    await t.http
      .put(mm(p1, `meetings/${m11}/result`))
      .send({ result: 'intent' })
      .expect(200);
    expect((await t.http.get(`/api/activities/${fair}/outcomes?type=cooperation_intent`).expect(200)).body.total).toBe(
      1,
    );

    // a no-show shows in the organizer's matrix; 继续洽谈 on one side only makes no intent
    await t.http
      .put(mm(e1, `meetings/${m12}/result`))
      .send({ result: 'no_show' })
      .expect(200);
    await t.http
      .put(mm(p2, `meetings/${m12}/result`))
      .send({ result: 'continue' })
      .expect(200);
    const after = (
      await t.http
        .get(`/api/sessions/${session.id}/matchmaking/matrix`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200)
    ).body;
    expect(after.noShows).toEqual([m12]);
    expect(after.intents).toBe(1);
    expect(after.results).toMatchObject({ intent: 2, no_show: 1, continue: 1 });

    // once the request deadline has passed, nobody asks or answers any more
    await t.http
      .put(`/api/sessions/${session.id}/matchmaking`)
      .set('Authorization', `Bearer ${admin}`)
      .send({
        enabled: true,
        meetingMinutes: 30,
        firstSlotAt: startsAt.toISOString(),
        slotCount: 2,
        tableCount: 1,
        requestDeadline: new Date(Date.now() - 1000).toISOString(),
      })
      .expect(200);
    const late = await t.http.post(mm(e2, 'requests')).send({ toRegistrationId: p2.id }).expect(422);
    expect(late.body.code).toBe('matchmaking_closed');
    expect(late.body.details[0].field).toBe('requestDeadline');

    // a bigger grid; the scheduler places the waiting meeting, then fills a free slot with the best
    // suggestion between two participants who both agreed to suggested meetings
    await t.http
      .put(`/api/sessions/${session.id}/matchmaking`)
      .set('Authorization', `Bearer ${admin}`)
      .send({
        enabled: true,
        meetingMinutes: 30,
        firstSlotAt: startsAt.toISOString(),
        slotCount: 3,
        tableCount: 2,
        requestDeadline: new Date(Date.now() - 1000).toISOString(),
      })
      .expect(200);
    const e3 = await reg(enterprise(7003));
    await t.http
      .put(mm(e3, 'profile'))
      .send({ ...enterpriseProfile(3), tags: phdProfile(1).tags, acceptsSuggested: true })
      .expect(200);
    await t.http
      .put(mm(p1, 'profile'))
      .send({ ...phdProfile(1), acceptsSuggested: true })
      .expect(200);
    const filled = await t.http
      .post(`/api/sessions/${session.id}/matchmaking/schedule`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ fillWithSuggestions: true })
      .expect(200);
    expect([filled.body.placed, filled.body.unplaced, filled.body.suggested]).toEqual([1, 0, 1]);
    const p1Agenda = (await t.http.get(mm(p1, 'agenda')).expect(200)).body.items as { slotNo: number }[];
    expect(p1Agenda).toHaveLength(3);
    expect(new Set(p1Agenda.map((x) => x.slotNo)).size).toBe(3);
    const e3Requests = (await t.http.get(mm(e3, 'requests')).expect(200)).body.items;
    expect(e3Requests).toHaveLength(1);
    expect(e3Requests[0]).toMatchObject({ status: 'accepted', partner: { registrationId: p1.id } });
    expect(e3Requests[0].partner.contact.email).toBe(phd(7001).email);
  });
});
