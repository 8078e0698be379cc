import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { BulletinsService } from './bulletins.service';
import { bulletinTickMs } from './bulletin.worker';

/**
 * The embedded mode's schedule (no Redis): an in-process timer that issues whatever bulletins
 * are due. With REDIS_URL the worker's BullMQ job scheduler does it instead. Off under
 * NODE_ENV=test unless BULLETIN_TIMER=on, so test apps with a moved clock issue nothing by surprise.
 */
@Injectable()
export class BulletinTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BulletinTimer.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bulletins: BulletinsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.redisUrl) return;
    const wanted = process.env.BULLETIN_TIMER ?? (process.env.NODE_ENV === 'test' ? 'off' : 'on');
    if (wanted !== 'on') return;
    this.timer = setInterval(() => void this.tick(), bulletinTickMs());
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      return await this.bulletins.issueDue();
    } catch (error) {
      this.logger.error(`bulletin pass failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
