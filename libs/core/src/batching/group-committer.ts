/** What a batch says about each of its items, in the order they were given. */
export type ItemOutcome<R> =
  | { kind: 'done'; value: R }
  | { kind: 'failed'; error: unknown }
  /** not decided in the batch (e.g. a twin of an earlier item): goes the one-by-one way after it */
  | { kind: 'alone' };

export interface GroupCommitOptions {
  /** most items one batch takes */
  maxBatch: number;
  /** how long the first item of an idle key waits for company */
  maxWaitMs: number;
}

interface Waiting<T, R> {
  item: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

interface Lane<T, R> {
  waiting: Waiting<T, R>[];
  running: boolean;
  timer?: NodeJS.Timeout;
}

/**
 * Group commit: items submitted under one key within a few milliseconds are handed to `batch`
 * together, at most `maxBatch` at a time and in arrival order; one batch per key runs at a time,
 * and what arrives meanwhile forms the next one, so batches grow with the load by themselves.
 *
 * Invariants:
 * - every submitted item settles exactly once, with its own outcome;
 * - when `batch` throws as a whole, no item is failed by a batch-mate: each goes through `alone`
 *   (the one-by-one path), unless `failAll` says the error is one every item would get anyway;
 * - items a batch leaves undecided (`alone`) go the one-by-one way after the batch has settled.
 */
export class GroupCommitter<T, R> {
  private readonly lanes = new Map<string, Lane<T, R>>();

  constructor(
    private readonly options: GroupCommitOptions,
    private readonly batch: (items: T[]) => Promise<ItemOutcome<R>[]>,
    private readonly alone: (item: T) => Promise<R>,
    private readonly failAll: (error: unknown) => boolean = () => false,
  ) {}

  submit(key: string, item: T): Promise<R> {
    if (this.options.maxBatch <= 1) return this.alone(item);
    return new Promise<R>((resolve, reject) => {
      const lane = this.lane(key);
      lane.waiting.push({ item, resolve, reject });
      this.schedule(key, lane);
    });
  }

  private lane(key: string): Lane<T, R> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { waiting: [], running: false };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private schedule(key: string, lane: Lane<T, R>): void {
    if (lane.running) return; // the running batch picks the rest up when it ends
    if (lane.waiting.length >= this.options.maxBatch) {
      this.start(key, lane);
      return;
    }
    lane.timer ??= setTimeout(() => this.start(key, lane), this.options.maxWaitMs);
  }

  private start(key: string, lane: Lane<T, R>): void {
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = undefined;
    if (lane.running) return;
    const taken = lane.waiting.splice(0, this.options.maxBatch);
    if (taken.length === 0) {
      this.lanes.delete(key);
      return;
    }
    lane.running = true;
    void this.run(taken).finally(() => {
      lane.running = false;
      // whoever arrived during the batch has waited long enough: go at once
      if (lane.waiting.length > 0) this.start(key, lane);
      else this.lanes.delete(key);
    });
  }

  private async run(taken: Waiting<T, R>[]): Promise<void> {
    let outcomes: ItemOutcome<R>[];
    try {
      outcomes = taken.length === 1 ? [{ kind: 'alone' }] : await this.batch(taken.map((w) => w.item));
      if (outcomes.length !== taken.length) throw new Error('a batch must answer for each of its items');
    } catch (error) {
      if (this.failAll(error)) {
        for (const w of taken) w.reject(error);
        return;
      }
      outcomes = taken.map(() => ({ kind: 'alone' }));
    }
    const later: Waiting<T, R>[] = [];
    outcomes.forEach((outcome, i) => {
      const w = taken[i]!;
      if (outcome.kind === 'done') w.resolve(outcome.value);
      else if (outcome.kind === 'failed') w.reject(outcome.error);
      else later.push(w);
    });
    await Promise.all(
      later.map((w) =>
        // a promise whatever `alone` returns or throws
        Promise.resolve()
          .then(() => this.alone(w.item))
          .then(
            (value) => w.resolve(value),
            (error: unknown) => w.reject(error),
          ),
      ),
    );
  }
}
