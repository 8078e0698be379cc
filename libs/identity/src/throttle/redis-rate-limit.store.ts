import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimitDecision, RateLimitRule, RateLimitStore } from './rate-limit.store';

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

/** Counters shared by every API process on one Redis. Keys are prefixed `tep:throttle:`. */
export class RedisRateLimitStore implements RateLimitStore {
  static readonly PREFIX = 'tep:throttle:';

  constructor(private readonly redis: Redis) {}

  static connect(url: string): RedisRateLimitStore {
    // fail fast instead of queueing while Redis is away: the limiter then falls back to memory
    const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
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

  async take(rules: RateLimitRule[], windowMs: number): Promise<RateLimitDecision> {
    const keys = rules.map((r) => RedisRateLimitStore.PREFIX + r.key);
    const blockedMs = Number(await this.redis.eval(TAKE, keys.length, ...keys, windowMs, ...rules.map((r) => r.limit)));
    return blockedMs > 0 ? { allowed: false, retryAfterMs: blockedMs } : { allowed: true };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(RedisRateLimitStore.PREFIX + key);
  }

  async release(key: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, RedisRateLimitStore.PREFIX + key);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
