import { RecentReads } from './recent-reads';

function reader<V>(values: V[]) {
  const calls: number[] = [];
  let next = 0;
  return {
    calls,
    read: (key: number) => {
      calls.push(key);
      return Promise.resolve(values[next++]!);
    },
  };
}

describe('RecentReads', () => {
  it('shares one read among callers that miss at the same time', async () => {
    const cache = new RecentReads<number, string>(1000);
    const { calls, read } = reader(['a', 'b']);
    const got = await Promise.all([cache.get(1, read), cache.get(1, read), cache.get(1, read)]);
    expect(got).toEqual(['a', 'a', 'a']);
    expect(calls).toEqual([1]);
  });

  it('keeps keys apart', async () => {
    const cache = new RecentReads<number, string>(1000);
    const { calls, read } = reader(['a', 'b']);
    expect(await cache.get(1, read)).toBe('a');
    expect(await cache.get(2, read)).toBe('b');
    expect(calls).toEqual([1, 2]);
  });

  it('trusts a read for ttlMs from when it started, then reads again', async () => {
    let now = 5000;
    const cache = new RecentReads<number, string>(1000, 10, () => now);
    const { calls, read } = reader(['a', 'b']);
    expect(await cache.get(1, read)).toBe('a');
    now = 5999;
    expect(await cache.get(1, read)).toBe('a');
    now = 6000;
    expect(await cache.get(1, read)).toBe('b');
    expect(calls).toEqual([1, 1]);
  });

  it('reads again for a caller that wants a fresher value, and shares that read', async () => {
    let now = 5000;
    const cache = new RecentReads<number, string>(10_000, 10, () => now);
    const { calls, read } = reader(['a', 'b', 'c']);
    expect(await cache.get(1, read)).toBe('a');
    now = 5999;
    expect(await cache.get(1, read, 1000)).toBe('a');
    now = 6000;
    expect(await Promise.all([cache.get(1, read, 1000), cache.get(1, read, 1000)])).toEqual(['b', 'b']);
    // the fresher read serves everyone after it, for ttlMs from when it started
    now = 15_999;
    expect(await cache.get(1, read)).toBe('b');
    now = 16_000;
    expect(await cache.get(1, read)).toBe('c');
    expect(calls).toEqual([1, 1, 1]);
  });

  it('never trusts a read longer than ttlMs, whatever a caller allows', async () => {
    let now = 0;
    const cache = new RecentReads<number, string>(1000, 10, () => now);
    const { calls, read } = reader(['a', 'b']);
    await cache.get(1, read);
    now = 1000;
    expect(await cache.get(1, read, 60_000)).toBe('b');
    expect(calls).toEqual([1, 1]);
  });

  it('does not keep a failed read', async () => {
    const cache = new RecentReads<number, string>(1000);
    let fail = true;
    const read = jest.fn(async () => {
      if (fail) throw new Error('down');
      return 'up';
    });
    const first = cache.get(1, read);
    const second = cache.get(1, read);
    await expect(first).rejects.toThrow('down');
    await expect(second).rejects.toThrow('down');
    fail = false;
    expect(await cache.get(1, read)).toBe('up');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a failed read that was already replaced does not drop its replacement', async () => {
    const cache = new RecentReads<number, string>(1000);
    let reject!: (e: Error) => void;
    const failing = cache.get(1, () => new Promise<string>((_, r) => (reject = r)));
    cache.forget(1);
    expect(await cache.get(1, () => Promise.resolve('fresh'))).toBe('fresh');
    reject(new Error('late'));
    await expect(failing).rejects.toThrow('late');
    expect(await cache.get(1, () => Promise.resolve('unwanted'))).toBe('fresh');
  });

  it('forget makes the next caller read again', async () => {
    const cache = new RecentReads<number, string>(1000);
    const { calls, read } = reader(['a', 'b']);
    expect(await cache.get(1, read)).toBe('a');
    cache.forget(1);
    expect(await cache.get(1, read)).toBe('b');
    expect(calls).toEqual([1, 1]);
  });

  it('starts over when full, so it never holds more than maxEntries', async () => {
    const cache = new RecentReads<number, string>(1000, 2);
    const { calls, read } = reader(['a', 'b', 'c', 'd']);
    await cache.get(1, read);
    await cache.get(2, read);
    expect(await cache.get(1, read)).toBe('a');
    await cache.get(3, read); // full: forgets 1 and 2
    expect(await cache.get(2, read)).toBe('d');
    expect(calls).toEqual([1, 2, 3, 2]);
  });
});
