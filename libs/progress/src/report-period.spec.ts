import { chinaDate, periodLabelOf, periodRange, within } from './report-period';

describe(periodRange.name, () => {
  it('covers years, halves, quarters and months', () => {
    expect(periodRange('2021')).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(periodRange('2022-H1')).toEqual({ start: '2022-01-01', end: '2022-06-30' });
    expect(periodRange('2022-H2')).toEqual({ start: '2022-07-01', end: '2022-12-31' });
    expect(periodRange('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  });

  it('rejects anything else', () => {
    for (const bad of ['21', '2022-H3', '2022-13', '2022-h1', '2022 H1', '']) expect(periodRange(bad)).toBeNull();
  });
});

describe(periodLabelOf.name, () => {
  it('names the year or half containing a date', () => {
    expect(periodLabelOf('2024-06-30', 'half_yearly')).toBe('2024-H1');
    expect(periodLabelOf('2024-07-01', 'half_yearly')).toBe('2024-H2');
    expect(periodLabelOf('2024-07-01', 'yearly')).toBe('2024');
  });
});

describe(chinaDate.name, () => {
  it('is a day ahead of UTC from 16:00 UTC', () => {
    expect(chinaDate(new Date('2024-06-30T15:59:59Z'))).toBe('2024-06-30');
    expect(chinaDate(new Date('2024-06-30T16:00:00Z'))).toBe('2024-07-01');
  });
});

describe(within.name, () => {
  it('compares inclusive ranges', () => {
    expect(within(periodRange('2022-H1')!, periodRange('2022')!)).toBe(true);
    expect(within(periodRange('2022')!, periodRange('2022-H1')!)).toBe(false);
  });
});
