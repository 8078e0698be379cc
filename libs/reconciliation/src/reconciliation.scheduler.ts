import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { ReconciliationService } from './reconciliation.service';

/**
 * The embedded mode's schedule: with no REDIS_URL the API process reconciles every
 * RECONCILE_EVERY_HOURS (default 24) on an in-process timer. With Redis, the worker's BullMQ job
 * scheduler does it instead (one run across all processes), and this timer stays off.
 */
@Injectable()
export class ReconciliationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconciliationScheduler.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reconciliation: ReconciliationService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.redisUrl || this.config.reconcileEveryHours === 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.reconcileEveryHours * 3600_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.reconciliation.run('schedule');
    } catch (error) {
      this.logger.error(`reconciliation failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
