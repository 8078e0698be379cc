import { createServer, Server } from 'node:http';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { checkReadiness, ConfigError, probeDatabase, PROBE_TIMEOUT_MS, ProbeState, withTimeout } from '@app/core';

/**
 * `WORKER_HEALTH_PORT`: when set, the worker answers on 0.0.0.0:<port>
 *   GET /health        200 {status: "ok"} while the process runs (liveness)
 *   GET /health/ready  200 when the database and Redis answer, else 503 with `down` naming them
 * Unset: no port is opened.
 */
export function workerHealthPort(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.WORKER_HEALTH_PORT;
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError([`WORKER_HEALTH_PORT must be an integer between 1 and 65535 (got "${raw}")`]);
  }
  return port;
}

export interface WorkerHealthServer {
  port: number;
  close(): Promise<void>;
}

/** The worker's liveness and readiness over HTTP (the same readiness as the API's /api/health/ready). */
export async function startWorkerHealthServer(
  port: number,
  db: DataSource,
  redisUrl: string | undefined,
): Promise<WorkerHealthServer> {
  // its own connection, failing fast while Redis is away (no offline queue)
  const redis = redisUrl
    ? new Redis(redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: PROBE_TIMEOUT_MS,
        retryStrategy: (times) => Math.min(200 * times, 2000),
      })
    : undefined;
  redis?.on('error', () => undefined);
  const pingRedis = async (): Promise<ProbeState> => {
    try {
      await withTimeout(redis!.ping(), PROBE_TIMEOUT_MS, 'redis ping');
      return 'up';
    } catch {
      return 'down';
    }
  };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return send(405, { status: 'method_not_allowed' });
    if (path === '/health') return send(200, { status: 'ok' });
    if (path === '/health/ready') {
      void checkReadiness({ db: () => probeDatabase(db), redis: redis ? pingRedis : undefined }).then(
        (r) => send(r.status === 'ready' ? 200 : 503, r),
        () => send(503, { status: 'not_ready' }),
      );
      return;
    }
    send(404, { status: 'not_found' });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '0.0.0.0', () => ok());
  });
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      redis?.disconnect();
    },
  };
}
