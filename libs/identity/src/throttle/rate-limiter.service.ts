import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { MemoryRateLimitStore, RateLimitDecision, RateLimitRule, RateLimitStore } from './rate-limit.store';
import { RedisRateLimitStore } from './redis-rate-limit.store';

/** Where the counters live: Redis when configured (shared by all API processes), else memory. */
export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');

export const rateLimitStoreProvider = {
  provide: RATE_LIMIT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): RateLimitStore =>
    config.redisUrl ? RedisRateLimitStore.connect(config.redisUrl) : new MemoryRateLimitStore(),
};

/**
 * Fixed-window rate limits. If the shared store fails (Redis down), limits are kept per
 * process in memory rather than failing the request: logins and registrations stay
 * available and still bounded, only less tightly.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly fallback = new MemoryRateLimitStore();

  constructor(@Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore) {}

  /** Counts one event against every rule, atomically; nothing is counted when any rule is exhausted. */
  take(rules: RateLimitRule[], windowSeconds: number): Promise<RateLimitDecision> {
    return this.guarded((s) => s.take(rules, windowSeconds * 1000));
  }

  /** Clears a counter. */
  reset(key: string): Promise<void> {
    return this.guarded((s) => s.reset(key));
  }

  /** Gives back one counted event. */
  release(key: string): Promise<void> {
    return this.guarded((s) => s.release(key));
  }

  /** The current count of a counter, without counting. */
  peek(key: string): Promise<number> {
    return this.guarded((s) => s.peek(key));
  }

  /** Clears every counter whose key starts with `prefix`. */
  resetPrefix(prefix: string): Promise<void> {
    return this.guarded((s) => s.resetPrefix(prefix));
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }

  private async guarded<T>(op: (store: RateLimitStore) => Promise<T>): Promise<T> {
    try {
      return await op(this.store);
    } catch (error) {
      this.logger.warn(`rate-limit store failed, using per-process counters: ${(error as Error).message}`);
      return op(this.fallback);
    }
  }
}
