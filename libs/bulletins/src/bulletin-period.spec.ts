import { bulletinPeriodProblem, cronOf, duePeriod } from './bulletin-period';

const at = (iso: string) => new Date(iso);

describe(duePeriod.name, () => {
  it('is the period just ended from 09:00 Beijing on the 1st, the one before until then', () => {
    const nine = at('2022-07-01T01:00:00Z');
    const minuteBefore = at('2022-07-01T00:59:00Z');
    expect([duePeriod('monthly', nine), duePeriod('quarterly', nine), duePeriod('half_yearly', nine)]).toEqual([
      '2022-06',
      '2022-Q2',
      '2022-H1',
    ]);
    expect([
      duePeriod('monthly', minuteBefore),
      duePeriod('quarterly', minuteBefore),
      duePeriod('half_yearly', minuteBefore),
    ]).toEqual(['2022-05', '2022-Q1', '2021-H2']);
  });

  it('keeps the period due for the rest of the following period', () => {
    expect(duePeriod('monthly', at('2022-07-31T15:59:00Z'))).toBe('2022-06');
    expect(duePeriod('monthly', at('2022-07-02T00:00:00Z'))).toBe('2022-06');
    expect(duePeriod('quarterly', at('2022-09-30T12:00:00Z'))).toBe('2022-Q2');
    expect(duePeriod('quarterly', at('2022-08-01T00:00:00Z'))).toBe('2022-Q2');
    expect(duePeriod('half_yearly', at('2022-12-31T15:00:00Z'))).toBe('2022-H1');
    expect(duePeriod('half_yearly', at('2022-09-01T00:00:00Z'))).toBe('2022-H1');
  });

  it('crosses the year at Beijing’s new year, not UTC’s', () => {
    const newYear = at('2022-01-01T01:00:00Z');
    expect([duePeriod('monthly', newYear), duePeriod('quarterly', newYear), duePeriod('half_yearly', newYear)]).toEqual(
      ['2021-12', '2021-Q4', '2021-H2'],
    );
    const eve = at('2021-12-31T17:00:00Z'); // 01:00 on 1 January in Beijing
    expect([duePeriod('monthly', eve), duePeriod('quarterly', eve), duePeriod('half_yearly', eve)]).toEqual([
      '2021-11',
      '2021-Q3',
      '2021-H1',
    ]);
  });
});

describe(cronOf.name, () => {
  it('fires on the 1st at 09:00 after each period', () => {
    expect(cronOf('monthly')).toBe('0 9 1 * *');
    expect(cronOf('quarterly')).toBe('0 9 1 1,4,7,10 *');
    expect(cronOf('half_yearly')).toBe('0 9 1 1,7 *');
  });
});

describe(bulletinPeriodProblem.name, () => {
  const program = { start: '2022-06-20', end: '2025-12-31' };
  it('accepts periods that touch the program and have begun', () => {
    for (const label of ['2022-H1', '2022-06', '2022', '2025-12', '2025-H2']) {
      expect([label, bulletinPeriodProblem(label, program, '2026-01-05')]).toEqual([label, null]);
    }
    expect(bulletinPeriodProblem('2022-07', program, '2022-07-01')).toBeNull();
  });

  it('refuses malformed labels, periods outside the program and periods not begun', () => {
    expect(bulletinPeriodProblem('2022-H3', program, '2026-01-05')).toBe('period_invalid');
    expect(bulletinPeriodProblem('2022-05', program, '2026-01-05')).toBe('period_outside_program');
    expect(bulletinPeriodProblem('2026-01', program, '2026-01-05')).toBe('period_outside_program');
    expect(bulletinPeriodProblem('2022-08', program, '2022-07-31')).toBe('period_in_future');
  });
});
