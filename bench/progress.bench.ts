import { performance } from 'node:perf_hooks';
import { Connection, createConnection } from 'mysql2/promise';
import { ADMIN, startTestApp, TestApp } from '../test/support/test-app';
import { createTestDatabase } from '../test/support/test-db';
import { EXPECTED_PARTICIPATIONS_SQL } from '../libs/registration/src/counting/participation.sql';

/**
 * Plan-vs-actual at scale: 1,000,000 registrations seeded straight into MariaDB, then
 * `GET /api/programs/:code/progress` (reads counters, tallies and the distinct-participant
 * totals only) against the naive COUNT(*) … GROUP BY over registrations it replaces, in the
 * same run on the same data. `enterprisesActualOf2021_2_2` counts distinct enterprises (each
 * seeded participant registers in every session of its activity).
 */
const PROGRAM = 'qz-2021-talent-activities';
const REGISTRATIONS = 1_000_000;
const SESSIONS = 500;
/** every participant registers once in every session: 2,000 × 500 = 1,000,000 */
const PARTICIPANTS = REGISTRATIONS / SESSIONS;
const BATCH = 5_000;
const WRITERS = 4;
const CALLS = 50;

export async function benchProgress(): Promise<Record<string, number | string>> {
  const db = await createTestDatabase('mysql');
  let app: TestApp | undefined;
  try {
    app = await startTestApp('mysql', { LOG_LEVEL: 'silent' }, db);
    const conn = await createConnection(db.url);
    const seedStarted = performance.now();
    const activityIds = (
      (await conn.query('SELECT a.id FROM activities a JOIN programs p ON p.id = a.program_id WHERE p.code = ?', [
        PROGRAM,
      ])) as unknown as [{ id: number }[]]
    )[0].map((r) => r.id);
    await seed(db.url, conn, activityIds);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    // the distinct counts the API keeps on every write, built once from the seeded rows
    const aggregateStarted = performance.now();
    await conn.query(
      'INSERT INTO participations (activity_id, category, level, kind, participant_id, sessions) ' +
        EXPECTED_PARTICIPATIONS_SQL,
    );
    await conn.query(
      'INSERT INTO participation_totals (activity_id, category, level, kind, participants) ' +
        'SELECT activity_id, category, level, kind, COUNT(*) FROM participations GROUP BY activity_id, category, level, kind',
    );
    const aggregateSeconds = (performance.now() - aggregateStarted) / 1000;

    const login = await app.http.post('/api/auth/login').send(ADMIN).expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken as string}` };
    const progress = () => app!.http.get(`/api/programs/${PROGRAM}/progress`).set(auth).expect(200);
    const check = await progress();
    const enterprises = (check.body.targets as { code: string; actual: number }[]).find(
      (t) => t.code === '2021-2-2-enterprises',
    );
    for (let i = 0; i < 3; i++) await progress();
    const progressMs = await timed(CALLS, progress);

    const baselineSql =
      'SELECT s.activity_id, r.category, r.status, COUNT(*) AS n FROM registrations r ' +
      'JOIN sessions s ON s.id = r.session_id WHERE s.activity_id IN (?) GROUP BY s.activity_id, r.category, r.status';
    const baselineMs = await timed(5, () => conn.query(baselineSql, [activityIds]));
    const [[{ n }]] = (await conn.query('SELECT COUNT(*) AS n FROM registrations')) as unknown as [[{ n: number }]];
    await conn.end();

    const p50 = percentile(progressMs, 50);
    const baseline50 = percentile(baselineMs, 50);
    return {
      registrations: Number(n),
      sessions: SESSIONS,
      seedSeconds: round(seedSeconds),
      distinctAggregateBuildSeconds: round(aggregateSeconds),
      progressCalls: CALLS,
      progressP50Ms: round(p50),
      progressP99Ms: round(percentile(progressMs, 99)),
      countBaselineP50Ms: round(baseline50),
      countBaselineMaxMs: round(Math.max(...baselineMs)),
      speedup: round(baseline50 / p50),
      enterprisesActualOf2021_2_2: enterprises?.actual ?? 'missing',
    };
  } finally {
    await app?.close();
    await db.drop();
  }
}

/**
 * Sessions spread over the plan's activities, each with enterprise and PhD quotas whose
 * counters match the registrations written (90 % confirmed, 5 % waitlisted, 5 % cancelled).
 * Bulk multi-row INSERTs of {@link BATCH} rows on {@link WRITERS} connections; the data is
 * consistent by construction, so unique and foreign-key checks are off while seeding.
 */
async function seed(url: string, conn: Connection, activityIds: number[]): Promise<void> {
  const now = new Date();
  const start = new Date('2021-03-10T01:00:00Z');
  const sessions = Array.from({ length: SESSIONS }, (_, i) => [
    activityIds[i % activityIds.length],
    `bench session ${i + 1}`,
    ['grassroots', 'county', 'city', 'provincial'][i % 4],
    start,
    new Date(start.getTime() + 4 * 3600_000),
    'offline',
    start,
    start,
    0,
    0,
    i % 3 === 0 ? 'completed' : 'scheduled',
    1,
    now,
    now,
  ]);
  await conn.query(
    'INSERT INTO sessions (activity_id, title, level, starts_at, ends_at, mode, registration_opens_at, ' +
      'registration_closes_at, requires_approval, waitlist_enabled, status, version, created_at, updated_at) VALUES ?',
    [sessions],
  );
  const sessionIds = (
    (await conn.query('SELECT id FROM sessions ORDER BY id')) as unknown as [{ id: number }[]]
  )[0].map((r) => r.id);
  const participants = Array.from({ length: PARTICIPANTS }, (_, i) => [
    `email:bench-${i}@bench.example`,
    i % 2 ? 'phd' : 'enterprise',
    `参与者${i}`,
    `bench-${i}@bench.example`,
    'zh-CN',
    '{}',
    now,
    now,
  ]);
  await conn.query(
    'INSERT INTO participants (identity_key, category, name, email, locale, profile, created_at, updated_at) VALUES ?',
    [participants],
  );
  const [[{ first }]] = (await conn.query('SELECT MIN(id) AS first FROM participants')) as unknown as [
    [{ first: number }],
  ];

  const statusOf = (p: number) => (p % 20 === 18 ? 'waitlisted' : p % 20 === 19 ? 'cancelled' : 'confirmed');
  const perCategory: Record<string, Record<string, number>> = {
    enterprise: { confirmed: 0, waitlisted: 0 },
    phd: { confirmed: 0, waitlisted: 0 },
  };
  for (let p = 0; p < PARTICIPANTS; p++) {
    const s = statusOf(p);
    if (s !== 'cancelled') perCategory[p % 2 ? 'phd' : 'enterprise']![s]!++;
  }
  const quotas = sessionIds.flatMap((id) =>
    ['enterprise', 'phd'].map((cat) => [
      id,
      cat,
      PARTICIPANTS / 2,
      perCategory[cat]!.confirmed,
      0,
      perCategory[cat]!.waitlisted,
      perCategory[cat]!.waitlisted,
    ]),
  );
  await conn.query(
    'INSERT INTO session_quotas (session_id, category, capacity, confirmed, pending, waitlisted, waitlist_seq) VALUES ?',
    [quotas],
  );

  const total = sessionIds.length * PARTICIPANTS;
  const batches = Math.ceil(total / BATCH);
  let next = 0;
  const writer = async () => {
    const w = await createConnection(url);
    await w.query('SET unique_checks = 0, foreign_key_checks = 0');
    for (let b = next++; b < batches; b = next++) {
      const rows: unknown[][] = [];
      for (let k = b * BATCH; k < Math.min(total, (b + 1) * BATCH); k++) {
        const session = sessionIds[Math.floor(k / PARTICIPANTS)]!;
        const p = k % PARTICIPANTS;
        const status = statusOf(p);
        rows.push([
          session,
          first + p,
          p % 2 ? 'phd' : 'enterprise',
          status,
          status === 'cancelled' ? null : first + p,
          status === 'waitlisted' ? p : null,
          '0123456789abcdef0123456789abcdef',
          `B${k.toString(36).toUpperCase().padStart(9, '0')}`,
          `参与者${p}`,
          `bench-${p}@bench.example`,
          'zh-CN',
          '{}',
          'online',
          now,
          now,
        ]);
      }
      await w.query(
        'INSERT INTO registrations (session_id, participant_id, category, status, active_key, waitlist_seq, ' +
          'token_nonce, check_in_code, name, email, locale, profile, channel, created_at, updated_at) VALUES ?',
        [rows],
      );
    }
    await w.end();
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}

async function timed(times: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (x: number) => Math.round(x * 100) / 100;

if (require.main === module) {
  benchProgress()
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
