import { takeEarlySignal } from './early-signals';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '@app/core';
import { startWorkerHealthServer, workerHealthPort, WorkerHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

/** How long a stop may take (active jobs finishing) before the process gives up and exits 1. */
const SHUTDOWN_GRACE_MS = 60_000;

/** A worker process: consumes queues until SIGTERM/SIGINT, then finishes in-flight jobs and exits 0. */
async function main(): Promise<void> {
  const config = loadConfig();
  const healthPort = workerHealthPort();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // readiness for orchestrators (docker-compose healthcheck): database and Redis answer
  let health: WorkerHealthServer | undefined;
  if (healthPort !== undefined) {
    health = await startWorkerHealthServer(healthPort, app.get(DataSource), config.redisUrl);
    logger.log(`health on :${health.port} (/health, /health/ready)`);
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing active jobs`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    // app.close runs the shutdown hooks: worker.close (waits for active jobs), then mail pool and database
    void health?.close();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  const early = takeEarlySignal();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  logger.log('worker started');
  if (early) stop(early);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
