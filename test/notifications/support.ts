import { ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';
import Redis from 'ioredis';
import { TransactionService } from '@app/core';
import { NewNotification, NotificationsService, NotificationType } from '@app/notifications';
import { testEnv } from '@app/testing/test-app';
import { TestDatabase } from '@app/testing/test-db';
import { freePort } from '@app/testing/api-process';
import { repoRoot } from '@app/testing/repo-root';
import { ParsedMail, parseMail } from './mime';

const ROOT = repoRoot();

export { freePort };

type Check = () => boolean | Promise<boolean>;

/** Polls until `check` is true; fails (naming `what`, if given) after `timeoutMs`. */
export async function waitFor(what: string, check: Check, timeoutMs?: number): Promise<void>;
export async function waitFor(check: Check, timeoutMs?: number): Promise<void>;
export async function waitFor(a: string | Check, b?: Check | number, c?: number): Promise<void> {
  const [what, check, timeoutMs] =
    typeof a === 'string' ? [a, b as Check, c ?? 20_000] : ['a condition', a, (b as number) ?? 20_000];
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface SmtpReject {
  code: number;
  message: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  /** accepted messages in order of arrival, parsed (by mailparser) before the server accepts each */
  readonly messages: ParsedMail[];
  /** how many messages arrived */
  readonly count: number;
  /** RCPT TO calls per recipient address, including rejected ones */
  rcptAttempts: Map<string, number>;
  byMessageId(): Map<string, number>;
  close(): Promise<void>;
}

/**
 * A real SMTP server in this process. `reject(address, attempt)` may refuse a recipient with a
 * code (421, 550, ...); accepted messages are parsed and kept in order of arrival.
 */
export async function startSmtpSink(
  opts: {
    port?: number;
    reject?: (address: string, attempt: number) => SmtpReject | undefined;
    /** how long the server takes to accept each message (a slow server keeps jobs in flight) */
    delayMs?: number;
  } = {},
): Promise<SmtpSink> {
  const parsed: ParsedMail[] = [];
  const rcptAttempts = new Map<string, number>();
  const server = new SMTPServer({
    disableReverseLookup: true,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    size: 10 * 1024 * 1024,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const attempt = (rcptAttempts.get(address.address) ?? 0) + 1;
      rcptAttempts.set(address.address, attempt);
      const refusal = opts.reject?.(address.address, attempt);
      if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        // parsed before the 250: once the sender records a message as sent, the sink shows it
        const accept = () =>
          parseMail(Buffer.concat(chunks).toString('utf8')).then(
            (mail) => {
              parsed.push(mail);
              callback();
            },
            (error: Error) => callback(error),
          );
        if (opts.delayMs) setTimeout(accept, opts.delayMs);
        else accept();
      });
    },
  });
  server.on('error', () => undefined);
  const port = opts.port ?? (await freePort());
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const sink: SmtpSink = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    get messages() {
      return parsed;
    },
    get count() {
      return parsed.length;
    },
    rcptAttempts,
    byMessageId() {
      const counts = new Map<string, number>();
      for (const m of sink.messages) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
      return counts;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
  return sink;
}

export interface RedisProcess {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A private redis-server (no persistence: a restart starts empty, as after losing its data). */
export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  const handle: RedisProcess = {
    url,
    port,
    start: async () => {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      await waitFor('redis-server', async () => {
        const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        probe.on('error', () => undefined);
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          probe.disconnect();
        }
      });
    },
    stop: async () => {
      const c = child;
      child = undefined;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((ok) => {
        c.once('exit', () => ok());
        c.kill('SIGKILL');
      });
    },
  };
  await handle.start();
  return handle;
}

const WORKER_MAIN = join(ROOT, 'dist/apps/worker/src/main.js');

/** Builds dist/ (`npm run build`) when a source the worker runs is newer than its compiled file. */
export function ensureWorkerBuild(): void {
  const sources = ['libs/notifications/src', 'libs/core/src', 'apps/worker/src'].flatMap((dir) =>
    execSync(`find ${dir} -name '*.ts' ! -name '*.spec.ts'`, { cwd: ROOT }).toString().split('\n').filter(Boolean),
  );
  const stale = sources.some((src) => {
    const out = join(ROOT, 'dist', src.replace(/\.ts$/, '.js'));
    return !existsSync(out) || statSync(out).mtimeMs < statSync(join(ROOT, src)).mtimeMs;
  });
  if (stale || !existsSync(WORKER_MAIN)) execSync('npm run build --silent', { cwd: ROOT, stdio: 'inherit' });
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for a clean exit; resolves with the exit code */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

/** `node dist/apps/worker/src/main.js` against the test's database and the given Redis/SMTP. */
export function spawnWorker(db: TestDatabase, extra: Record<string, string>): WorkerProcess {
  const env = { ...process.env, ...testEnv(db, { LOG_LEVEL: 'warn', ...extra }) };
  const child = spawn(process.execPath, [WORKER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

let seq = 0;

/** A registration-like notification with every fact the templates print. */
export function sampleNotification(
  i: number,
  opts: { locale?: 'zh-CN' | 'en'; type?: NotificationType; email?: string; dueAt?: Date; tag?: string } = {},
): NewNotification {
  const tag = opts.tag ?? `t${process.pid}-${++seq}`;
  const locale = opts.locale ?? 'zh-CN';
  return {
    type: opts.type ?? 'registration_confirmed',
    dedupeKey: `test:${tag}:${i}`,
    recipientEmail: opts.email ?? `user${i}-${tag}@example.test`,
    recipientName: locale === 'en' ? `Tester ${i}` : `测试用户${i}`,
    locale,
    registrationId: 1000 + i,
    sessionId: 77,
    dueAt: opts.dueAt,
    facts: {
      recipientName: locale === 'en' ? `Tester ${i}` : `测试用户${i}`,
      session: {
        id: 77,
        activityTitle: '泉州人才港湾博览会',
        title: '第一场：企业与博士对接',
        startsAt: '2025-03-15T01:00:00.000Z',
        endsAt: '2025-03-15T09:00:00.000Z',
        venue: '泉州海峡体育中心',
        city: '泉州市',
        mode: 'offline',
        onlineUrl: null,
        status: 'scheduled',
      },
      registrationId: 1000 + i,
      registrationStatus: 'confirmed',
      manageUrl: `https://talent.example/registrations/${1000 + i}?token=tok${i}`,
      checkInCode: `CK${String(100000 + i)}`,
    },
  };
}

/** Enqueues inside a real transaction, as the registration module does. */
export async function enqueueInTx(
  app: { get<T>(type: new (...args: never[]) => T): T },
  rows: NewNotification[],
): Promise<void> {
  const tx = app.get(TransactionService);
  const outbox = app.get(NotificationsService);
  await tx.withTransaction((t) => (rows.length === 1 ? outbox.enqueue(t, rows[0]!) : outbox.enqueueMany(t, rows)));
}
