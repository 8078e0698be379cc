import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/core';
import { backoffDelay, NotificationDelivery } from './notification.delivery';
import { NOTIFICATIONS_QUEUE, NotificationJobData } from './notification.queue';

/** A temporary failure: BullMQ tries the job again after the delay the row recorded. */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

/**
 * The BullMQ consumer of the worker process. Several processes may run it; BullMQ hands each
 * job to one of them, and a job whose worker died is redelivered after its lock (NOTIFY_LOCK_MS).
 */
@Injectable()
export class NotificationProcessor implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationProcessor.name);
  private worker?: Worker<NotificationJobData, string>;
  private redis?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly delivery: NotificationDelivery,
  ) {}

  onModuleInit(): void {
    if (!this.config.redisUrl) {
      this.logger.warn('REDIS_URL is not set: nothing to consume (the API delivers in-process)');
      return;
    }
    this.redis = new Redis(this.config.redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', (e: Error) => this.logger.debug(`redis: ${e.message}`));
    const base = this.config.notifyBackoffMs;
    this.worker = new Worker<NotificationJobData, string>(NOTIFICATIONS_QUEUE, (job) => this.process(job), {
      connection: this.redis,
      concurrency: this.config.workerConcurrency,
      lockDuration: this.config.notifyLockMs,
      stalledInterval: this.config.notifyLockMs,
      // a worker killed twice in a row must not fail the message; the row decides failure
      maxStalledCount: 5,
      settings: {
        backoffStrategy: (attemptsMade, _type, err) =>
          err instanceof RetryLater ? err.delayMs : backoffDelay(base, attemptsMade),
      },
    });
    // a Redis outage repeats the same error on every reconnect attempt: say it once
    let last = '';
    this.worker.on('error', (e: Error) => {
      if (e.message !== last) this.logger.warn(`worker: ${e.message}`);
      last = e.message;
    });
    this.worker.on('ready', () => {
      if (last) this.logger.log('worker: connected to Redis again');
      last = '';
    });
    this.logger.log(`consuming "${NOTIFICATIONS_QUEUE}" with concurrency ${this.config.workerConcurrency}`);
  }

  /**
   * One job = one delivery attempt of one row. Resolves with the Message-ID (or why nothing was
   * sent); temporary failures throw {@link RetryLater}, permanent ones `UnrecoverableError`.
   */
  async process(job: Job<NotificationJobData>): Promise<string> {
    const result = await this.delivery.deliver(job.data.notificationId, 'queue');
    switch (result.kind) {
      case 'sent':
        return result.messageId;
      case 'skipped':
        return `skipped: ${result.reason}`;
      case 'retry':
        throw new RetryLater(result.error, result.delayMs);
      case 'failed':
        throw new UnrecoverableError(result.error);
    }
  }

  /** Stops taking jobs and lets the active ones finish, before the mail pool and database close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis?.disconnect();
  }
}
