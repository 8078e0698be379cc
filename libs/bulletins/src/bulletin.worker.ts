import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/core';
import { BulletinsService } from './bulletins.service';

export const BULLETINS_QUEUE = 'bulletins';
export const BULLETIN_SCHEDULER_ID = 'bulletins:due';

/**
 * How often due bulletins are looked for: hourly at minute 0 by default (each program's own
 * frequency decides what is due, so a changed schedule needs no new job); BULLETIN_TICK_MS
 * makes it a fixed interval (tests).
 */
export const bulletinTickMs = (): number => Number(process.env.BULLETIN_TICK_MS ?? 60_000);

/**
 * The worker's schedule: one BullMQ job scheduler (upserted by every worker: same id, one
 * schedule) whose jobs run `issueDue`. Any worker may take a job; the bulletins' unique key
 * makes a second issuer answer the first one's bulletin, so restarts and many workers are safe.
 */
@Injectable()
export class BulletinWorker implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(BulletinWorker.name);
  private redis?: Redis;
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bulletins: BulletinsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.redisUrl) return;
    this.redis = new Redis(this.config.redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', (e: Error) => this.logger.debug(`redis: ${e.message}`));
    this.queue = new Queue(BULLETINS_QUEUE, { connection: this.redis });
    const every = process.env.BULLETIN_TICK_MS;
    await this.queue.upsertJobScheduler(
      BULLETIN_SCHEDULER_ID,
      every ? { every: Number(every) } : { pattern: '0 * * * *', tz: 'Asia/Shanghai' },
      { name: 'issue-due', opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
    this.worker = new Worker(BULLETINS_QUEUE, async () => this.bulletins.issueDue(), {
      connection: this.redis,
      concurrency: 1,
    });
    this.worker.on('failed', (_job, e) => this.logger.error(`bulletin job failed: ${e.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
