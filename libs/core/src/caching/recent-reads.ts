/**
 * Values read a moment ago, by key, for a hot path that re-checks what it uses under a lock
 * (or can live with a value `ttlMs` old).
 *
 * Invariants:
 * - callers that miss at the same time share one read: when a popular session opens, the first
 *   64 requests cost one SELECT, not 64 queued for the pool's connections;
 * - a read is trusted for `ttlMs` from when it started, or for `maxAgeMs` from then when a caller
 *   asks for a fresher one (a read still in flight included), never longer than `ttlMs`;
 * - a failed read is not kept: the next caller reads again;
 * - `forget` drops a key at once, so the next caller reads again (a change made in this process).
 */
export class RecentReads<K, V> {
  private readonly entries = new Map<K, { value: Promise<V>; readAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K, read: (key: K) => Promise<V>, maxAgeMs = this.ttlMs): Promise<V> {
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit && now - hit.readAt < Math.min(maxAgeMs, this.ttlMs)) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const entry = { value: read(key), readAt: now };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  forget(key: K): void {
    this.entries.delete(key);
  }
}
