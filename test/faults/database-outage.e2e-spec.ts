import { Queue } from 'bullmq';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_QUEUE } from '@app/notifications';
import { ReminderScheduler } from '@app/registration';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityId, createSession, enterprise, login } from '@app/testing/fixtures';
import { startWorkerHealthServer, WorkerHealthServer } from '../../apps/worker/src/health-server';
import { freePort, RedisProcess, startRedis, waitFor } from '../notifications/support';
import { countByStatus, pollStatus, registerUnderLoad, sleep } from './load';
import { MariaDbServer, startPrivateMariaDb } from './mariadb-server';

/**
 * The database stops under load and comes back. A private MariaDB server (its own data
 * directory and port) is stopped with SIGTERM for about 5 s while 12 clients register; the
 * API runs on, its pool reconnecting by itself.
 */
describe('database outage under load (private MariaDB stopped and started again)', () => {
  const CLIENTS = 12;
  const OUTAGE_MS = 5000;
  let server: MariaDbServer;
  let redis: RedisProcess;
  let api: TestApp;
  let baseUrl: string;
  let workerHealth: WorkerHealthServer;

  beforeAll(async () => {
    [server, redis] = await Promise.all([startPrivateMariaDb(), startRedis()]);
    const db = await server.createDatabase('tep_fault');
    // Redis without a worker: the outbox rows go to BullMQ and wait there (no mail to render)
    api = await startTestApp('mysql', { REDIS_URL: redis.url }, db);
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    // the worker's readiness endpoint, on the same database and Redis
    workerHealth = await startWorkerHealthServer(await freePort(), api.app.get(DataSource), redis.url);
  }, 120_000);

  afterAll(async () => {
    await workerHealth?.close();
    await api?.close();
    await Promise.all([server?.destroy(), redis?.stop()]);
    await api?.db.drop();
  });

  it('answers 503 (never 500) while the database is down, loses no 201, and serves again within 5 s', async () => {
    const token = await login(api.http);
    const session = await createSession(api.http, token, await activityId(api.http, '2021-2-2'), {
      quotas: [{ category: 'enterprise', capacity: 100_000 }],
    });
    expect((await fetch(`${baseUrl}/api/health/ready`)).status).toBe(200);

    const load = registerUnderLoad({ baseUrl, sessionId: session.id, clients: CLIENTS, pauseOn503Ms: 50 });
    await sleep(2000);

    const ready = pollStatus(`${baseUrl}/api/health/ready`, 200);
    const workerReady = pollStatus(`http://127.0.0.1:${workerHealth.port}/health/ready`, 250);
    const stopAsked = Date.now();
    await server.stop();
    const down = Date.now();
    await sleep(OUTAGE_MS / 2);
    const liveness = await fetch(`${baseUrl}/api/health`);
    await sleep(OUTAGE_MS / 2);
    const restarting = Date.now();
    await server.start();
    const up = Date.now();
    await sleep(3000);
    const outcomes = await load.stop();
    // readiness is back within 5 s of the database's return
    while (!ready.seen.some((s) => s.at > up && s.status === 200) && Date.now() - up < 5000) await sleep(100);
    const [readySeen, workerSeen] = await Promise.all([ready.stop(), workerReady.stop()]);

    const counts = countByStatus(outcomes);
    const created = outcomes.filter((o) => o.status === 201);
    const unavailable = outcomes.filter((o) => o.status === 503);
    const firstCreatedAfterUp = Math.min(...created.map((o) => load.started + o.at).filter((t) => t >= up));
    const rows = (await api.app
      .get(DataSource)
      .query('SELECT id FROM registrations WHERE session_id = ?', [session.id])) as { id: number }[];
    const rowIds = new Set(rows.map((r) => Number(r.id)));
    const [quota] = (await api.app
      .get(DataSource)
      .query(`SELECT confirmed FROM session_quotas WHERE session_id = ? AND category = 'enterprise'`, [
        session.id,
      ])) as { confirmed: number }[];
    const [owed] = (await api.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS n FROM notifications WHERE session_id = ? AND type = 'registration_confirmed'`, [
        session.id,
      ])) as { n: number }[];

    // the numbers of this run, for the record
    console.log(
      `database outage: ${outcomes.length} requests from ${CLIENTS} clients; accepted (201) ${created.length}, ` +
        `rows found ${rows.length}, 503s ${unavailable.length}, 500s ${counts[500] ?? 0}, ` +
        `other ${outcomes.length - created.length - unavailable.length}; server stop took ${down - stopAsked} ms, ` +
        `down ${up - down} ms; first 201 ${((firstCreatedAfterUp - up) / 1000).toFixed(2)} s after the database returned`,
    );

    // nothing but 201 and 503: no 500, no network error
    expect(counts).toEqual({ 201: created.length, 503: unavailable.length });
    expect(unavailable.length).toBeGreaterThan(0);
    for (const o of unavailable) {
      expect(o.retryAfter).toBe('5');
      expect(o.body).toMatchObject({ statusCode: 503, code: 'service_unavailable', error: 'Service Unavailable' });
      expect(o.body?.message).toMatch(/[\u4e00-\u9fff]/);
      expect(o.body?.details?.[0]?.field).toBe('database');
    }
    // no 201 while the server was down
    expect(created.filter((o) => load.started + o.at > down + 200 && load.started + o.at < restarting)).toEqual([]);

    // every 201 is in the database; nothing beyond what a 503 may have committed
    expect(created.filter((o) => !rowIds.has(o.id!))).toEqual([]);
    expect(rows.length).toBeLessThanOrEqual(created.length + unavailable.length);
    // nothing half-way: the seat counter and the outbox match the rows exactly
    expect(Number(quota!.confirmed)).toBe(rows.length);
    expect(Number(owed!.n)).toBe(rows.length);

    // service again within 5 s of the database's return
    expect(firstCreatedAfterUp - up).toBeLessThan(5000);

    // readiness: 503 naming the database while it was down, 200 again within 5 s
    const whileDown = readySeen.filter((s) => s.at > down + 300 && s.at < restarting);
    expect(whileDown.length).toBeGreaterThanOrEqual(3);
    for (const s of whileDown) {
      expect(s.status).toBe(503);
      expect(s.body).toMatchObject({ status: 'not_ready', db: 'down', queue: 'up', down: ['database'] });
    }
    const readyAgain = readySeen.find((s) => s.at > up && s.status === 200);
    expect(readyAgain).toBeDefined();
    expect(readyAgain!.at - up).toBeLessThan(5000);
    expect(readyAgain!.body).toEqual({ status: 'ready', db: 'up', queue: 'up', down: [] });
    // the worker's readiness says the same
    const workerWhileDown = workerSeen.filter((s) => s.at > down + 300 && s.at < restarting);
    expect(workerWhileDown.length).toBeGreaterThanOrEqual(2);
    expect(workerWhileDown.every((s) => s.status === 503)).toBe(true);
    expect(workerSeen.some((s) => s.at > up && s.status === 200)).toBe(true);
    // the relay resumed by itself: every owed row went to BullMQ, each exactly once (job id = row)
    const pending = async () =>
      Number(
        (
          (await api.app
            .get(DataSource)
            .query(`SELECT COUNT(*) AS n FROM notifications WHERE session_id = ? AND status = 'pending'`, [
              session.id,
            ])) as { n: number }[]
        )[0]!.n,
      );
    const queue = new Queue(NOTIFICATIONS_QUEUE, { connection: { host: '127.0.0.1', port: redis.port } });
    const jobs = () => queue.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
    try {
      await waitFor('the relay to hand every row to the queue', async () => (await jobs()) >= rows.length, 15_000);
      expect(await jobs()).toBe(rows.length);
      expect(await pending()).toBe(0);
    } finally {
      await queue.close();
    }
    // liveness kept answering 200 (the process is alive), reporting the database down
    expect(liveness.status).toBe(200);
    expect(await liveness.json()).toMatchObject({ db: 'down' });
  }, 60_000);

  it('the reminder loop survives a pass while the database is down and reminds exactly once after', async () => {
    const token = await login(api.http);
    const session = await createSession(api.http, token, await activityId(api.http, '2021-2-2'), {
      startsInHours: 12,
      quotas: [{ category: 'enterprise', capacity: 10 }],
    });
    for (const n of [9001, 9002, 9003]) {
      await api.http.post(`/api/sessions/${session.id}/registrations`).send(enterprise(n)).expect(201);
    }
    const scheduler = api.app.get(ReminderScheduler);
    const reminders = async () =>
      Number(
        (
          (await api.app
            .get(DataSource)
            .query(`SELECT COUNT(*) AS n FROM notifications WHERE session_id = ? AND type = 'session_reminder'`, [
              session.id,
            ])) as { n: number }[]
        )[0]!.n,
      );

    await server.stop();
    try {
      // a pass during the outage fails quietly (logged once) instead of throwing out of the timer
      await expect(scheduler.tick()).resolves.toBe(0);
      await expect(scheduler.tick()).resolves.toBe(0);
    } finally {
      await server.start();
    }
    await expect(scheduler.tick()).resolves.toBe(3);
    await expect(scheduler.tick()).resolves.toBe(0);
    expect(await reminders()).toBe(3);
  }, 30_000);
});
