import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import nodemailer, { SendMailOptions, Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { loadConfig, TransactionService } from '@app/core';
import {
  NewNotification,
  NOTIFICATIONS_QUEUE,
  NotificationsService,
  pooledSmtp,
  renderNotification,
} from '@app/notifications';
import { createApiApp } from '../apps/api/src/bootstrap';
import { testEnv } from '../test/support/test-app';
import { createTestDatabase } from '../test/support/test-db';
import { freePort } from '../test/support/api-process';
import { cpuMeter } from './cpu-share';
import { round } from './stats';

const MESSAGES = Number(process.env.BENCH_NOTIFICATIONS ?? 5000);
const WORKERS = Number(process.env.BENCH_NOTIFY_WORKERS ?? 1);
const CONCURRENCY = Number(process.env.BENCH_NOTIFY_CONCURRENCY ?? 20);
const REDIS_URL = process.env.BENCH_NOTIFY_REDIS_URL ?? 'redis://127.0.0.1:6379/12';
const RAW_LANES = 50;
/**
 * Messages before anything is measured, through each pipeline run and the raw loop alike. A new
 * worker process is still getting faster after 300 (with 300: one worker 660 and 685 per s in two
 * runs on the late VM; with 3,000: 733 and 804, the raw loop the same either way); the runs
 * measure a warm worker, like one that has been delivering for a while.
 */
const WARM_UP = Number(process.env.BENCH_NOTIFY_WARM_UP ?? 3000);

/** An in-process SMTP sink that only counts (and remembers Message-IDs, to count repeats). */
async function startSink() {
  const port = await freePort();
  const seen = new Map<string, number>();
  let count = 0;
  const server = new SMTPServer({
    disableReverseLookup: true,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        count++;
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
        if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    url: `smtp://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    seen,
    reset() {
      count = 0;
      seen.clear();
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const notification = (i: number, run: string): NewNotification => ({
  type: 'registration_confirmed',
  dedupeKey: `bench:${run}:${i}`,
  recipientEmail: `bench${i}@example.test`,
  recipientName: `参会者${i}`,
  locale: i % 5 === 0 ? 'en' : 'zh-CN',
  registrationId: i + 1,
  sessionId: 1,
  facts: {
    recipientName: `参会者${i}`,
    session: {
      id: 1,
      activityTitle: '泉州人才港湾博览会',
      title: '企业与博士对接专场',
      startsAt: '2025-03-15T01:00:00.000Z',
      endsAt: '2025-03-15T09:00:00.000Z',
      venue: '泉州海峡体育中心',
      city: '泉州市',
      mode: 'offline',
      onlineUrl: null,
      status: 'scheduled',
    },
    registrationId: i + 1,
    registrationStatus: 'confirmed',
    manageUrl: `https://talent.example/api/registrations/${i + 1}?token=bench${i}`,
    checkInCode: `B${String(100000 + i)}`,
  },
});

/** `lanes` concurrent senders over one transport: messages per second, and the host's steal meanwhile. */
async function rawLoop(transport: Transporter, total: number, build: (i: number) => SendMailOptions) {
  let next = 0;
  const cpu = cpuMeter();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RAW_LANES }, async () => {
      for (let i = next++; i < total; i = next++) await transport.sendMail(build(i));
    }),
  );
  return { perSecond: (total / (performance.now() - started)) * 1000, stealPercent: cpu()?.stealPercent };
}

/**
 * Messages per second through the whole pipeline — outbox rows committed in one transaction
 * (MariaDB) → relay (this process) → BullMQ (a dedicated Redis db) → worker process(es) →
 * SMTP — into an in-process smtp-server sink, against a raw pooled nodemailer loop sending
 * the same rendered message to the same sink in the same run.
 */
export async function benchNotifications(): Promise<Record<string, number | string | undefined>> {
  const db = await createTestDatabase('mysql');
  const sink = await startSink();
  const env = testEnv(db, {
    LOG_LEVEL: 'warn',
    REDIS_URL,
    SMTP_URL: sink.url,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    NOTIFY_POLL_MS: '200',
  });
  // a fresh database reuses notification ids: jobs of an earlier run must not shadow them
  const stale = new Queue(NOTIFICATIONS_QUEUE, { connection: { url: REDIS_URL } });
  await stale.obliterate({ force: true });
  await stale.close();

  const api = await createApiApp(loadConfig(env));
  const workerMain = process.env.WORKER_MAIN ?? join(__dirname, '../apps/worker/src/main.js');
  const outbox = api.get(NotificationsService);
  const tx = api.get(TransactionService);
  const enqueue = (rows: NewNotification[]) => tx.withTransaction((t) => outbox.enqueueMany(t, rows));

  /** One pipeline run with `count` worker processes, warmed up, stopped after. */
  async function pipeline(count: number, run: string) {
    const workers: ChildProcess[] = Array.from({ length: count }, () =>
      // WORKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the worker in a bench run
      spawn(process.execPath, [...(process.env.WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean), workerMain], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
    try {
      // warm-up: worker start, JIT, pools, connections
      await enqueue(Array.from({ length: WARM_UP }, (_, i) => notification(i, `${run}-warm`)));
      await until(() => sink.count >= WARM_UP, 60_000, 'warm-up');
      sink.reset();

      const rows = Array.from({ length: MESSAGES }, (_, i) => notification(i, run));
      const cpu = cpuMeter();
      const started = performance.now();
      await enqueue(rows);
      const enqueueTxMs = performance.now() - started;
      await until(() => sink.seen.size >= MESSAGES, 300_000, 'pipeline messages');
      const ms = performance.now() - started;
      return {
        enqueueTxMs,
        ms,
        perSecond: (MESSAGES / ms) * 1000,
        repeats: sink.count - sink.seen.size,
        stealPercent: cpu()?.stealPercent,
      };
    } finally {
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((ok) => {
              if (w.exitCode !== null) return ok();
              w.once('exit', () => ok());
              w.kill('SIGTERM');
            }),
        ),
      );
      sink.reset();
    }
  }

  try {
    // the same message, rendered once, over the same kind of pooled transport
    const mail = await renderNotification(
      {
        id: 1,
        type: 'registration_confirmed',
        locale: 'zh-CN',
        facts: notification(1, 'run').facts,
        createdAt: new Date(),
      },
      'talent.quanzhou.example',
    );
    const build = (i: number): SendMailOptions => ({
      from: 'no-reply@talent.quanzhou.example',
      to: `raw${i}@example.test`,
      ...mail,
      messageId: `<raw-${i}@talent.quanzhou.example>`,
    });
    const raw = async () => {
      const same = nodemailer.createTransport(pooledSmtp(sink.url, 10));
      try {
        // warmed up as the pipeline is: JIT, the pool's connections
        await rawLoop(same, WARM_UP, build);
        return await rawLoop(same, MESSAGES, build);
      } finally {
        same.close();
        sink.reset();
      }
    };

    // the raw loop before and after the pipeline runs: this VM's speed drifts within a run
    const rawBefore = await raw();
    const one = await pipeline(WORKERS, 'run');
    // a worker process uses one core at most: the same with a process for each of two cores
    const two = await pipeline(2 * WORKERS, 'run2');
    const rawAfter = await raw();
    const rawPooled = (rawBefore.perSecond + rawAfter.perSecond) / 2;

    const [host, port] = sink.url.replace('smtp://', '').split(':');
    const stock = nodemailer.createTransport({
      pool: true,
      host,
      port: Number(port),
      maxConnections: 10,
      maxMessages: 1000,
    });
    const rawStock = (await rawLoop(stock, Math.min(MESSAGES, 1000), build)).perSecond;
    stock.close();

    return {
      messages: MESSAGES,
      workers: WORKERS,
      workerConcurrency: CONCURRENCY,
      enqueueTransactionMs: round(one.enqueueTxMs),
      pipelineSeconds: round(one.ms / 1000),
      pipelinePerSecond: Math.round(one.perSecond),
      pipelineRepeats: one.repeats,
      rawPooledNodemailerPerSecond: Math.round(rawPooled),
      rawPooledBeforeAfter: `${Math.round(rawBefore.perSecond)} / ${Math.round(rawAfter.perSecond)}`,
      // the share of the machine's CPU time its host took during each run (Linux; see cpu-share.ts);
      // undefined elsewhere, which the JSON of the results leaves out
      stealPercentRawBefore: rawBefore.stealPercent,
      stealPercentRawAfter: rawAfter.stealPercent,
      stealPercentPipeline: one.stealPercent,
      stealPercentPipelineTwoWorkers: two.stealPercent,
      pipelineVsRawRatio: round(one.perSecond / rawPooled, 3),
      twoWorkerProcesses: 2 * WORKERS,
      pipelineTwoWorkersPerSecond: Math.round(two.perSecond),
      pipelineTwoWorkersRepeats: two.repeats,
      pipelineTwoWorkersVsRawRatio: round(two.perSecond / rawPooled, 3),
      rawStockPoolNagleOnPerSecond: Math.round(rawStock),
      note: 'raw = same rendered message, pooled transport with the worker settings (10 connections, TCP_NODELAY), 50 concurrent senders, one process, run before and after the pipeline (the mean is the baseline); the pipeline runs once with WORKERS worker processes and once with twice as many; stock = nodemailer pool defaults (Nagle on)',
    };
  } finally {
    await api.close();
    await sink.close();
    await db.drop();
  }
}
