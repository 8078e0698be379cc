/** One counter and the most it may reach within the window. */
export interface RateLimitRule {
  key: string;
  limit: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Fixed-window counters. `take` is atomic over all its keys: either every counter is
 * below its limit and each is incremented, or none is touched and the caller waits
 * until the latest blocking window ends.
 */
export interface RateLimitStore {
  take(rules: RateLimitRule[], windowMs: number): Promise<RateLimitDecision>;
  /** forgets a counter (a successful login clears the account's failures) */
  reset(key: string): Promise<void>;
  /** gives one back, never below zero (a reserved attempt that turned out fine) */
  release(key: string): Promise<void>;
  /** the current count of a counter (0 when absent or expired); counts nothing */
  peek(key: string): Promise<number>;
  /** forgets every counter whose key starts with `prefix` (an administrator's unlock) */
  resetPrefix(prefix: string): Promise<void>;
  close(): Promise<void>;
}

/** Counters of one process: the embedded default, and the fallback when Redis fails. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async take(rules: RateLimitRule[], windowMs: number): Promise<RateLimitDecision> {
    const now = this.now();
    if (this.counters.size > 10_000) this.sweep(now);
    let retryAfterMs = 0;
    for (const { key, limit } of rules) {
      const c = this.live(key, now);
      if (c && c.count >= limit) retryAfterMs = Math.max(retryAfterMs, c.expiresAt - now);
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
    for (const { key } of rules) {
      const c = this.live(key, now);
      if (c) c.count++;
      else this.counters.set(key, { count: 1, expiresAt: now + windowMs });
    }
    return { allowed: true };
  }

  async reset(key: string): Promise<void> {
    this.counters.delete(key);
  }

  async release(key: string): Promise<void> {
    const c = this.live(key, this.now());
    if (c && c.count > 0) c.count--;
  }

  async peek(key: string): Promise<number> {
    return this.live(key, this.now())?.count ?? 0;
  }

  async resetPrefix(prefix: string): Promise<void> {
    for (const key of [...this.counters.keys()]) if (key.startsWith(prefix)) this.counters.delete(key);
  }

  async close(): Promise<void> {
    this.counters.clear();
  }

  private live(key: string, now: number) {
    const c = this.counters.get(key);
    if (c && c.expiresAt <= now) {
      this.counters.delete(key);
      return undefined;
    }
    return c;
  }

  private sweep(now: number): void {
    for (const [key, c] of this.counters) if (c.expiresAt <= now) this.counters.delete(key);
  }
}
