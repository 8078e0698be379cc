import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { createTestDatabase, TestDatabase } from '@app/testing/test-db';
import { activityId, createSession, login } from '@app/testing/fixtures';
import {
  ensureWorkerBuild,
  freePort,
  RedisProcess,
  SmtpSink,
  spawnWorker,
  startRedis,
  startSmtpSink,
  waitFor,
  WorkerProcess,
} from '../notifications/support';
import { countByStatus, pollStatus, registerUnderLoad, sleep } from './load';

/**
 * Redis goes away under load and comes back empty (a private redis-server, killed and started
 * again). Registrations keep succeeding: the outbox holds their messages and the public-write
 * limit counts per process. Once Redis is back every message is delivered exactly once.
 */
describe('Redis outage under load (private redis-server killed and started again)', () => {
  const CLIENTS = 8;
  const LIMIT = 120;
  let db: TestDatabase;
  let redis: RedisProcess;
  let sink: SmtpSink;
  let api: TestApp;
  let worker: WorkerProcess;
  let baseUrl: string;
  let workerUrl: string;
  const env = () => ({
    REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    THROTTLE_PUBLIC_PER_MINUTE: String(LIMIT),
    NOTIFY_BACKOFF_MS: '100',
    NOTIFY_POLL_MS: '200',
    NOTIFY_REQUEUE_AFTER_MS: '1500',
    NOTIFY_LOCK_MS: '2000',
    WORKER_CONCURRENCY: '5',
  });

  beforeAll(async () => {
    ensureWorkerBuild();
    [db, redis, sink] = await Promise.all([createTestDatabase('mysql'), startRedis(), startSmtpSink()]);
    api = await startTestApp('mysql', env(), db);
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    const port = await freePort();
    workerUrl = `http://127.0.0.1:${port}`;
    worker = spawnWorker(db, { ...env(), WORKER_HEALTH_PORT: String(port) });
    await waitFor(
      'the worker to be ready',
      async () => (await fetch(`${workerUrl}/health/ready`).catch(() => undefined))?.status === 200,
      30_000,
    );
  }, 180_000);

  afterAll(async () => {
    await worker?.kill();
    await api?.close();
    await Promise.all([sink?.close(), redis?.stop(), db?.drop()]);
  });

  it('keeps registering while Redis is away and delivers every message exactly once after it returns', async () => {
    const token = await login(api.http);
    const session = await createSession(api.http, token, await activityId(api.http, '2021-2-2'), {
      quotas: [{ category: 'enterprise', capacity: 100_000 }],
    });
    const load = registerUnderLoad({
      baseUrl,
      sessionId: session.id,
      clients: CLIENTS,
      paceMs: 100,
      forwardedFor: (c) => `10.0.0.${c + 1}`,
    });
    await sleep(2000);

    const ready = pollStatus(`${baseUrl}/api/health/ready`, 200);
    const workerReady = pollStatus(`${workerUrl}/health/ready`, 250);
    await redis.stop();
    const down = Date.now();
    await sleep(1000);
    const liveness = await fetch(`${baseUrl}/api/health`);
    // the public-write limit still holds, per process: the limit-th request passes, the next is 429
    const probe = (i: number) =>
      fetch(`${baseUrl}/api/sessions/${session.id}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' },
        body: JSON.stringify({ probe: i }),
      }).then((r) => r.status);
    const probes: number[] = [];
    for (let i = 0; i < LIMIT; i += 10) {
      probes.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => probe(i + j)))));
    }
    const overLimit = await probe(LIMIT);
    await sleep(Math.max(0, down + 5000 - Date.now()));
    const restarting = Date.now();
    await redis.start();
    const up = Date.now();
    await sleep(2000);
    const outcomes = await load.stop();
    while (!ready.seen.some((s) => s.at > up && s.status === 200) && Date.now() - up < 5000) await sleep(100);
    await waitFor(
      'the worker to be ready again',
      async () => (await fetch(`${workerUrl}/health/ready`)).status === 200,
      10_000,
    );
    const [readySeen, workerSeen] = await Promise.all([ready.stop(), workerReady.stop()]);

    const counts = countByStatus(outcomes);
    const created = outcomes.filter((o) => o.status === 201);
    const duringOutage = created.filter((o) => load.started + o.at > down && load.started + o.at < restarting);
    const rows = (await api.app
      .get(DataSource)
      .query('SELECT id, email FROM registrations WHERE session_id = ?', [session.id])) as {
      id: number;
      email: string;
    }[];

    // every owed message arrives; then give a repeat time to show itself
    const delivered = Date.now();
    await waitFor('every confirmation to arrive', () => sink.count >= rows.length, 45_000);
    const deliveredAfter = Date.now() - delivered;
    await sleep(2500);
    const byId = sink.byMessageId();
    const byRecipient = new Map<string, number>();
    for (const m of sink.messages) {
      const to = /<([^>]+)>/.exec(m.to)?.[1] ?? m.to;
      byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
    }

    console.log(
      `Redis outage: ${outcomes.length} registrations from ${CLIENTS} clients, accepted (201) ${created.length} ` +
        `(${duringOutage.length} while Redis was down), rows found ${rows.length}, other statuses ` +
        `${outcomes.length - created.length}; messages ${sink.count}, distinct Message-IDs ${byId.size}, ` +
        `all delivered ${(deliveredAfter / 1000).toFixed(1)} s after the load ended; throttle probe ${overLimit}`,
    );

    // registrations kept succeeding, during the outage too
    expect(counts).toEqual({ 201: created.length });
    expect(duringOutage.length).toBeGreaterThan(CLIENTS * 2);
    expect(new Set(rows.map((r) => Number(r.id)))).toEqual(new Set(created.map((o) => o.id)));
    // the limit fell back to this process's counters instead of failing or vanishing
    expect(probes.filter((s) => s !== 400)).toEqual([]);
    expect(overLimit).toBe(429);

    // exactly once: one message per registration, no Message-ID twice
    expect(sink.count).toBe(rows.length);
    expect(byId.size).toBe(rows.length);
    expect([...byId.values()].filter((n) => n !== 1)).toEqual([]);
    for (const r of rows) expect([r.email, byRecipient.get(r.email)]).toEqual([r.email, 1]);

    // readiness: 503 naming Redis while it was away, 200 within 5 s of its return; liveness stayed 200
    const whileDown = readySeen.filter((s) => s.at > down + 300 && s.at < restarting);
    expect(whileDown.length).toBeGreaterThanOrEqual(3);
    for (const s of whileDown) {
      expect(s.status).toBe(503);
      expect(s.body).toMatchObject({ status: 'not_ready', db: 'up', queue: 'down', down: ['redis'] });
    }
    const readyAgain = readySeen.find((s) => s.at > up && s.status === 200);
    expect(readyAgain!.at - up).toBeLessThan(5000);
    const workerWhileDown = workerSeen.filter((s) => s.at > down + 300 && s.at < restarting);
    expect(workerWhileDown.length).toBeGreaterThanOrEqual(2);
    for (const s of workerWhileDown) expect([s.status, s.body]).toMatchObject([503, { down: ['redis'] }]);
    expect(liveness.status).toBe(200);
    expect(await liveness.json()).toMatchObject({ db: 'up', queue: 'down' });
  }, 90_000);
});
