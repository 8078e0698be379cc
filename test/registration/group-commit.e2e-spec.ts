import { createPool, Pool, RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { BatchRows } from '@app/registration/group-commit/batch-rows';
import { SessionsService } from '@app/registration/sessions.service';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, enterprise, login, phd, targetActual } from '@app/testing/fixtures';

/**
 * Group commit (MySQL): registrations arriving together are written in one transaction, yet every
 * request is answered as if it had been alone. Bursts go in parallel through the real HTTP stack.
 */
describe('group commit of registrations on MariaDB', () => {
  let t: TestApp;
  let admin: string;
  let fair: number;
  let sql: Pool;

  const rows = async <T>(query: string, params: unknown[] = []) =>
    (await sql.query<RowDataPacket[]>(query, params))[0] as T[];
  const burst = (sessionId: number, bodies: object[], headers: Record<string, string>[] = []) =>
    Promise.all(
      bodies.map((body, i) =>
        t.http
          .post(`/api/sessions/${sessionId}/registrations`)
          .set(headers[i] ?? {})
          .send(body),
      ),
    );
  const quota = async (sessionId: number, category: string) =>
    (
      await rows<{ capacity: number; confirmed: number; pending: number; waitlisted: number; waitlist_seq: number }>(
        'SELECT capacity, confirmed, pending, waitlisted, waitlist_seq FROM session_quotas WHERE session_id = ? AND category = ?',
        [sessionId, category],
      )
    )[0]!;

  beforeAll(async () => {
    t = await startTestApp('mysql', { REGISTRATION_BATCH_WAIT_MS: '20' });
    sql = createPool({ uri: t.db.url!, connectionLimit: 2 });
    admin = await login(t.http);
    fair = await activityId(t.http, '2021-2-2');
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('seats the first arrivals, waitlists the rest gaplessly, and keeps every count equal to the rows', async () => {
    const session = await createSession(t.http, admin, fair, {
      quotas: [
        { category: 'enterprise', capacity: 7 },
        { category: 'phd', capacity: 5 },
      ],
    });
    const before = await targetActual(t.http, admin, '2021-2-2-enterprises');
    const replies = await burst(session.id, [
      ...Array.from({ length: 20 }, (_, i) => enterprise(7000 + i)),
      ...Array.from({ length: 9 }, (_, i) => phd(7000 + i)),
    ]);
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));

    const regs = await rows<{
      id: number;
      category: string;
      status: string;
      waitlist_seq: number | null;
      created_at: Date;
    }>('SELECT id, category, status, waitlist_seq, created_at FROM registrations WHERE session_id = ? ORDER BY id', [
      session.id,
    ]);
    // written in batches: fewer distinct write times than registrations
    expect(new Set(regs.map((r) => r.created_at.getTime())).size).toBeLessThan(regs.length / 2);

    for (const [category, capacity, total] of [
      ['enterprise', 7, 20],
      ['phd', 5, 9],
    ] as const) {
      const mine = regs.filter((r) => r.category === category);
      expect(mine.filter((r) => r.status === 'confirmed')).toHaveLength(capacity);
      const waiting = mine.filter((r) => r.status === 'waitlisted');
      expect(waiting.map((r) => r.waitlist_seq).sort((a, b) => a! - b!)).toEqual(
        Array.from({ length: total - capacity }, (_, i) => i + 1),
      );
      expect(await quota(session.id, category)).toEqual({
        capacity,
        confirmed: capacity,
        pending: 0,
        waitlisted: total - capacity,
        waitlist_seq: total - capacity,
      });
      // each waitlisted reply names its place, and the places are 1..n once each
      const places = replies
        .filter((r) => r.body.status === 'waitlisted' && regs.find((x) => x.id === r.body.id)!.category === category)
        .map((r) => r.body.waitlistPosition as number)
        .sort((a, b) => a - b);
      expect(places).toEqual(Array.from({ length: total - capacity }, (_, i) => i + 1));
    }
    // the place a reply names is the order its waitlist ticket was drawn
    for (const r of replies.filter((x) => x.body.status === 'waitlisted')) {
      expect(regs.find((x) => x.id === r.body.id)!.waitlist_seq).toBe(r.body.waitlistPosition);
    }

    // the 7 seated enterprises count once each (a waitlist place is not a registration yet);
    // one message is owed per registration
    expect(await targetActual(t.http, admin, '2021-2-2-enterprises')).toBe(before + 7);
    const mail = await rows<{ type: string; n: number }>(
      'SELECT type, COUNT(*) AS n FROM notifications WHERE session_id = ? GROUP BY type ORDER BY type',
      [session.id],
    );
    expect(mail.map((m) => [m.type, Number(m.n)])).toEqual([
      ['registration_confirmed', 12],
      ['registration_waitlisted', 17],
    ]);
  });

  it('fails a duplicate, a twin and a refusal alone, replays a repeated key, and lets the batch-mates through', async () => {
    const session = await createSession(t.http, admin, fair, {
      waitlistEnabled: false,
      quotas: [
        { category: 'enterprise', capacity: 5 },
        { category: 'phd', capacity: 50 },
      ],
    });
    const earlier = await t.http.post(`/api/sessions/${session.id}/registrations`).send(phd(7100)).expect(201);
    const bodies = [
      phd(7100), // already registered
      phd(7101),
      phd(7101), // twin of the one before
      phd(7102), // sent twice with one key
      phd(7102),
      ...Array.from({ length: 8 }, (_, i) => enterprise(7100 + i)), // 5 seats, no waitlist
    ];
    const headers = bodies.map((_, i): Record<string, string> =>
      i === 3 || i === 4 ? { 'Idempotency-Key': 'group-commit-7102' } : {},
    );
    const replies = await burst(session.id, bodies, headers);

    expect(replies[0]!.status).toBe(409);
    expect(replies[0]!.body.code).toBe('registration_exists');
    expect(replies[0]!.body.existingRegistrationId).toBe(earlier.body.id);
    expect([replies[1]!.status, replies[2]!.status].sort()).toEqual([201, 409]);
    expect(replies[3]!.status).toBe(201);
    expect(replies[4]!.status).toBe(201);
    expect(replies[4]!.body).toEqual(replies[3]!.body);

    const enterprises = replies.slice(5);
    expect(enterprises.filter((r) => r.status === 201)).toHaveLength(5);
    const refused = enterprises.filter((r) => r.status === 422);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.body.code).toBe('session_full');

    // a refused request wrote nothing: its enterprise is not even a participant
    const known = await rows<{ identity_key: string }>(
      `SELECT identity_key FROM participants WHERE identity_key IN (${bodies
        .slice(5)
        .map(() => '?')
        .join(', ')})`,
      bodies.slice(5).map((b) => `uscc:${(b as { profile: { uscc: string } }).profile.uscc}`),
    );
    expect(known).toHaveLength(5);
    expect(await quota(session.id, 'enterprise')).toMatchObject({ confirmed: 5, waitlisted: 0 });
    expect(await quota(session.id, 'phd')).toMatchObject({ confirmed: 3, waitlisted: 0 });
    const phdRows = await rows<{ n: number }>(
      "SELECT COUNT(*) AS n FROM registrations WHERE session_id = ? AND category = 'phd'",
      [session.id],
    );
    expect(Number(phdRows[0]!.n)).toBe(3);
  });

  it('spreads one burst over several sessions of the activity, each with its own seats', async () => {
    const sessions = await Promise.all(
      [2, 3, 4].map((capacity) =>
        createSession(t.http, admin, fair, {
          quotas: [
            { category: 'enterprise', capacity },
            { category: 'phd', capacity: 1 },
          ],
        }),
      ),
    );
    const before = await targetActual(t.http, admin, '2021-2-2-enterprises');
    // enterprise 7200 + k registers for every session: one participant, three places
    const jobs = sessions.flatMap((s, k) =>
      Array.from({ length: 6 }, (_, i) => ({ session: s.id, body: enterprise(7200 + ((i + k) % 8)) })),
    );
    const replies = await Promise.all(
      jobs.map((j) => t.http.post(`/api/sessions/${j.session}/registrations`).send(j.body)),
    );
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
    for (const [k, s] of sessions.entries()) {
      expect(await quota(s.id, 'enterprise')).toMatchObject({ confirmed: k + 2, waitlisted: 6 - (k + 2) });
    }
    // distinct seated enterprises across the three sessions, each counted once
    const distinct = new Set(
      jobs
        .filter((_, i) => replies[i]!.body.status === 'confirmed')
        .map((j) => (j.body.profile as { uscc: string }).uscc),
    ).size;
    expect(distinct).toBeLessThan(9);
    expect(await targetActual(t.http, admin, '2021-2-2-enterprises')).toBe(before + distinct);
  });

  it('holds the seats of a session that wants approval as pending, beside a confirming one, in one burst', async () => {
    const [open, vetted] = await Promise.all(
      [false, true].map((requiresApproval) =>
        createSession(t.http, admin, fair, { requiresApproval, quotas: [{ category: 'enterprise', capacity: 2 }] }),
      ),
    );
    const replies = await Promise.all(
      [open!, vetted!].flatMap((s, k) =>
        Array.from({ length: 5 }, (_, i) =>
          t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(7400 + 10 * k + i)),
        ),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
    const statuses = (k: number) =>
      replies
        .slice(5 * k, 5 * k + 5)
        .map((r) => r.body.status as string)
        .sort();
    expect(statuses(0)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);
    expect(statuses(1)).toEqual(['pending_approval', 'pending_approval', 'waitlisted', 'waitlisted', 'waitlisted']);
    expect(await quota(open!.id, 'enterprise')).toMatchObject({ confirmed: 2, pending: 0, waitlisted: 3 });
    expect(await quota(vetted!.id, 'enterprise')).toMatchObject({ confirmed: 0, pending: 2, waitlisted: 3 });
  });

  it('finds duplicates by index reads, however many registrations the batch sessions already hold', async () => {
    // 20 sessions with 30 registrations each; then a batch asks about one place in every session
    const sessions = await Promise.all(
      Array.from({ length: 20 }, () =>
        createSession(t.http, admin, fair, { quotas: [{ category: 'enterprise', capacity: 100 }] }),
      ),
    );
    for (const [k, session] of sessions.entries()) {
      const replies = await burst(
        session.id,
        Array.from({ length: 30 }, (_, i) => enterprise(7500 + 30 * k + i)),
      );
      expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
    }
    const held = await rows<{ sessionId: number; identityKey: string; id: number }>(
      `SELECT r.session_id AS sessionId, p.identity_key AS identityKey, MIN(r.id) AS id
         FROM registrations r JOIN participants p ON p.id = r.participant_id
        WHERE r.session_id IN (?) GROUP BY r.session_id ORDER BY r.session_id`,
      [sessions.map((s) => s.id)],
    );
    const firstOf = await rows<{ sessionId: number; identityKey: string }>(
      `SELECT r.session_id AS sessionId, p.identity_key AS identityKey
         FROM registrations r JOIN participants p ON p.id = r.participant_id WHERE r.id IN (?)`,
      [held.map((h) => h.id)],
    );
    expect(firstOf).toHaveLength(20);

    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      // index and table reads of this connection; SHOW STATUS itself adds a few, measured with nothing between
      const reads = async () =>
        (
          (await runner.query(
            "SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_key', 'Handler_read_next', 'Handler_read_rnd_next')",
          )) as { Value: string }[]
        ).reduce((sum, r) => sum + Number(r.Value), 0);
      const a = await reads();
      const b = await reads();
      const found = await new BatchRows(runner.manager).activeRegistrations([
        ...firstOf.map((f) => `${f.sessionId}\n${f.identityKey}`),
        `${sessions[0]!.id}\nuscc:nobody-registered-this`,
      ]);
      const c = await reads();
      expect(found.size).toBe(20);
      for (const f of firstOf) expect(found.get(`${f.sessionId}\n${f.identityKey}`)?.status).toBe('confirmed');
      // a walk over the 20 sessions' 600 registrations would read at least 600 rows
      expect(c - b - (b - a)).toBeLessThan(200);
    } finally {
      await runner.release();
    }
  });

  it('reads a session a burst finds out of the cache once, not once per request', async () => {
    const session = await createSession(t.http, admin, fair);
    const sessions = t.app.get(SessionsService);
    const read = sessions.getSession.bind(sessions);
    // each read is real, only slower, as under load: the whole burst arrives while the first is on its way
    const reads = jest.spyOn(sessions, 'getSession').mockImplementation(async (id) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return read(id);
    });
    try {
      const replies = await burst(
        session.id,
        Array.from({ length: 24 }, (_, i) => phd(7600 + i)),
      );
      expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
      // one read shared by the burst (24 before reads were shared); on a loaded machine one more if the
      // burst outlasts the cache's second, and one for an item that goes the one-by-one way (it reads afresh)
      expect(reads.mock.calls.filter(([id]) => id === session.id).length).toBeLessThanOrEqual(3);
    } finally {
      reads.mockRestore();
    }
  });

  it('lets a burst in a second after the window was reopened behind the cache, though the cache refused it', async () => {
    const session = await createSession(t.http, admin, fair);
    await sql.query('UPDATE sessions SET registration_closes_at = NOW(3) - INTERVAL 1 HOUR WHERE id = ?', [session.id]);
    // reads the closed session into this process's cache
    const refused = await t.http.post(`/api/sessions/${session.id}/registrations`).send(enterprise(7350));
    expect([refused.status, refused.body.code]).toEqual([422, 'registration_window_closed']);
    // reopened by another API process: this one's cache still holds the closed window
    await sql.query(
      'UPDATE sessions SET registration_closes_at = NOW(3) + INTERVAL 1 DAY, version = version + 1, updated_at = NOW(3) WHERE id = ?',
      [session.id],
    );
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const replies = await burst(
      session.id,
      Array.from({ length: 4 }, (_, i) => enterprise(7351 + i)),
    );
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201]);
  });

  it('answers a burst right after the session was cancelled with registration_closed', async () => {
    const session = await createSession(t.http, admin, fair);
    // reads the session into this process's short-lived cache
    await t.http.post(`/api/sessions/${session.id}/registrations`).send(enterprise(7300)).expect(201);
    // cancelled behind the cache's back, as another API process would
    await sql.query(
      "UPDATE sessions SET status = 'cancelled', version = version + 1, updated_at = NOW(3) WHERE id = ?",
      [session.id],
    );
    const replies = await burst(
      session.id,
      Array.from({ length: 4 }, (_, i) => enterprise(7301 + i)),
    );
    expect(replies.map((r) => [r.status, r.body.code])).toEqual(replies.map(() => [422, 'registration_closed']));
    const count = await rows<{ n: number }>('SELECT COUNT(*) AS n FROM registrations WHERE session_id = ?', [
      session.id,
    ]);
    expect(Number(count[0]!.n)).toBe(1);
  });
});
