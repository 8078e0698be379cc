import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { MemoryRateLimitStore, RateLimitDecision, RateLimitRule, RateLimitStore } from './rate-limit.store';

// Check every key, then increment every key, in one script so that concurrent requests on
// any number of API processes cannot slip past the limit between the check and the write.
// A key without a TTL (should never happen) gets one rather than blocking forever.
const TAKE = `
local blocked = 0
for i, key in ipairs(KEYS) do
  local n = tonumber(redis.call('GET', key) or '0')
  if n >= tonumber(ARGV[i + 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then redis.call('PEXPIRE', key, ARGV[1]); ttl = tonumber(ARGV[1]) end
    if ttl > blocked then blocked = ttl end
  end
end
if blocked > 0 then return blocked end
for _, key in ipairs(KEYS) do
  redis.call('INCR', key)
  if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 0
`;

const RELEASE = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return 0
`;

/**
 * Counters shared by every API process on one Redis. Keys are prefixed `tep:throttle:`.
 *
 * While Redis is away the counters fall back to this process's memory (the per-process limits
 * of the embedded mode): requests are still limited, only per process, and never wait for or
 * fail on Redis. A command is not even tried while the connection is down, one that fails or
 * takes longer than 5 s falls back too, and the switch is logged once each way.
 */
export class RedisRateLimitStore implements RateLimitStore {
  static readonly PREFIX = 'tep:throttle:';
  private readonly logger = new Logger(RedisRateLimitStore.name);
  private readonly local: RateLimitStore;
  private degraded = false;

  private readonly scripts: Redis & {
    throttleTake(n: number, ...keysAndArgs: (string | number)[]): Promise<number>;
    throttleRelease(key: string): Promise<number>;
  };

  constructor(
    private readonly redis: Redis,
    fallback: RateLimitStore = new MemoryRateLimitStore(),
  ) {
    this.local = fallback;
    // sent by SHA (EVALSHA), not as text on every request; ioredis loads them when Redis lacks them
    redis.defineCommand('throttleTake', { lua: TAKE });
    redis.defineCommand('throttleRelease', { lua: RELEASE, numberOfKeys: 1 });
    this.scripts = redis as RedisRateLimitStore['scripts'];
  }

  static connect(url: string): RedisRateLimitStore {
    // fail fast instead of queueing while Redis is away: the store then counts in memory
    const redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      // a Redis that hangs (not refusing) must not hold requests long; generous so a busy event loop is no timeout
      commandTimeout: 5000,
      enableOfflineQueue: false,
      retryStrategy: (times) => Math.min(200 * times, 2000),
      // commands issued in the same tick (a burst of registrations) go out in one write
      enableAutoPipelining: true,
    });
    const logger = new Logger(RedisRateLimitStore.name);
    let last = '';
    // without a listener ioredis reports every reconnect failure as an unhandled error event
    redis.on('error', (error: Error) => {
      if (error.message !== last) logger.warn(`Redis: ${error.message}`);
      last = error.message;
    });
    redis.on('ready', () => (last = ''));
    return new RedisRateLimitStore(redis);
  }

  take(rules: RateLimitRule[], windowMs: number): Promise<RateLimitDecision> {
    return this.shared(
      async () => {
        const keys = rules.map((r) => RedisRateLimitStore.PREFIX + r.key);
        const blockedMs = Number(
          await this.scripts.throttleTake(keys.length, ...keys, windowMs, ...rules.map((r) => r.limit)),
        );
        return blockedMs > 0 ? { allowed: false, retryAfterMs: blockedMs } : { allowed: true };
      },
      () => this.local.take(rules, windowMs),
    );
  }

  reset(key: string): Promise<void> {
    return this.shared(
      async () => void (await this.redis.del(RedisRateLimitStore.PREFIX + key)),
      () => this.local.reset(key),
    );
  }

  release(key: string): Promise<void> {
    return this.shared(
      async () => void (await this.scripts.throttleRelease(RedisRateLimitStore.PREFIX + key)),
      () => this.local.release(key),
    );
  }

  async peek(key: string): Promise<number> {
    return Number((await this.redis.get(RedisRateLimitStore.PREFIX + key)) ?? 0);
  }

  async resetPrefix(prefix: string): Promise<void> {
    // SCAN, not KEYS: it does not block Redis; counters are few, so the loop is short
    const match = `${RedisRateLimitStore.PREFIX}${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', match, 'COUNT', 500);
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    await this.local.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Redis when it is connected and answers, else this process's counters. */
  private async shared<T>(onRedis: () => Promise<T>, onLocal: () => Promise<T>): Promise<T> {
    if (this.redis.status !== 'ready') return this.fallBack(`Redis is ${this.redis.status}`, onLocal);
    try {
      const result = await onRedis();
      if (this.degraded) this.logger.log('Redis is back: rate limits are shared again');
      this.degraded = false;
      return result;
    } catch (error) {
      return this.fallBack((error as Error).message, onLocal);
    }
  }

  private fallBack<T>(why: string, onLocal: () => Promise<T>): Promise<T> {
    if (!this.degraded) this.logger.warn(`rate limits fall back to per-process counters: ${why}`);
    this.degraded = true;
    return onLocal();
  }
}
