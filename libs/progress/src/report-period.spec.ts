import {
  chinaDate,
  nextPeriod,
  periodLabelOf,
  periodRange,
  periodsOf,
  reportPeriodProblem,
  within,
} from './report-period';

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
    expect(periodLabelOf('2024-01-01', 'half_yearly')).toBe('2024-H1');
    expect(periodLabelOf('2024-12-31', 'half_yearly')).toBe('2024-H2');
    expect(periodLabelOf('2025-12-31', 'yearly')).toBe('2025');
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

describe(periodsOf.name, () => {
  const plan2022 = { start: '2022-06-20', end: '2025-12-31' };
  it('lists every year and half the program touches, the first partial one included', () => {
    expect(periodsOf(plan2022, 'yearly')).toEqual(['2022', '2023', '2024', '2025']);
    expect(periodsOf(plan2022, 'half_yearly')).toEqual([
      '2022-H1',
      '2022-H2',
      '2023-H1',
      '2023-H2',
      '2024-H1',
      '2024-H2',
      '2025-H1',
      '2025-H2',
    ]);
  });

  it('includes a last period that starts on the program’s last day and not one that starts after it', () => {
    expect(periodsOf({ start: '2021-01-01', end: '2021-07-01' }, 'half_yearly')).toEqual(['2021-H1', '2021-H2']);
    expect(periodsOf({ start: '2021-01-01', end: '2021-06-30' }, 'half_yearly')).toEqual(['2021-H1']);
    expect(periodsOf({ start: '2021-12-31', end: '2022-01-01' }, 'yearly')).toEqual(['2021', '2022']);
    expect(periodsOf({ start: '2021-03-01', end: '2021-03-31' }, 'yearly')).toEqual(['2021']);
  });
});

describe(nextPeriod.name, () => {
  it('steps a year or a half', () => {
    expect(nextPeriod('2024', 'yearly')).toBe('2025');
    expect(nextPeriod('2024-H1', 'half_yearly')).toBe('2024-H2');
    expect(nextPeriod('2024-H2', 'half_yearly')).toBe('2025-H1');
  });
});

describe(reportPeriodProblem.name, () => {
  const start = '2022-06-20';
  const now = new Date('2026-11-30T00:00:00Z');

  it('accepts periods that end on or after the program start and have begun', () => {
    for (const label of ['2022', '2022-H1', '2022-06', '2022-Q2', '2025', '2026', '2026-H2', '2026-11', '2026-Q4']) {
      expect([label, reportPeriodProblem(label, start, now)]).toEqual([label, null]);
    }
    expect(reportPeriodProblem('2022-H1', '2022-06-30', now)).toBeNull();
  });

  it('refuses periods that end before the program starts', () => {
    for (const label of ['2019', '2021', '2021-H2', '2022-Q1', '2022-05']) {
      expect([label, reportPeriodProblem(label, start, now)]).toEqual([label, 'period_before_program']);
    }
    expect(reportPeriodProblem('2022-H1', '2022-07-01', now)).toBe('period_before_program');
  });

  it('refuses periods that have not begun in China time', () => {
    for (const label of ['2031', '2027', '2026-12', '2027-H1', '2027-Q1']) {
      expect([label, reportPeriodProblem(label, start, now)]).toEqual([label, 'period_in_future']);
    }
    expect(reportPeriodProblem('2026-12', start, new Date('2026-11-30T15:59:59Z'))).toBe('period_in_future');
    expect(reportPeriodProblem('2026-12', start, new Date('2026-11-30T16:00:00Z'))).toBeNull();
  });

  it('leaves malformed labels to the validator', () => {
    expect(reportPeriodProblem('2022-H3', start, now)).toBeNull();
  });
});

describe('periodRange, every quarter and the whole label', () => {
  it('starts and ends each quarter on the calendar’s days', () => {
    expect(periodRange('2023-Q2')).toEqual({ start: '2023-04-01', end: '2023-06-30' });
    expect(periodRange('2023-Q3')).toEqual({ start: '2023-07-01', end: '2023-09-30' });
    expect(periodRange('2023-Q4')).toEqual({ start: '2023-10-01', end: '2023-12-31' });
  });

  it('refuses a label with anything before the year', () => {
    expect(periodRange('FY2021')).toBeNull();
    expect(periodRange('12021-H1')).toBeNull();
  });
});
