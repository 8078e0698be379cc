import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import Redis from 'ioredis';
import { RedisRateLimitStore } from './redis-rate-limit.store';

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/** A private redis-server that can be killed (the shared one is left alone). */
async function redisServer(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => 50 });
  probe.on('error', () => undefined);
  await probe.connect().catch(() => undefined);
  for (let i = 0; i < 100 && probe.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 50));
  probe.disconnect();
  return child;
}

const stop = (child: ChildProcess) =>
  new Promise<void>((ok) => {
    if (child.exitCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill('SIGKILL');
  });

describe(RedisRateLimitStore.name, () => {
  let port: number;
  let server: ChildProcess;
  let store: RedisRateLimitStore;

  beforeAll(async () => {
    port = await freePort();
    server = await redisServer(port);
    store = RedisRateLimitStore.connect(`redis://127.0.0.1:${port}`);
    jest.spyOn(store['logger'], 'warn').mockImplementation(() => undefined);
    jest.spyOn(store['logger'], 'log').mockImplementation(() => undefined);
    for (let i = 0; i < 100 && store['redis'].status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 20));
  });

  afterAll(async () => {
    await store.close();
    await stop(server);
  });

  it('counts in Redis while it is up, per process without waiting while it is away, and shares again after', async () => {
    const rule = [{ key: 'public:10.1.1.1', limit: 2 }];
    expect(await store.take(rule, 60_000)).toEqual({ allowed: true });
    const direct = new Redis(port, '127.0.0.1');
    expect(await direct.get(`${RedisRateLimitStore.PREFIX}public:10.1.1.1`)).toBe('1');
    direct.disconnect();

    await stop(server);
    const started = Date.now();
    // the per-process counters start empty and still enforce the limit
    expect(await store.take(rule, 60_000)).toEqual({ allowed: true });
    expect(await store.take(rule, 60_000)).toEqual({ allowed: true });
    expect(await store.take(rule, 60_000)).toMatchObject({ allowed: false });
    await store.release('public:10.1.1.1');
    expect(await store.take(rule, 60_000)).toEqual({ allowed: true });
    expect(Date.now() - started).toBeLessThan(500);
    expect(store['logger'].warn).toHaveBeenCalledTimes(1);

    server = await redisServer(port);
    for (let i = 0; i < 150 && store['redis'].status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await store.take(rule, 60_000)).toEqual({ allowed: true });
    const after = new Redis(port, '127.0.0.1');
    expect(await after.get(`${RedisRateLimitStore.PREFIX}public:10.1.1.1`)).toBe('1');
    after.disconnect();
  });
});
