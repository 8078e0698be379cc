import { DataSource, In } from 'typeorm';
import { NotificationEntity } from '@app/notifications';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { createTestDatabase, TestDatabase } from '@app/testing/test-db';
import {
  enqueueInTx,
  ensureWorkerBuild,
  RedisProcess,
  sampleNotification,
  SmtpSink,
  spawnWorker,
  startRedis,
  startSmtpSink,
  waitFor,
  WorkerProcess,
} from './support';

/**
 * Faults on real engines: a private redis-server that is killed (and comes back empty), and a
 * worker process killed with SIGKILL mid-batch. Every owed message must arrive; a repeat may
 * only be the same message again (same Message-ID).
 */
describe('notifications under faults (Redis outage, worker SIGKILL)', () => {
  let db: TestDatabase;
  let redis: RedisProcess;
  let sink: SmtpSink;
  let api: TestApp;
  const workers: WorkerProcess[] = [];
  const env = () => ({
    REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    NOTIFY_BACKOFF_MS: '100',
    NOTIFY_POLL_MS: '200',
    NOTIFY_REQUEUE_AFTER_MS: '1500',
    NOTIFY_LOCK_MS: '2000',
    WORKER_CONCURRENCY: '5',
  });
  const startWorker = () => {
    const w = spawnWorker(db, env());
    workers.push(w);
    return w;
  };
  const rows = () => api.app.get(DataSource).getRepository(NotificationEntity);
  const arrivedFor = (tag: string) => sink.messages.filter((m) => m.to.includes(`-${tag}@`));

  beforeAll(async () => {
    ensureWorkerBuild();
    [db, redis, sink] = await Promise.all([createTestDatabase('mysql'), startRedis(), startSmtpSink({ delayMs: 15 })]);
    api = await startTestApp('mysql', env(), db);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await api?.close();
    await Promise.all([sink?.close(), redis?.stop(), db?.drop()]);
  });

  it('keeps enqueueing while Redis is down and delivers everything once it is back, none twice', async () => {
    const w1 = startWorker();
    const a = Array.from({ length: 10 }, (_, i) => sampleNotification(i, { tag: 'outage' }));
    await enqueueInTx(api.app, a);
    await waitFor('batch A', () => arrivedFor('outage').length === 10);

    // jobs waiting in Redis with no consumer, then Redis dies and comes back empty
    expect(await w1.stop()).toBe(0);
    const b = Array.from({ length: 20 }, (_, i) => sampleNotification(100 + i, { tag: 'outage' }));
    await enqueueInTx(api.app, b);
    const bKeys = b.map((n) => n.dedupeKey);
    await waitFor(
      'batch B queued',
      async () => (await rows().countBy({ dedupeKey: In(bKeys), status: 'queued' })) === 20,
    );
    await redis.stop();

    // enqueueing still works: the rows wait in the outbox
    const c = Array.from({ length: 30 }, (_, i) => sampleNotification(200 + i, { tag: 'outage' }));
    const started = Date.now();
    for (const n of c.slice(0, 10)) await enqueueInTx(api.app, [n]);
    await enqueueInTx(api.app, c.slice(10));
    expect(Date.now() - started).toBeLessThan(3000);
    await new Promise((r) => setTimeout(r, 800));
    const cKeys = c.map((n) => n.dedupeKey);
    expect(await rows().countBy({ dedupeKey: In(cKeys), status: 'pending' })).toBe(30);
    expect((await api.http.get('/api/health').expect(200)).body.queue).toBe('down');

    await redis.start();
    startWorker();
    await waitFor('every owed message', () => arrivedFor('outage').length >= 60, 30_000);
    await waitFor(
      'all rows sent',
      async () => (await rows().countBy({ status: 'sent', dedupeKey: In([...bKeys, ...cKeys]) })) === 50,
    );
    await new Promise((r) => setTimeout(r, 1000));
    const got = arrivedFor('outage');
    const perMessageId = new Map<string, number>();
    for (const m of got) perMessageId.set(m.messageId, (perMessageId.get(m.messageId) ?? 0) + 1);
    expect(perMessageId.size).toBe(60);
    expect([...perMessageId.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(got.map((m) => m.to)).size).toBe(60);
    expect((await api.http.get('/api/health').expect(200)).body.queue).toBe('up');
  }, 60_000);

  it('survives a worker killed with SIGKILL mid-batch: every message arrives, a repeat has the same Message-ID', async () => {
    const w = startWorker();
    const batch = Array.from({ length: 300 }, (_, i) => sampleNotification(i, { tag: 'kill' }));
    await enqueueInTx(api.app, batch);
    await waitFor('the batch under way', () => sink.count > 0 && arrivedFor('kill').length >= 40);
    await w.kill();
    const atKill = arrivedFor('kill').length;
    expect(atKill).toBeLessThan(300);

    startWorker();
    await waitFor('the whole batch', () => new Set(arrivedFor('kill').map((m) => m.messageId)).size === 300, 40_000);
    const keys = batch.map((n) => n.dedupeKey);
    await waitFor('all rows sent', async () => (await rows().countBy({ dedupeKey: In(keys), status: 'sent' })) === 300);
    const sent = await rows().findBy({ dedupeKey: In(keys) });
    const got = arrivedFor('kill');
    const ids = new Set(got.map((m) => m.messageId));
    // every row's Message-ID arrived; any extra copy is one of those ids (the same message again)
    expect(sent.every((r) => ids.has(r.messageId!))).toBe(true);
    expect(ids.size).toBe(300);
    // at most the jobs that were in flight when the worker died can repeat
    expect(got.length - 300).toBeLessThanOrEqual(5);
    const messageIds = new Map(sent.map((r) => [r.id, r.messageId]));
    for (const m of got) expect(m.messageId).toBe(messageIds.get(m.notificationId));
  }, 60_000);
});
