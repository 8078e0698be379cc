import { createPool, Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { NOTIFICATIONS_QUEUE } from '@app/notifications';
import { createTestDatabase } from '../test/support/test-db';
import { startApiProcess } from '../test/support/api-process';
import { ADMIN, testEnv } from '../test/support/test-app';
import { enterprise, phd, PLAN_2021, sessionBody } from '../test/support/fixtures';
import { BenchClient } from './http-client';
import { round, runConcurrent, summarize } from './stats';

const CONCURRENCY = 64;
const HOT_TOTAL = Number(process.env.BENCH_REGISTRATIONS ?? 4000);
const HOT_CAPACITY = 1000;
/**
 * Requests before anything is measured, for each API process and for the raw loop alike: as
 * many as a run. A new API process spends about half as much CPU again per registration on its
 * first two to three thousand requests as later (at a core throughout, 760 registrations a
 * second rising to 1,200; after a warm-up of 600 the hot session's first 1,500–2,000
 * completions ran at p50 80–115 ms, the rest at 45–70). The runs measure warm processes, like
 * an API that has been serving for a while.
 */
const WARM_UP = 4000;
/** enterprise numbers the warm-ups take (the runs take 0–3,999 and 5,000–8,999) */
const WARM_ENTERPRISES = 10_000;
/** the API relays every registration's message here; no worker runs, so the run empties it after */
const QUEUE_REDIS_URL = 'redis://127.0.0.1:6379/13';

/**
 * Registrations through the HTTP API (one API process, MariaDB, Redis outbox) against one hot
 * session and against 100 sessions, and a raw mysql2 loop running the same SQL statements in
 * the same run. Oversell = confirmed rows beyond capacity, counted from the rows.
 */
export async function benchRegistration(): Promise<Record<string, unknown>> {
  const db = await createTestDatabase('mysql');
  const apiEnv = testEnv(db, {
    LOG_LEVEL: 'warn',
    REDIS_URL: QUEUE_REDIS_URL,
    THROTTLE_PUBLIC_PER_MINUTE: '100000000',
  });
  const api = await startApiProcess(apiEnv);
  const pool = createPool({ uri: db.url, connectionLimit: CONCURRENCY });
  const client = new BenchClient(CONCURRENCY);
  const http = (url: string, path: string, body: unknown, token?: string) => client.post(url, path, body, token);
  try {
    const token = (await http(api.url, '/api/auth/login', ADMIN)).accessToken as string;
    const plan = await client.get(api.url, `/api/programs/${PLAN_2021}`);
    const fair = plan.series[1].activities[1].id as number;
    const newSession = (capacity: number, via = api.url) =>
      http(
        via,
        `/api/activities/${fair}/sessions`,
        sessionBody({
          quotas: [
            { category: 'enterprise', capacity },
            { category: 'phd', capacity },
          ],
        }),
        token,
      );

    // warm-up: JIT, pools, prepared plans, over the paths the runs take: both categories, and
    // both a seat and the waitlist (a quota of a quarter fills halfway through)
    let warmed = 0;
    const warmUp = async (urls: string[]) => {
      const warm = await newSession(WARM_UP / 4, urls[0]);
      const from = warmed;
      warmed += WARM_UP * urls.length;
      await runConcurrent(WARM_UP * urls.length, CONCURRENCY, (i) => {
        const n = from + i;
        // the fixture's phone numbers have four digits for the number: these get their own
        const registrant =
          i % 2 ? phd(900000 + n) : enterprise(WARM_ENTERPRISES + n, { phone: `139${String(n).padStart(8, '0')}` });
        return http(urls[i % urls.length]!, `/api/sessions/${warm.id}/registrations`, registrant);
      });
    };
    await warmUp([api.url]);

    const hot = await newSession(HOT_CAPACITY);
    const hotRun = await runConcurrent(HOT_TOTAL, CONCURRENCY, (i) =>
      http(api.url, `/api/sessions/${hot.id}/registrations`, enterprise(i)),
    );
    const spread = await Promise.all(Array.from({ length: 100 }, () => newSession(HOT_CAPACITY)));
    const spreadRun = await runConcurrent(HOT_TOTAL, CONCURRENCY, (i) =>
      http(api.url, `/api/sessions/${spread[i % 100].id}/registrations`, phd(100000 + i)),
    );

    await api.stop();
    // the same hot session over two API processes on one database: the database decides the seats
    const pair = await Promise.all([startApiProcess(apiEnv), startApiProcess(apiEnv)]);
    let twoRun: Awaited<ReturnType<typeof runConcurrent>>;
    let hot2: { id: number };
    try {
      await warmUp(pair.map((p) => p.url));
      hot2 = await newSession(HOT_CAPACITY, pair[0]!.url);
      twoRun = await runConcurrent(HOT_TOTAL, CONCURRENCY, (i) =>
        http(pair[i % 2]!.url, `/api/sessions/${hot2.id}/registrations`, enterprise(5000 + i)),
      );
    } finally {
      // the API processes stop first so the raw loops have the database to themselves
      await Promise.all(pair.map((p) => p.stop()));
    }
    const raw = (loop: Partial<RawLoop>) =>
      rawLoop(pool, fair, { naive: false, sessions: 1, counting: true, total: HOT_TOTAL, ...loop });
    // warmed up as the API was: the pool's connections, the server's plans
    await raw({ total: WARM_UP });
    const rawHot = await raw({});
    const rawSpread = await raw({ sessions: 100 });
    const rawNaive = await raw({ naive: true });
    const rawHotUncounted = await raw({ counting: false });
    const rawSpreadUncounted = await raw({ sessions: 100, counting: false });

    const oversell = async (sessionId: number) => {
      const [rows] = await pool.query<RowDataPacket[]>(
        `SELECT category, COUNT(*) AS n FROM registrations WHERE session_id = ? AND status = 'confirmed' GROUP BY category`,
        [sessionId],
      );
      return rows.reduce((sum, r) => sum + Math.max(0, Number(r.n) - HOT_CAPACITY), 0);
    };
    const apiHot = summarize(hotRun);
    const apiSpread = summarize(spreadRun);
    const apiTwo = summarize(twoRun);
    const rawOne = summarize(rawHot);
    const rawHundred = summarize(rawSpread);
    const naive = summarize(rawNaive);
    const rawUncounted = summarize(rawHotUncounted);
    const rawHundredUncounted = summarize(rawSpreadUncounted);
    return {
      concurrency: CONCURRENCY,
      registrationsPerScenario: HOT_TOTAL,
      capacity: HOT_CAPACITY,
      apiHotSession: apiHot,
      apiHundredSessions: apiSpread,
      apiHotSessionTwoProcesses: apiTwo,
      rawMysql2SameSqlHot: rawOne,
      rawMysql2SameSqlHundred: rawHundred,
      rawNaiveReadThenWrite: naive,
      rawWithoutCountingHot: rawUncounted,
      rawWithoutCountingHundred: rawHundredUncounted,
      ratioApiToRawHot: round(apiHot.perSecond / rawOne.perSecond),
      ratioApiToRawHundred: round(apiSpread.perSecond / rawHundred.perSecond),
      ratioTwoProcessesToRawHot: round(apiTwo.perSecond / rawOne.perSecond),
      p99RatioApiToRawHot: round(apiHot.p99Ms / rawOne.p99Ms),
      ratioApiToRawWithoutCountingHot: round(apiHot.perSecond / rawUncounted.perSecond),
      ratioApiToRawWithoutCountingHundred: round(apiSpread.perSecond / rawHundredUncounted.perSecond),
      oversellApiHot: await oversell(hot.id),
      oversellApiTwoProcesses: await oversell(hot2.id),
      oversellApiHundred: (await Promise.all(spread.map((s: { id: number }) => oversell(s.id)))).reduce(
        (a, b) => a + b,
        0,
      ),
      oversellRaw: (
        await Promise.all(
          [
            ...rawHot.sessionIds,
            ...rawSpread.sessionIds,
            ...rawHotUncounted.sessionIds,
            ...rawSpreadUncounted.sessionIds,
          ].map(oversell),
        )
      ).reduce((a, b) => a + b, 0),
      oversellNaive: await oversell(rawNaive.sessionIds[0]!),
    };
  } finally {
    await client.close();
    await pool.end();
    await api.stop();
    await db.drop();
    // some 12,000 jobs a run that nothing consumes: left alone they pile up run after run
    const queue = new Queue(NOTIFICATIONS_QUEUE, { connection: { url: QUEUE_REDIS_URL } });
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/**
 * The registration transaction as plain SQL, one per registration: participant upsert,
 * registration insert, the conditional counter UPDATE (or the naive SELECT-then-UPDATE), the
 * participation upsert and its distinct total (what the one-by-one path writes for the counting
 * rules; `counting: false` leaves them out, as this loop did before participations existed),
 * outbox insert, commit.
 */
interface RawLoop {
  /** read the counter, then write it (oversells), instead of the conditional UPDATE */
  naive: boolean;
  /** sessions of the activity the registrations are spread over */
  sessions: number;
  /** write the participation line and its distinct total, as a registration must */
  counting: boolean;
  /** registrations the loop makes */
  total: number;
}

async function rawLoop(pool: Pool, activityId: number, { naive, sessions, counting, total }: RawLoop) {
  const now = new Date();
  const sessionIds: number[] = [];
  for (let k = 0; k < sessions; k++) sessionIds.push(await rawSession(pool, activityId, HOT_CAPACITY, now));
  const tag = randomBytes(3).toString('hex');
  const run = await runConcurrent(total, CONCURRENCY, async (i) => {
    const sessionId = sessionIds[i % sessions]!;
    const conn = await pool.getConnection();
    try {
      await conn.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
      await conn.beginTransaction();
      const key = `uscc:raw-${tag}-${i}`;
      await conn.query(
        `INSERT INTO participants (identity_key, category, name, email, phone, id_number, locale, profile, created_at, updated_at)
         VALUES (?, 'enterprise', ?, ?, NULL, NULL, 'zh-CN', '{}', NOW(3), NOW(3))
         ON DUPLICATE KEY UPDATE name = VALUES(name), updated_at = VALUES(updated_at)`,
        [key, `raw ${i}`, `raw${i}@x.cn`],
      );
      const [[p]] = await conn.query<RowDataPacket[]>('SELECT id FROM participants WHERE identity_key = ?', [key]);
      const [reg] = await conn.query<ResultSetHeader>(
        `INSERT INTO registrations (session_id, participant_id, category, status, active_key, token_nonce, check_in_code,
           name, email, locale, profile, channel, created_at, updated_at)
         VALUES (?, ?, 'enterprise', 'confirmed', ?, ?, ?, ?, ?, 'zh-CN', '{}', 'online', NOW(3), NOW(3))`,
        [sessionId, p!.id, p!.id, tag, `R${tag}${i}`.slice(0, 16), `raw ${i}`, `raw${i}@x.cn`],
      );
      let took: boolean;
      if (naive) {
        const [[q]] = await conn.query<RowDataPacket[]>(
          `SELECT confirmed, capacity FROM session_quotas WHERE session_id = ? AND category = 'enterprise'`,
          [sessionId],
        );
        took = Number(q!.confirmed) < Number(q!.capacity);
        if (took) {
          await conn.query(`UPDATE session_quotas SET confirmed = ? WHERE session_id = ? AND category = 'enterprise'`, [
            Number(q!.confirmed) + 1,
            sessionId,
          ]);
        }
      } else {
        const [u] = await conn.query<ResultSetHeader>(
          `UPDATE session_quotas SET confirmed = confirmed + 1
           WHERE session_id = ? AND category = 'enterprise' AND confirmed + pending < capacity`,
          [sessionId],
        );
        took = u.affectedRows === 1;
      }
      if (!took) {
        await conn.query(
          `UPDATE session_quotas SET waitlisted = waitlisted + 1, waitlist_seq = waitlist_seq + 1 WHERE session_id = ? AND category = 'enterprise'`,
          [sessionId],
        );
        await conn.query(`UPDATE registrations SET status = 'waitlisted' WHERE id = ?`, [reg.insertId]);
      }
      if (counting) {
        const kind = took ? 'confirmed' : 'waitlisted';
        const [line] = await conn.query<ResultSetHeader>(
          `INSERT INTO participations (activity_id, category, level, kind, participant_id, sessions)
           VALUES (?, 'enterprise', '', ?, ?, 1) ON DUPLICATE KEY UPDATE sessions = sessions + 1`,
          [activityId, kind, p!.id],
        );
        if (line.affectedRows === 1) {
          await conn.query(
            `INSERT INTO participation_totals (activity_id, category, level, kind, participants)
             VALUES (?, 'enterprise', '', ?, 1) ON DUPLICATE KEY UPDATE participants = participants + 1`,
            [activityId, kind],
          );
        }
      }
      await conn.query(
        `INSERT IGNORE INTO notifications (type, dedupe_key, recipient_email, recipient_name, locale, registration_id, session_id,
           payload, status, attempts, due_at, next_attempt_at, created_at)
         VALUES ('registration_confirmed', ?, ?, ?, 'zh-CN', ?, ?, '{}', 'pending', 0, NOW(3), NOW(3), NOW(3))`,
        [`raw:${tag}:${i}`, `raw${i}@x.cn`, `raw ${i}`, reg.insertId, sessionId],
      );
      await conn.commit();
    } catch (error) {
      await conn.rollback();
      throw error;
    } finally {
      conn.release();
    }
  });
  return { ...run, sessionIds };
}

async function rawSession(pool: Pool, activityId: number, capacity: number, now: Date): Promise<number> {
  const [s] = await pool.query<ResultSetHeader>(
    `INSERT INTO sessions (activity_id, title, level, starts_at, ends_at, venue, city, mode, registration_opens_at,
       registration_closes_at, requires_approval, waitlist_enabled, status, version, created_at, updated_at)
     VALUES (?, 'raw', 'city', ?, ?, 'v', 'c', 'offline', ?, ?, 0, 1, 'scheduled', 1, ?, ?)`,
    [activityId, now, now, now, now, now, now],
  );
  const sessionId = s.insertId;
  await pool.query(
    `INSERT INTO session_quotas (session_id, category, capacity, confirmed, pending, waitlisted, waitlist_seq) VALUES (?, 'enterprise', ?, 0, 0, 0, 0)`,
    [sessionId, capacity],
  );
  return sessionId;
}
