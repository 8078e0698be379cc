import { randomFillSync } from 'node:crypto';
import { pooledRandomBytes, RandomPool } from './random-pool';

/** The real CSPRNG, with a copy of what each fill wrote. */
function recordingFill() {
  const fills: Buffer[] = [];
  const fill = (buffer: Buffer) => {
    randomFillSync(buffer);
    fills.push(Buffer.from(buffer));
    return buffer;
  };
  return { fills, fill };
}

describe('RandomPool', () => {
  it('fills from the CSPRNG once per pool, not once per take', () => {
    const { fills, fill } = recordingFill();
    const pool = new RandomPool(64, fill);
    for (let i = 0; i < 16; i++) pool.bytes(4); // exactly one pool's worth
    expect(fills).toHaveLength(1);
    pool.bytes(1);
    expect(fills).toHaveLength(2);
  });

  it('hands every byte out once, in order, and refills before a take that does not fit', () => {
    const { fills, fill } = recordingFill();
    const pool = new RandomPool(16, fill);
    const a = pool.bytes(10);
    const b = pool.bytes(6); // the rest of the first fill
    expect(fills).toHaveLength(1);
    expect(Buffer.concat([a, b])).toEqual(fills[0]);
    const c = pool.bytes(7); // nothing left: a second fill
    expect(fills).toHaveLength(2);
    expect(c).toEqual(fills[1]!.subarray(0, 7));
    const d = pool.bytes(9); // exactly what is left: no fill
    expect(fills).toHaveLength(2);
    expect(d).toEqual(fills[1]!.subarray(7, 16));
    pool.bytes(3); // nothing left: the third fill
    expect(fills).toHaveLength(3);
    const e = pool.bytes(14); // 13 left: refills rather than mixing old bytes with new
    expect(fills).toHaveLength(4);
    expect(e).toEqual(fills[3]!.subarray(0, 14));
  });

  it('gives each caller its own bytes: a later refill does not change them', () => {
    const { fills, fill } = recordingFill();
    const pool = new RandomPool(8, fill);
    const a = pool.bytes(8);
    const kept = Buffer.from(a);
    pool.bytes(8); // refills the pool in place
    expect(fills).toHaveLength(2);
    expect(fills[1]).not.toEqual(fills[0]);
    expect(a).toEqual(kept);
  });

  it('serves a take larger than the pool straight from the CSPRNG', () => {
    const { fills, fill } = recordingFill();
    const pool = new RandomPool(8, fill);
    const big = pool.bytes(9);
    expect(fills).toHaveLength(1);
    expect(big).toEqual(fills[0]);
    expect(big).toHaveLength(9);
    expect(pool.bytes(8)).toEqual(fills.at(-1)); // the pool itself still had to be filled
    expect(fills).toHaveLength(2);
  });

  it('takes nothing for zero bytes and refuses sizes that are not whole and ≥ 0', () => {
    const { fills, fill } = recordingFill();
    const pool = new RandomPool(8, fill);
    expect(pool.bytes(0)).toHaveLength(0);
    expect(fills).toHaveLength(0);
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => pool.bytes(bad)).toThrow(new RangeError(`size must be a whole number ≥ 0, got ${bad}`));
    }
  });

  it('uses the real CSPRNG by default: distinct draws from the shared pool, and a whole pool at once', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(pooledRandomBytes(12).toString('hex'));
    expect(seen.size).toBe(2000);
    expect(new RandomPool().bytes(4096)).toHaveLength(4096);
  });
});
