import { groupBy } from './group-by';

describe(groupBy.name, () => {
  it('keeps the first-seen order of keys and the arrival order within a group', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
    expect([...groups]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });

  it('gives an empty map for no values', () => {
    expect(groupBy([], String).size).toBe(0);
  });
});
