import { MemoryRateLimitStore } from './rate-limit.store';

describe(MemoryRateLimitStore.name, () => {
  let now: number;
  let sut: MemoryRateLimitStore;
  beforeEach(() => {
    now = 1_000_000;
    sut = new MemoryRateLimitStore(() => now);
  });

  it('allows up to the limit, then blocks until the window ends', async () => {
    for (let i = 0; i < 3; i++) expect(await sut.take([{ key: 'k', limit: 3 }], 10_000)).toEqual({ allowed: true });
    now += 4_000;
    expect(await sut.take([{ key: 'k', limit: 3 }], 10_000)).toEqual({ allowed: false, retryAfterMs: 6_000 });
    now += 6_000;
    expect(await sut.take([{ key: 'k', limit: 3 }], 10_000)).toEqual({ allowed: true });
  });

  it('counts nothing when any rule is exhausted, and waits for the latest blocking window', async () => {
    await sut.take([{ key: 'a', limit: 1 }], 10_000);
    now += 5_000;
    await sut.take([{ key: 'b', limit: 1 }], 10_000);
    const decision = await sut.take(
      [
        { key: 'a', limit: 1 },
        { key: 'b', limit: 1 },
        { key: 'c', limit: 1 },
      ],
      10_000,
    );
    expect(decision).toEqual({ allowed: false, retryAfterMs: 10_000 });
    expect(await sut.take([{ key: 'c', limit: 1 }], 10_000)).toEqual({ allowed: true });
  });

  it('reset forgets a counter; release gives one back but never goes below zero', async () => {
    await sut.take([{ key: 'k', limit: 2 }], 10_000);
    await sut.take([{ key: 'k', limit: 2 }], 10_000);
    await sut.release('k');
    expect(await sut.take([{ key: 'k', limit: 2 }], 10_000)).toEqual({ allowed: true });
    await sut.reset('k');
    await sut.release('k');
    await sut.release('k');
    await sut.take([{ key: 'k', limit: 2 }], 10_000);
    expect(await sut.take([{ key: 'k', limit: 2 }], 10_000)).toEqual({ allowed: true });
    expect((await sut.take([{ key: 'k', limit: 2 }], 10_000)).allowed).toBe(false);
  });

  it('peek reads a counter without counting; resetPrefix forgets every counter under a prefix', async () => {
    await sut.take([{ key: 'login:pair:a:1.1.1.1', limit: 5 }], 10_000);
    await sut.take([{ key: 'login:pair:a:2.2.2.2', limit: 5 }], 10_000);
    await sut.take([{ key: 'login:pair:b:1.1.1.1', limit: 5 }], 10_000);
    expect(await sut.peek('login:pair:a:1.1.1.1')).toBe(1);
    expect(await sut.peek('login:pair:a:1.1.1.1')).toBe(1);
    expect(await sut.peek('nothing')).toBe(0);
    await sut.resetPrefix('login:pair:a:');
    expect(await sut.peek('login:pair:a:1.1.1.1')).toBe(0);
    expect(await sut.peek('login:pair:a:2.2.2.2')).toBe(0);
    expect(await sut.peek('login:pair:b:1.1.1.1')).toBe(1);
  });
});
