import { GroupCommitter, ItemOutcome } from './group-committer';

/** A batch function that records each call and answers with the given rule. */
function recorder(answer: (items: number[]) => ItemOutcome<string>[] | Promise<ItemOutcome<string>[]>) {
  const batches: number[][] = [];
  const fn = async (items: number[]) => {
    batches.push([...items]);
    return answer(items);
  };
  return { batches, fn };
}

const aloneCalls: number[] = [];
const alone = async (n: number) => {
  aloneCalls.push(n);
  return `alone ${n}`;
};
const done = (items: number[]): ItemOutcome<string>[] => items.map((n) => ({ kind: 'done', value: `batch ${n}` }));

beforeEach(() => {
  aloneCalls.length = 0;
});

describe('GroupCommitter', () => {
  it('gathers items that arrive together under one key into one batch, in arrival order', async () => {
    const { batches, fn } = recorder(done);
    const c = new GroupCommitter<number, string>({ maxBatch: 10, maxWaitMs: 5 }, fn, alone);
    const results = await Promise.all([1, 2, 3].map((n) => c.submit('a', n)));
    expect(batches).toEqual([[1, 2, 3]]);
    expect(results).toEqual(['batch 1', 'batch 2', 'batch 3']);
  });

  it('keeps keys apart', async () => {
    const { batches, fn } = recorder(done);
    const c = new GroupCommitter<number, string>({ maxBatch: 10, maxWaitMs: 5 }, fn, alone);
    await Promise.all([c.submit('a', 1), c.submit('b', 2), c.submit('a', 3), c.submit('b', 4)]);
    expect(batches).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  it('never puts more than maxBatch items in one batch, and starts a full batch without waiting', async () => {
    const { batches, fn } = recorder(done);
    const c = new GroupCommitter<number, string>({ maxBatch: 2, maxWaitMs: 10_000 }, fn, alone);
    const started = Date.now();
    await Promise.all([1, 2, 3, 4].map((n) => c.submit('a', n)));
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('runs one batch per key at a time; what arrives meanwhile forms the next batch', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let running = 0;
    let most = 0;
    const { batches, fn } = recorder(async (items) => {
      running++;
      most = Math.max(most, running);
      if (items[0] === 1) await gate;
      running--;
      return done(items);
    });
    const c = new GroupCommitter<number, string>({ maxBatch: 10, maxWaitMs: 1 }, fn, alone);
    const first = [c.submit('a', 1), c.submit('a', 2)];
    await new Promise((r) => setTimeout(r, 20));
    const second = [c.submit('a', 3), c.submit('a', 4), c.submit('a', 5)];
    await new Promise((r) => setTimeout(r, 20));
    expect(batches).toEqual([[1, 2]]);
    release();
    await Promise.all([...first, ...second]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    expect(most).toBe(1);
  });

  it('keeps the key while items of a batch go alone: the next batch does not overtake them', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const { fn } = recorder(async (items) => {
      if (items[0] === 1) await gate;
      order.push(`batch ${items.join(',')}`);
      return items.map((n): ItemOutcome<string> =>
        n === 2 ? { kind: 'alone' } : { kind: 'done', value: `batch ${n}` },
      );
    });
    const slowAlone = async (n: number) => {
      await new Promise((r) => setTimeout(r, 20));
      order.push(`alone ${n}`);
      return `alone ${n}`;
    };
    const c = new GroupCommitter<number, string>({ maxBatch: 10, maxWaitMs: 1 }, fn, slowAlone);
    const first = [c.submit('a', 1), c.submit('a', 2)];
    await new Promise((r) => setTimeout(r, 20));
    const second = [c.submit('a', 3), c.submit('a', 4)];
    release();
    await Promise.all([...first, ...second]);
    expect(order).toEqual(['batch 1,2', 'alone 2', 'batch 3,4']);
  });

  it('sends a lone item the one-by-one way without calling the batch', async () => {
    const { batches, fn } = recorder(done);
    const c = new GroupCommitter<number, string>({ maxBatch: 10, maxWaitMs: 1 }, fn, alone);
    expect(await c.submit('a', 7)).toBe('alone 7');
    expect(batches).toEqual([]);
  });

  it('answers each item with its own outcome; undecided ones go alone after the batch', async () => {
    const { fn } = recorder((items) =>
      items.map((n): ItemOutcome<string> =>
        n === 2
          ? { kind: 'failed', error: new Error('duplicate 2') }
          : n === 3
            ? { kind: 'alone' }
            : { kind: 'done', value: `batch ${n}` },
      ),
    );
    const c = new GroupCommitter<number, string>({ maxBatch: 10, maxWaitMs: 5 }, fn, alone);
    const results = await Promise.allSettled([1, 2, 3].map((n) => c.submit('a', n)));
    expect(results[0]).toEqual({ status: 'fulfilled', value: 'batch 1' });
    expect(results[1]).toEqual({ status: 'rejected', reason: new Error('duplicate 2') });
    expect(results[2]).toEqual({ status: 'fulfilled', value: 'alone 3' });
    expect(aloneCalls).toEqual([3]);
  });

  it('sends every item alone when the batch fails as a whole: no item fails for a batch-mate', async () => {
    const { fn } = recorder(() => {
      throw new Error('unique violation in the multi-row insert');
    });
    const c = new GroupCommitter<number, string>({ maxBatch: 10, maxWaitMs: 5 }, fn, alone);
    expect(await Promise.all([1, 2, 3].map((n) => c.submit('a', n)))).toEqual(['alone 1', 'alone 2', 'alone 3']);
    expect(aloneCalls.sort()).toEqual([1, 2, 3]);
  });

  it('sends every item alone when the batch answers for the wrong number of items', async () => {
    const { fn } = recorder((items) => done(items).slice(1));
    const c = new GroupCommitter<number, string>({ maxBatch: 10, maxWaitMs: 5 }, fn, alone);
    expect(await Promise.all([1, 2].map((n) => c.submit('a', n)))).toEqual(['alone 1', 'alone 2']);
  });

  it('fails every item with an error that failAll says each would get alone (the database is down)', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const { fn } = recorder(() => {
      throw down;
    });
    const c = new GroupCommitter<number, string>(
      { maxBatch: 10, maxWaitMs: 5 },
      fn,
      alone,
      (e) => (e as { code?: string }).code === 'ECONNREFUSED',
    );
    const results = await Promise.allSettled([1, 2].map((n) => c.submit('a', n)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(aloneCalls).toEqual([]);
  });

  it('passes an alone failure to its own item only', async () => {
    const { fn } = recorder((items) => items.map(() => ({ kind: 'alone' }) as const));
    const c = new GroupCommitter<number, string>({ maxBatch: 10, maxWaitMs: 5 }, fn, async (n) => {
      if (n === 1) throw new Error('closed');
      return `alone ${n}`;
    });
    const results = await Promise.allSettled([1, 2].map((n) => c.submit('a', n)));
    expect(results).toEqual([
      { status: 'rejected', reason: new Error('closed') },
      { status: 'fulfilled', value: 'alone 2' },
    ]);
  });

  it('with maxBatch 1 goes alone at once', async () => {
    const { batches, fn } = recorder(done);
    const c = new GroupCommitter<number, string>({ maxBatch: 1, maxWaitMs: 1000 }, fn, alone);
    expect(await Promise.all([c.submit('a', 1), c.submit('a', 2)])).toEqual(['alone 1', 'alone 2']);
    expect(batches).toEqual([]);
  });
});
