import { createConnection, Connection } from 'mysql2/promise';
import { ADMIN, testEnv } from '@app/testing/test-app';
import { createTestDatabase, TestDatabase } from '@app/testing/test-db';
import { ApiProcess, startApiProcess } from '@app/testing/api-process';
import { enterprise, phd, PLAN_2021, sessionBody } from '@app/testing/fixtures';
import { SmtpSink, startSmtpSink, waitFor } from '../notifications/support';
import { enterpriseProfile, phdProfile, pool } from './profiles';

interface Reply {
  status: number;
  body: any;
  text: string;
}

const call = async (url: string, method: string, path: string, body?: unknown, token?: string): Promise<Reply> => {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, text };
};

interface Reg {
  id: number;
  token: string;
  email: string;
  phone?: string;
  category: 'enterprise' | 'phd';
}

const TABLES = 12;
const SLOTS = 16;
const MEETING_MINUTES = 20;

describe('matchmaking at 泉博会: 200 enterprises, 100 PhDs, two API processes on one MariaDB', () => {
  let db: TestDatabase;
  let sql: Connection;
  let smtp: SmtpSink;
  let apis: ApiProcess[] = [];
  let a: string;
  let b: string;
  let admin: string;
  let sessionId: number;
  let firstSlotAt: Date;
  const enterprises: Reg[] = [];
  const phds: Reg[] = [];
  /** meeting id → [enterprise, phd] */
  const meetings = new Map<number, [Reg, Reg]>();
  const as = (i: number) => (i % 2 ? a : b);
  const mm = (r: Reg, rest: string) => `/api/registrations/${r.id}/matchmaking/${rest}?token=${r.token}`;

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    sql = await createConnection(db.url);
    smtp = await startSmtpSink();
    const env = testEnv(db, { LOG_LEVEL: 'warn', SMTP_URL: smtp.url });
    apis = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    [a, b] = apis.map((p) => p.url) as [string, string];
    admin = (await call(a, 'POST', '/api/auth/login', ADMIN)).body.accessToken;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apis.map((p) => p.stop()));
    await sql?.end();
    await smtp?.close();
    await db?.drop();
  });

  it('sets up the fair: matchmaking on, 300 registrants, generated profiles', async () => {
    const plan = (await call(b, 'GET', `/api/programs/${PLAN_2021}`)).body;
    const fair = plan.series[1].activities.find((x: { code: string }) => x.code === '2021-2-2').id;
    const session = await call(a, 'POST', `/api/activities/${fair}/sessions`, sessionBody(), admin);
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    firstSlotAt = new Date(session.body.startsAt);

    const settings = {
      enabled: true,
      meetingMinutes: MEETING_MINUTES,
      firstSlotAt: firstSlotAt.toISOString(),
      slotCount: SLOTS,
      tableCount: TABLES,
      requestDeadline: new Date(Date.now() + 3600_000).toISOString(),
      maxOpenRequests: 5,
    };
    const bad = await call(a, 'PUT', `/api/sessions/${sessionId}/matchmaking`, { ...settings, tableCount: 0 }, admin);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('tableCount');
    const put = await call(a, 'PUT', `/api/sessions/${sessionId}/matchmaking`, settings, admin);
    expect(put.status).toBe(200);
    expect(put.body.slots).toHaveLength(SLOTS);

    const bodies = [
      ...Array.from({ length: 200 }, (_, i) => enterprise(3000 + i)),
      ...Array.from({ length: 100 }, (_, i) => phd(3000 + i, { phone: `1390000${String(i).padStart(4, '0')}` })),
    ];
    const regs = await pool(bodies, 40, (body, i) =>
      call(as(i), 'POST', `/api/sessions/${sessionId}/registrations`, body),
    );
    expect(regs.filter((r) => r.status !== 201).map((r) => r.text)).toEqual([]);
    regs.forEach((r, i) => {
      const reg: Reg = {
        id: r.body.id,
        token: r.body.manageToken,
        email: bodies[i]!.email,
        phone: (bodies[i] as { phone?: string }).phone,
        category: bodies[i]!.category as Reg['category'],
      };
      (reg.category === 'enterprise' ? enterprises : phds).push(reg);
    });

    const unknownTag = await call(a, 'PUT', mm(enterprises[0]!, 'profile'), {
      ...enterpriseProfile(0),
      tags: ['火星采矿'],
    });
    expect(unknownTag.status).toBe(400);
    expect(unknownTag.body.details[0].field).toMatch(/^tags/);
    const noToken = await call(
      a,
      'PUT',
      `/api/registrations/${enterprises[0]!.id}/matchmaking/profile`,
      enterpriseProfile(0),
    );
    expect(noToken.status).toBe(401);

    const published = await pool([...enterprises, ...phds], 40, (r, i) =>
      call(as(i), 'PUT', mm(r, 'profile'), r.category === 'enterprise' ? enterpriseProfile(i) : phdProfile(i - 200)),
    );
    expect(published.filter((r) => r.status !== 200).map((r) => r.text)).toEqual([]);
  }, 120_000);

  it('suggests partners by tag and keyword overlap, explained, without contact data', async () => {
    const e = enterprises[0]!;
    const s = await call(a, 'GET', mm(e, 'suggestions'));
    expect(s.status).toBe(200);
    expect(s.body.items.length).toBeGreaterThan(0);
    const scores = s.body.items.map((x: { score: number }) => x.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    const top = s.body.items[0];
    expect(top.matchedTags.length + top.matchedKeywords.length).toBeGreaterThan(0);
    for (const t of top.matchedTags) expect(top.profile.tags).toContain(t);
    expect(top.explanation).toMatch(/共同/);

    const browse = await call(b, 'GET', `${mm(e, 'profiles')}&tag=新材料`);
    expect(browse.status).toBe(200);
    expect(browse.body.items.length).toBeGreaterThan(0);
    for (const p of browse.body.items) expect(p.tags).toContain('新材料');
    for (const reply of [s, browse]) {
      expect(reply.text).not.toMatch(/"contact"/);
      for (const p of phds) expect(reply.text).not.toContain(p.email);
    }
  });

  it('takes 1,000 meeting requests and 1,000 accepts concurrently across both processes', async () => {
    // enterprise i asks PhDs 5i … 5i+4 (mod 100): every PhD gets 10 requests, every pair once
    const asks = enterprises.flatMap((e, i) =>
      Array.from({ length: 5 }, (_, k) => ({ e, p: phds[(i * 5 + k) % 100]! })),
    );
    expect(asks).toHaveLength(1000);
    const started = Date.now();
    const sent = await pool(asks, 64, ({ e, p }, i) =>
      call(as(i), 'POST', mm(e, 'requests'), { toRegistrationId: p.id, message: `您好，想与您洽谈 ${i}` }),
    );
    expect(sent.filter((r) => r.status !== 201).map((r) => r.text)).toEqual([]);
    sent.forEach((r, i) => meetings.set(r.body.id, [asks[i]!.e, asks[i]!.p]));
    for (const r of sent.slice(0, 20)) expect(r.text).not.toMatch(/"contact"|@university/);

    // the limit (5 open requests) holds; a second open request of one pair is a 409 naming the first
    const sixth = await call(a, 'POST', mm(enterprises[0]!, 'requests'), { toRegistrationId: phds[50]!.id });
    expect(sixth.status).toBe(422);
    const again = await call(b, 'POST', mm(phds[0]!, 'requests'), { toRegistrationId: enterprises[0]!.id });
    expect(again.status).toBe(409);
    expect(again.body.existingMeetingId).toBe(sent[0]!.body.id);

    // contact data stays hidden while the request is open
    const before = await call(a, 'GET', mm(enterprises[0]!, 'requests'));
    expect(before.text).not.toContain(asks[0]!.p.email);

    const accepted = await pool([...meetings.entries()], 64, ([id, [, p]], i) =>
      call(as(i + 1), 'POST', mm(p, `requests/${id}/accept`)),
    );
    expect(accepted.filter((r) => r.status !== 200).map((r) => r.text)).toEqual([]);
    console.log(`1,000 requests + 1,000 accepts across two processes: ${Date.now() - started} ms`);
    expect(accepted[0]!.body.partner.contact.email).toBe(meetings.get(accepted[0]!.body.id)![0].email);

    // once accepted, each sees the other's contact data — and only theirs
    const after = await call(a, 'GET', mm(enterprises[0]!, 'requests'));
    expect(after.text).toContain(asks[0]!.p.email);
    const browse = await call(a, 'GET', mm(enterprises[0]!, 'profiles'));
    const withContact = browse.body.items.filter((p: { contact?: unknown }) => p.contact);
    expect(withContact.map((p: { registrationId: number }) => p.registrationId).sort()).toEqual(
      asks
        .slice(0, 5)
        .map((x) => x.p.id)
        .sort(),
    );
    const [[open]] = (await sql.query('SELECT SUM(open_requests) AS n FROM match_profiles WHERE session_id = ?', [
      sessionId,
    ])) as any;
    expect(Number(open.n)).toBe(0);
    const [rows] = (await sql.query(
      'SELECT status, COUNT(*) AS n FROM match_meetings WHERE session_id = ? GROUP BY status',
      [sessionId],
    )) as any;
    expect(rows.map((r: any) => [r.status, Number(r.n)])).toEqual([['accepted', 1000]]);
  }, 300_000);

  it('schedules 12 tables × 16 slots in under 5 s with nobody and no table double-booked', async () => {
    const t0 = performance.now();
    // two runs at once, one per process: the database keeps them apart
    const runs = await Promise.all([
      call(a, 'POST', `/api/sessions/${sessionId}/matchmaking/schedule`, {}, admin),
      call(b, 'POST', `/api/sessions/${sessionId}/matchmaking/schedule`, {}, admin),
    ]);
    const wall = performance.now() - t0;
    expect(runs.map((r) => r.status).every((s) => s === 200 || s === 409)).toBe(true);
    const ok = runs.filter((r) => r.status === 200);
    const placed = ok.reduce((n, r) => n + r.body.placed, 0);
    console.log(
      `scheduler: ${placed} meetings placed; server time ${ok.map((r) => r.body.elapsedMs).join(' / ')} ms; ` +
        `wall time of both concurrent runs ${Math.round(wall)} ms`,
    );
    expect(Math.min(...ok.map((r) => r.body.elapsedMs))).toBeLessThan(5000);
    expect(placed).toBe(TABLES * SLOTS);

    const [slots] = (await sql.query('SELECT meeting_id, table_no, slot_no FROM match_slots WHERE session_id = ?', [
      sessionId,
    ])) as any;
    const [seats] = (await sql.query(
      'SELECT meeting_id, registration_id, slot_no FROM match_seats WHERE session_id = ?',
      [sessionId],
    )) as any;
    expect(slots).toHaveLength(TABLES * SLOTS);
    expect(seats).toHaveLength(2 * TABLES * SLOTS);
    const cell = new Set(slots.map((s: any) => `${s.table_no}/${s.slot_no}`));
    expect(cell.size).toBe(slots.length);
    for (const s of slots) {
      expect(s.table_no).toBeGreaterThanOrEqual(1);
      expect(s.table_no).toBeLessThanOrEqual(TABLES);
      expect(s.slot_no).toBeLessThanOrEqual(SLOTS);
    }
    // every participant's slots are distinct, computed from the meetings themselves
    const slotOf = new Map<number, number>(slots.map((s: any) => [Number(s.meeting_id), Number(s.slot_no)]));
    const busy = new Set<string>();
    for (const [id, slot] of slotOf) {
      for (const r of meetings.get(id)!) {
        const key = `${r.id}@${slot}`;
        expect(busy.has(key)).toBe(false);
        busy.add(key);
      }
    }
    for (const seat of seats) {
      expect(slotOf.get(Number(seat.meeting_id))).toBe(Number(seat.slot_no));
      expect(meetings.get(Number(seat.meeting_id))!.map((r) => r.id)).toContain(Number(seat.registration_id));
    }

    // a hand move onto a taken table and slot is refused by the database: 409, nothing changes
    const [x, y] = slots as any[];
    const move = await call(
      b,
      'PATCH',
      `/api/matchmaking/meetings/${x.meeting_id}/placement`,
      { tableNo: y.table_no, slotNo: y.slot_no },
      admin,
    );
    expect(move.status).toBe(409);
    const [[still]] = (await sql.query('SELECT table_no, slot_no FROM match_slots WHERE meeting_id = ?', [
      x.meeting_id,
    ])) as any;
    expect([still.table_no, still.slot_no]).toEqual([x.table_no, x.slot_no]);

    const matrix = await call(a, 'GET', `/api/sessions/${sessionId}/matchmaking/matrix`, undefined, admin);
    expect(matrix.status).toBe(200);
    expect(matrix.body.cells).toHaveLength(TABLES * SLOTS);
    expect(matrix.body.unplaced).toHaveLength(1000 - TABLES * SLOTS);
    const xlsx = await fetch(`${a}/api/sessions/${sessionId}/matchmaking/matrix.xlsx`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 120_000);

  it('mails every participant its agenda, matching the rows, with an .ics per meeting', async () => {
    const sent = await call(a, 'POST', `/api/sessions/${sessionId}/matchmaking/agenda-mails`, {}, admin);
    expect(sent.status).toBe(200);
    const [seats] = (await sql.query(
      'SELECT s.registration_id AS reg, s.slot_no AS slot, t.table_no AS tbl FROM match_seats s ' +
        'JOIN match_slots t ON t.meeting_id = s.meeting_id WHERE s.session_id = ? ORDER BY s.slot_no',
      [sessionId],
    )) as any;
    const byReg = new Map<number, { slot: number; tbl: number }[]>();
    for (const s of seats)
      byReg.set(Number(s.reg), [...(byReg.get(Number(s.reg)) ?? []), { slot: s.slot, tbl: s.tbl }]);
    expect(sent.body.recipients).toBe(byReg.size);
    const agendaMailsIn = () => smtp.messages.filter((m) => m.subject.includes('洽谈日程'));
    await waitFor('agenda mails', () => agendaMailsIn().length >= byReg.size, 120_000);
    const all = [...enterprises, ...phds];
    const byEmail = new Map(all.map((r) => [r.email, r]));
    const agendaMails = agendaMailsIn();
    expect(agendaMails).toHaveLength(byReg.size);
    for (const mail of agendaMails) {
      const reg = byEmail.get(mail.to.replace(/^.*<|>.*$/g, '').trim())!;
      const rows = byReg.get(reg.id)!;
      const ics = mail.attachments.filter((x) => x.filename.endsWith('.ics'));
      expect(ics.map((x) => x.filename).sort()).toEqual(rows.map((r) => `meeting-${r.slot}-table-${r.tbl}.ics`).sort());
      for (const r of rows) {
        const file = ics.find((x) => x.filename === `meeting-${r.slot}-table-${r.tbl}.ics`)!.content.toString();
        const start = new Date(firstSlotAt.getTime() + (r.slot - 1) * MEETING_MINUTES * 60_000);
        expect(file).toContain(
          `DTSTART:${start
            .toISOString()
            .replace(/[-:]/g, '')
            .replace(/\.\d{3}/, '')}`,
        );
        expect(mail.text).toContain(`第${r.slot}时段`);
      }
    }
    // and on the manage page
    const someone = all.find((r) => byReg.has(r.id))!;
    const agenda = await call(b, 'GET', mm(someone, 'agenda'));
    expect(agenda.body.items.map((x: any) => [x.slotNo, x.tableNo])).toEqual(
      byReg.get(someone.id)!.map((r) => [r.slot, r.tbl]),
    );
  }, 180_000);

  it('turns 达成意向 from both sides of 31 meetings into 31 intents (31/30 met); a pair that met twice counts once', async () => {
    const [placed] = (await sql.query('SELECT meeting_id FROM match_slots WHERE session_id = ? ORDER BY meeting_id', [
      sessionId,
    ])) as any;
    const chosen = (placed as any[]).slice(0, 31).map((r) => Number(r.meeting_id));
    const bad = await call(a, 'PUT', mm(meetings.get(chosen[0]!)![0], `meetings/${chosen[0]}/result`), {
      result: 'maybe',
    });
    expect(bad.status).toBe(400);
    const stranger = await call(a, 'PUT', mm(enterprises[199]!, `meetings/${chosen[0]}/result`), { result: 'intent' });
    expect(stranger.status).toBe(404);
    const answers = await pool(
      chosen.flatMap((id) => meetings.get(id)!.map((r) => ({ id, r }))),
      32,
      ({ id, r }, i) => call(as(i), 'PUT', mm(r, `meetings/${id}/result`), { result: 'intent' }),
    );
    expect(answers.filter((r) => r.status !== 200).map((r) => r.text)).toEqual([]);
    // other results do not make intents
    const other = Number((placed as any[])[40].meeting_id);
    const [oe, op] = meetings.get(other)!;
    await call(a, 'PUT', mm(oe, `meetings/${other}/result`), { result: 'continue' });
    await call(b, 'PUT', mm(op, `meetings/${other}/result`), { result: 'intent' });

    // the first pair meets a second time and again both declare 达成意向
    const [e, p] = meetings.get(chosen[0]!)!;
    const second = await call(a, 'POST', mm(e, 'requests'), { toRegistrationId: p.id, message: '第二次洽谈' });
    expect(second.status).toBe(201);
    expect((await call(b, 'POST', mm(p, `requests/${second.body.id}/accept`))).status).toBe(200);
    const r1 = await call(a, 'PUT', mm(e, `meetings/${second.body.id}/result`), { result: 'intent' });
    const r2 = await call(b, 'PUT', mm(p, `meetings/${second.body.id}/result`), { result: 'intent' });
    expect([r1.status, r2.status]).toEqual([200, 200]);
    const first = await call(a, 'GET', mm(e, 'requests'));
    const both = first.body.items.filter((m: any) => [chosen[0], second.body.id].includes(m.id));
    expect(both).toHaveLength(2);
    expect(new Set(both.map((m: any) => m.outcomeId)).size).toBe(1);

    const [[outcomes]] = (await sql.query(
      "SELECT COUNT(*) AS n FROM outcomes WHERE type = 'cooperation_intent'",
    )) as any;
    expect(Number(outcomes.n)).toBe(31);
    const progress = await call(b, 'GET', `/api/programs/${PLAN_2021}/progress`, undefined, admin);
    const target = progress.body.targets.find((t: { code: string }) => t.code === '2021-2-2-cooperation-intents');
    expect([target.actual, target.target, target.status]).toEqual([31, 30, 'met']);

    const matrix = await call(a, 'GET', `/api/sessions/${sessionId}/matchmaking/matrix`, undefined, admin);
    expect(matrix.body.results.intent).toBe(31 * 2 + 1 + 2);
    expect(matrix.body.intents).toBe(31);
  }, 120_000);
});
