import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, JobState, Queue } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/core';

/** The BullMQ queue that carries notification ids from the relay to the workers. */
export const NOTIFICATIONS_QUEUE = 'notifications';

/** Jobs carry the id only: the worker reloads the row, which is the truth. */
export interface NotificationJobData {
  notificationId: number;
}

/** The custom backoff type; the worker computes the delay (see notification.processor.ts). */
export const NOTIFICATION_BACKOFF = 'notification';

/**
 * Job id derived from the notification id, so BullMQ drops a second add of a job that still
 * exists. Not the bare number: BullMQ 5 refuses integer-like custom ids ("Custom Id cannot be
 * integers", they would collide with its own counter) and ids containing ':'.
 */
export const notificationJobId = (id: number): string => `notification-${id}`;

export function notificationJobOptions(config: AppConfig): JobsOptions {
  return {
    // the row counts delivery attempts and decides failure; the spare attempts absorb
    // infrastructure errors (database down) that are not delivery attempts
    attempts: config.notifyMaxAttempts + 10,
    backoff: { type: NOTIFICATION_BACKOFF },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  };
}

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });

/**
 * The producer side of the queue, used by the API's relay. Its Redis connection fails fast
 * (no offline queue): while Redis is away the relay's adds fail at once, the rows stay
 * `pending` in the database, and the next tick tries again.
 */
@Injectable()
export class NotificationQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationQueue.name);
  private readonly redis: Redis;
  readonly queue: Queue<NotificationJobData>;
  private readonly jobOptions: JobsOptions;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.redisUrl) throw new Error('NotificationQueue needs REDIS_URL');
    this.jobOptions = notificationJobOptions(config);
    this.redis = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
      retryStrategy: (times) => Math.min(200 * times, 2000),
    });
    // an outage is reported by the relay once, not by every reconnect attempt
    this.redis.on('error', (e: Error) => this.logger.debug(`redis: ${e.message}`));
    this.queue = new Queue<NotificationJobData>(NOTIFICATIONS_QUEUE, { connection: this.redis });
    this.queue.on('error', (e: Error) => this.logger.debug(`queue: ${e.message}`));
  }

  /** Adds one job per id in one round trip. Ids whose job still exists are ignored by BullMQ. */
  async addAll(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const jobs = ids.map((id) => ({
      name: 'deliver',
      data: { notificationId: id },
      opts: { ...this.jobOptions, jobId: notificationJobId(id) },
    }));
    await withTimeout(this.queue.addBulk(jobs), 5000, 'queue.addBulk');
  }

  /** The state of each id's job; `unknown` when Redis has no such job (never added, removed, or lost). */
  async jobStates(ids: number[]): Promise<Map<number, JobState | 'unknown'>> {
    const states = await withTimeout(
      Promise.all(ids.map((id) => this.queue.getJobState(notificationJobId(id)))),
      5000,
      'queue.getJobState',
    );
    return new Map(ids.map((id, i) => [id, states[i]!]));
  }

  /** Removes finished jobs so their ids can be added again (a retried notification). */
  async removeJobs(ids: number[]): Promise<void> {
    await withTimeout(Promise.all(ids.map((id) => this.queue.remove(notificationJobId(id)))), 5000, 'queue.remove');
  }

  /** For GET /api/health. */
  async state(): Promise<'up' | 'down'> {
    try {
      await withTimeout(this.redis.ping(), 1000, 'redis ping');
      return 'up';
    } catch {
      return 'down';
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
  }
}
