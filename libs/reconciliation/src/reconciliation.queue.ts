import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/core';
import { ReconciliationService } from './reconciliation.service';

export const RECONCILIATION_QUEUE = 'reconciliation';
export const RECONCILIATION_SCHEDULER_ID = 'reconcile-daily';

/**
 * The worker's schedule: a BullMQ job scheduler (upserted by every worker, so there is one
 * schedule however many run) adds a `reconcile` job every RECONCILE_EVERY_HOURS, and whichever
 * worker takes it runs one reconciliation. Only with REDIS_URL.
 */
@Injectable()
export class ReconciliationJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconciliationJobs.name);
  private redis?: Redis;
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reconciliation: ReconciliationService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.redisUrl || this.config.reconcileEveryHours === 0) return;
    this.redis = new Redis(this.config.redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(RECONCILIATION_QUEUE, { connection: this.redis });
    await this.queue.upsertJobScheduler(
      RECONCILIATION_SCHEDULER_ID,
      { every: this.config.reconcileEveryHours * 3600_000 },
      { name: 'reconcile', opts: { removeOnComplete: 20, removeOnFail: 50 } },
    );
    this.worker = new Worker(RECONCILIATION_QUEUE, async () => (await this.reconciliation.run('schedule')).repaired, {
      connection: this.redis,
      concurrency: 1,
    });
    this.worker.on('failed', (_job, error) => this.logger.error(`reconciliation job failed: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    this.redis?.disconnect();
  }
}
