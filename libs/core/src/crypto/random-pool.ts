import { randomFillSync } from 'node:crypto';

/** Bytes drawn from the CSPRNG at a time. */
export const RANDOM_POOL_SIZE = 4096;

/**
 * Random bytes for tokens and codes, handed out from a buffer the CSPRNG refills 4 KB at a
 * time, as Node's own `randomUUID` does. A small `randomBytes(12)` costs about as much as a
 * whole 4 KB fill (a registration asked for two and they were 4 % of the API's CPU under load);
 * from the pool it is a copy.
 *
 * Invariants: every byte handed out came from `randomFillSync` and is handed out once; a caller
 * gets its own buffer, never a view of the pool.
 */
export class RandomPool {
  private readonly pool: Buffer;
  private offset: number;

  constructor(
    size = RANDOM_POOL_SIZE,
    /** the CSPRNG (a test counts its calls) */
    private readonly fill: (buffer: Buffer) => Buffer = randomFillSync,
  ) {
    this.pool = Buffer.alloc(size);
    this.offset = size; // empty: the first take fills it
  }

  /** `size` fresh random bytes. */
  bytes(size: number): Buffer {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`size must be a whole number ≥ 0, got ${size}`);
    if (size > this.pool.length) return this.fill(Buffer.alloc(size));
    if (this.offset + size > this.pool.length) {
      this.fill(this.pool);
      this.offset = 0;
    }
    const out = Buffer.from(this.pool.subarray(this.offset, this.offset + size));
    this.offset += size;
    return out;
  }
}

const shared = new RandomPool();

/** `size` fresh random bytes from the process's pool ({@link RandomPool}). */
export const pooledRandomBytes = (size: number): Buffer => shared.bytes(size);
