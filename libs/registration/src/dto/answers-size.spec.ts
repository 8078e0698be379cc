import { validateSync } from 'class-validator';
import { answersProblem, AnswersWithinLimits } from './answers-size';

const keys = (n: number, value: unknown = 1) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, value]));
/** `levels` objects of one key each, the innermost holding `inner`. */
const chain = (levels: number, inner: unknown): unknown => {
  let value = inner;
  for (let i = 0; i < levels; i++) value = { next: value };
  return value;
};
const TOO_MANY = 'must have at most 50 keys';
const TOO_BIG = 'must be at most 16 KB as JSON';

describe(answersProblem.name, () => {
  it('has nothing to say about values that are not objects', () => {
    for (const value of [null, undefined, 'text', 42, true]) expect(answersProblem(value)).toBeUndefined();
  });

  it('allows 50 keys and refuses 51, counting nested keys too', () => {
    expect(answersProblem({})).toBeUndefined();
    expect(answersProblem(keys(50))).toBeUndefined();
    expect(answersProblem(keys(51))).toBe(TOO_MANY);
    expect(answersProblem({ a: keys(49) })).toBeUndefined();
    expect(answersProblem({ a: keys(50) })).toBe(TOO_MANY);
  });

  it('does not count list positions, but counts the keys of objects in lists', () => {
    expect(answersProblem({ fields: Array.from({ length: 200 }, (_, i) => i) })).toBeUndefined();
    expect(answersProblem(Array.from({ length: 200 }, (_, i) => i))).toBeUndefined();
    expect(answersProblem([keys(25), keys(25)])).toBeUndefined();
    expect(answersProblem([keys(25), keys(26)])).toBe(TOO_MANY);
  });

  it('counts keys down to depth 20 and no deeper', () => {
    // depths 0..19 hold one key each (20 keys); the object at depth 20 holds the rest
    expect(answersProblem(chain(20, keys(30)))).toBeUndefined();
    expect(answersProblem(chain(20, keys(31)))).toBe(TOO_MANY);
    // depths 0..20 hold one key each (21 keys); what is at depth 21 is not counted
    expect(answersProblem(chain(21, keys(40)))).toBeUndefined();
  });

  it('allows 16 KB of UTF-8 JSON and refuses one byte more', () => {
    // {"a":"…"} is 8 bytes around the text
    expect(answersProblem({ a: 'x'.repeat(16 * 1024 - 8) })).toBeUndefined();
    expect(answersProblem({ a: 'x'.repeat(16 * 1024 - 7) })).toBe(TOO_BIG);
    // 字 is 3 bytes: 8 + 3 × 5458 = 16382, 8 + 3 × 5459 = 16385
    expect(answersProblem({ a: '字'.repeat(5458) })).toBeUndefined();
    expect(answersProblem({ a: '字'.repeat(5459) })).toBe(TOO_BIG);
  });

  it('refuses what JSON cannot hold', () => {
    expect(answersProblem({ n: BigInt(1) })).toBe('must be plain JSON');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(answersProblem(loop)).toBe('must be plain JSON');
  });
});

describe(AnswersWithinLimits.name, () => {
  class Form {
    @AnswersWithinLimits()
    answers?: unknown;
  }
  const errorsOf = (answers: unknown) => {
    const form = new Form();
    form.answers = answers;
    return validateSync(form).map((e) => e.constraints);
  };

  it('passes answers within the limits and names the limit that is broken', () => {
    expect(errorsOf({ motivation: '希望与企业对接' })).toEqual([]);
    expect(errorsOf(keys(51))).toEqual([{ answersWithinLimits: TOO_MANY }]);
    expect(errorsOf({ a: 'x'.repeat(17 * 1024) })).toEqual([{ answersWithinLimits: TOO_BIG }]);
  });
});
