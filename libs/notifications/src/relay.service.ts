import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig, classifyUnavailable } from '@app/core';
import { NotificationDelivery } from './notification.delivery';
import { NotificationQueue } from './notification.queue';
import { NotificationRepository } from './notification.repository';

/** Rows claimed per statement when handing over to BullMQ (one addBulk each). */
export const RELAY_BATCH = 500;

/** How long a kick waits for more commits before a pass. */
const KICK_GATHER_MS = 15;

/** Runs `fn` over `items` with at most `limit` at a time. */
async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

class QueueUnavailable extends Error {}

/**
 * Moves due outbox rows on: into BullMQ when REDIS_URL is set, or straight to the mail
 * transport in-process otherwise. All its state is in the database, so it survives restarts
 * and outages, and any number of API processes may run one: rows are claimed with a
 * conditional update and a claim token, and the BullMQ job id (= row id) dedupes the rest.
 *
 * It runs on a timer (NOTIFY_POLL_MS) and on {@link kick} after a commit; it never runs
 * inside a request.
 */
@Injectable()
export class NotificationRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private lastProblem?: string;
  /**
   * When a pass last looked for stale rows (leases run for minutes: once per poll is enough); the
   * poll timer and {@link drain} reset it so that their pass looks whatever the time.
   */
  private staleCheckedAt = Number.NEGATIVE_INFINITY;
  /**
   * Claims whose outcome this relay never learnt (the database failed during the claim or while
   * giving rows back): no job was added for them, so the next pass gives back whatever they did
   * claim, conditional on the token. Without this such rows would wait for their lease
   * (NOTIFY_REQUEUE_AFTER_MS, minutes) after every database outage.
   */
  private readonly uncertain: { ids: number[]; token: string }[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rows: NotificationRepository,
    private readonly delivery: NotificationDelivery,
    @Optional() private readonly queue?: NotificationQueue,
  ) {}

  get mode(): 'queue' | 'in_process' {
    return this.queue ? 'queue' : 'in_process';
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.staleCheckedAt = Number.NEGATIVE_INFINITY;
      this.kick();
    }, this.config.notifyPollMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // claimed rows not finished here keep their lease and are picked up again after it
    await this.running;
  }

  /**
   * Asks for a pass soon; returns at once. Called after every commit that enqueued rows.
   * Passes never overlap: a kick during a pass schedules one more pass.
   */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // a short gather window: under a burst of registrations one pass carries many rows
    // instead of every commit paying for its own claim queries
    this.running = new Promise<void>((r) => setTimeout(r, KICK_GATHER_MS))
      .then(() => this.loop())
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Runs passes until nothing due is left (or the queue is unavailable). For tests and benchmarks. */
  async drain(): Promise<void> {
    this.staleCheckedAt = Number.NEGATIVE_INFINITY;
    this.kick();
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.pass();
        if (this.lastProblem) this.logger.log('notification relay recovered');
        this.lastProblem = undefined;
      } catch (error) {
        this.report(error);
        return;
      }
    } while (this.again && !this.stopped);
  }

  /**
   * One pass: give back uncertain claims, recover stale ones (at most once per poll interval:
   * under a burst, kicks come every few milliseconds and a lease lasts minutes), then move every
   * due row in batches.
   */
  private async pass(): Promise<void> {
    await this.releaseUncertain();
    const now = Date.now();
    if (now - this.staleCheckedAt >= this.config.notifyPollMs) {
      this.staleCheckedAt = now;
      await this.recoverStale();
    }
    const batch = this.queue ? RELAY_BATCH : this.config.workerConcurrency * 5;
    while (!this.stopped) {
      const due = await this.rows.findDue(new Date(), batch);
      if (due.length === 0) return;
      const token = randomUUID();
      const claimed = await this.claim(due, 'pending', token);
      await this.dispatch(claimed, token);
      if (due.length < batch) return;
    }
  }

  /** A claim that, when it fails, is remembered as uncertain (it may have committed). */
  private async claim(ids: number[], from: 'pending' | 'stale', token: string): Promise<number[]> {
    try {
      return await this.rows.claim(ids, from, token, new Date(), this.leaseUntil());
    } catch (error) {
      this.rememberUncertain(ids, token);
      throw error;
    }
  }

  /** Gives claimed rows back; when even that fails, they are given back on a later pass. */
  private async release(ids: number[], token: string): Promise<void> {
    try {
      await this.rows.release(ids, token);
    } catch (error) {
      this.rememberUncertain(ids, token);
      throw error;
    }
  }

  private rememberUncertain(ids: number[], token: string): void {
    this.uncertain.push({ ids, token });
    // bounded: anything beyond is still recovered when its lease runs out
    if (this.uncertain.length > 100) this.uncertain.shift();
  }

  private async releaseUncertain(): Promise<void> {
    while (this.uncertain.length > 0) {
      const { ids, token } = this.uncertain[0]!;
      await this.rows.release(ids, token);
      this.uncertain.shift();
    }
  }

  private async dispatch(ids: number[], token: string): Promise<void> {
    if (ids.length === 0) return;
    if (!this.queue) {
      await eachLimit(ids, this.config.workerConcurrency, (id) => this.deliverInProcess(id));
      return;
    }
    try {
      await this.queue.addAll(ids);
    } catch (error) {
      // back to pending: the next pass tries again; an add that did land is deduped by job id
      await this.release(ids, token);
      throw new QueueUnavailable(
        `queue unavailable, ${ids.length}+ notifications wait in the outbox: ${(error as Error).message}`,
      );
    }
  }

  private async deliverInProcess(id: number): Promise<void> {
    try {
      await this.delivery.deliver(id, 'relay');
    } catch (error) {
      // the database failed while recording: the row keeps its lease and is recovered after it
      this.logger.warn(`in-process delivery of notification ${id} failed: ${(error as Error).message}`);
    }
  }

  /**
   * Queued rows whose lease ran out. In-process: the sender died, deliver again. With BullMQ:
   * re-add the job if Redis no longer has it (Redis lost its data) or has only a finished one.
   */
  private async recoverStale(): Promise<void> {
    const stale = await this.rows.findStale(new Date(), RELAY_BATCH);
    if (stale.length === 0) return;
    const token = randomUUID();
    const claimed = await this.claim(stale, 'stale', token);
    if (claimed.length === 0) return;
    if (!this.queue) {
      await eachLimit(claimed, this.config.workerConcurrency, (id) => this.deliverInProcess(id));
      return;
    }
    try {
      const states = await this.queue.jobStates(claimed);
      const finished = claimed.filter((id) => ['completed', 'failed'].includes(states.get(id)!));
      const gone = claimed.filter((id) => states.get(id) === 'unknown');
      await this.queue.removeJobs(finished);
      await this.queue.addAll([...gone, ...finished]);
      if (gone.length + finished.length > 0) {
        this.logger.warn(`re-queued ${gone.length + finished.length} notification(s) whose jobs were gone`);
      }
    } catch (error) {
      await this.release(claimed, token);
      throw new QueueUnavailable(`queue unavailable while recovering stale notifications: ${(error as Error).message}`);
    }
  }

  private leaseUntil(): Date {
    return new Date(Date.now() + this.config.notifyRequeueAfterMs);
  }

  /**
   * One line per outage, not one per tick (the timer keeps kicking, so the relay resumes by itself
   * when the database or Redis is back; claims and job ids keep the resumed passes free of repeats).
   */
  private report(error: unknown): void {
    const message =
      error instanceof QueueUnavailable ? error.message : `relay pass failed: ${(error as Error).message}`;
    const unavailable = classifyUnavailable(error);
    const kind =
      error instanceof QueueUnavailable ? 'queue' : unavailable ? `${unavailable.dependency} unavailable` : message;
    if (this.lastProblem !== kind) this.logger.warn(message);
    this.lastProblem = kind;
  }
}
