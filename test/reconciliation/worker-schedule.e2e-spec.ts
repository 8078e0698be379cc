import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/core';
import { RECONCILIATION_QUEUE, RECONCILIATION_SCHEDULER_ID, ReconciliationRunEntity } from '@app/reconciliation';
import { startTestApp, testEnv, TestApp } from '@app/testing/test-app';
import { TEST_REDIS_URL } from '@app/testing/test-db';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/**
 * With REDIS_URL the worker owns the schedule: a BullMQ job scheduler (one however many workers
 * start) adds the reconcile job every RECONCILE_EVERY_HOURS, and a worker runs it.
 */
describe('reconciliation in the worker (MariaDB, Redis)', () => {
  let api: TestApp;
  let worker: INestApplicationContext;
  let queue: Queue;

  beforeAll(async () => {
    api = await startTestApp('mysql');
    queue = new Queue(RECONCILIATION_QUEUE, { connection: { url: TEST_REDIS_URL } });
    await queue.removeJobScheduler(RECONCILIATION_SCHEDULER_ID);
    await queue.obliterate({ force: true });
    const config = loadConfig(testEnv(api.db, { REDIS_URL: TEST_REDIS_URL }));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await queue?.removeJobScheduler(RECONCILIATION_SCHEDULER_ID);
    await queue?.close();
    await api?.close();
  });

  it('registers a daily job scheduler and runs the reconciliation it schedules', async () => {
    const scheduler = await queue.getJobScheduler(RECONCILIATION_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ every: 24 * 3600_000 });
    const runs = api.app.get(DataSource).getRepository(ReconciliationRunEntity);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await runs.countBy({ cause: 'schedule' })) === 0) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await runs.countBy({ cause: 'schedule' })).toBe(1);
    const health = await api.http.get('/api/health').expect(200);
    expect(health.body.reconciliation).toEqual({ at: expect.any(String), repaired: 0 });
  }, 40_000);
});
