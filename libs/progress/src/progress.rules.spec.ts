import {
  actualOf,
  Aggregates,
  clip,
  elapsedFraction,
  periodsProgress,
  ratioOf,
  ReportRow,
  reportedIn,
  statusOf,
  TargetFacts,
  targetWindow,
} from './progress.rules';

const target = (over: Partial<TargetFacts> = {}): TargetFacts => ({
  id: 1,
  target: 30,
  comparator: 'at_least',
  unit: '项',
  period: 'once',
  dueOn: null,
  source: 'outcomes',
  measure: 'flow',
  scope: { outcomeType: 'cooperation_intent' },
  ...over,
});
const empty: Aggregates = { quotas: [], attendance: [], held: [], outcomes: [], reports: [] };
const march = { start: '2021-03-01', end: '2021-03-31' };
const year2021 = { start: '2021-01-01', end: '2021-12-31' };
const at = (iso: string) => new Date(iso);

describe(actualOf.name, () => {
  it('sums confirmed seats of the scope’s category by default, other statuses when asked', () => {
    const agg: Aggregates = {
      ...empty,
      quotas: [
        { activityId: 7, category: 'enterprise', confirmed: 150, pending: 5, waitlisted: 9 },
        { activityId: 7, category: 'enterprise', confirmed: 50, pending: 0, waitlisted: 0 },
        { activityId: 7, category: 'phd', confirmed: 100, pending: 0, waitlisted: 0 },
        { activityId: 8, category: 'enterprise', confirmed: 999, pending: 0, waitlisted: 0 },
      ],
    };
    const t = target({ source: 'registrations', scope: { category: 'enterprise' } });
    expect(actualOf(t, [7], agg, march)).toBe(200);
    expect(
      actualOf({ ...t, scope: { category: 'enterprise', statuses: ['confirmed', 'waitlisted'] } }, [7], agg, march),
    ).toBe(209);
  });

  it('filters attendance by category and participant level', () => {
    const agg: Aggregates = {
      ...empty,
      attendance: [
        { activityId: 1, category: 'skilled_talent', level: 'national', checkedIn: 20 },
        { activityId: 1, category: 'skilled_talent', level: 'provincial', checkedIn: 25 },
        { activityId: 1, category: 'skilled_talent', level: 'county', checkedIn: 200 },
        { activityId: 1, category: 'phd', level: '', checkedIn: 7 },
        { activityId: 1, category: 'enterprise', level: '', checkedIn: 40 },
        { activityId: 2, category: 'phd', level: '', checkedIn: 1000 },
      ],
    };
    const scope = { category: 'skilled_talent', participantLevels: ['national', 'provincial'] };
    expect(actualOf(target({ source: 'attendance', scope }), [1], agg, march)).toBe(45);
    // 20 + 25 + 200 + 7 + 40 at activity 1; the 1000 at activity 2 are another activity's
    expect(actualOf(target({ source: 'attendance', scope: {} }), [1], agg, march)).toBe(292);
    expect(actualOf(target({ source: 'attendance', scope: {} }), [1, 2], agg, march)).toBe(1292);
    expect(actualOf(target({ source: 'attendance', scope: { category: 'phd' } }), [1], agg, march)).toBe(7);
  });

  it('counts held sessions of the scope’s levels and outcomes that are not cancelled', () => {
    const agg: Aggregates = {
      ...empty,
      held: [
        { activityId: 1, level: 'county', held: 12 },
        { activityId: 1, level: 'city', held: 3 },
      ],
      outcomes: [
        { activityId: 1, type: 'cooperation_intent', agreementType: '', status: 'intent', count: 25 },
        { activityId: 1, type: 'cooperation_intent', agreementType: '', status: 'signed', count: 6 },
        { activityId: 1, type: 'cooperation_intent', agreementType: '', status: 'cancelled', count: 4 },
        { activityId: 1, type: 'award', agreementType: '', status: 'signed', count: 2 },
      ],
    };
    expect(actualOf(target({ source: 'sessions_held', scope: { sessionLevels: ['county'] } }), [1], agg, march)).toBe(
      12,
    );
    expect(actualOf(target({ source: 'sessions_held', scope: {} }), [1], agg, march)).toBe(15);
    expect(actualOf(target(), [1], agg, march)).toBe(31);
  });

  it('sums a flow’s reports, only the current period’s for periodic targets, the latest per unit for a stock', () => {
    const r = (periodLabel: string, value: number, unitId = 1, at = '2024-01-01T00:00:00Z') => ({
      targetId: 1,
      unitId,
      periodLabel,
      value,
      at: new Date(at),
    });
    const agg: Aggregates = {
      ...empty,
      reports: [r('2024-H1', 1), r('2024-H2', 2), r('2024', 5), r('2023-H2', 9), { ...r('2024', 100), targetId: 2 }],
    };
    const reported = target({ source: 'reported', scope: {} });
    expect(actualOf(reported, [], agg, year2021)).toBe(17);
    const half = { ...reported, period: 'half_yearly' };
    expect(actualOf(half, [], agg, { start: '2024-07-01', end: '2024-12-31' })).toBe(2);
    const yearly = { ...reported, period: 'yearly' };
    expect(actualOf(yearly, [], agg, { start: '2024-01-01', end: '2024-12-31' })).toBe(8);
    const ratio = { ...reported, unit: '倍', period: 'by_date', measure: 'stock' };
    const ratios: Aggregates = { ...empty, reports: [r('2024', 1.6), r('2023', 1.3), r('2024-Q1', 1.1)] };
    expect(actualOf(ratio, [], ratios, year2021)).toBe(1.6);
  });
});

describe(targetWindow.name, () => {
  const program = { start: '2022-06-20', end: '2025-12-31' };
  it('uses the activity window for once, the due date for by_date', () => {
    expect(targetWindow(target(), march, year2021, at('2025-01-01'))).toEqual(march);
    expect(
      targetWindow(target({ period: 'by_date', dueOn: '2025-12-31' }), program, program, at('2023-01-01')),
    ).toEqual(program);
  });

  it('uses the current half or year in China time, clipped to the program', () => {
    const half = target({ period: 'half_yearly' });
    expect(targetWindow(half, program, program, at('2024-06-30T16:30:00Z'))).toEqual({
      start: '2024-07-01',
      end: '2024-12-31',
    });
    expect(targetWindow(half, program, program, at('2022-06-25T00:00:00Z'))).toEqual({
      start: '2022-06-20',
      end: '2022-06-30',
    });
    expect(targetWindow(target({ period: 'yearly' }), program, program, at('2030-01-01'))).toEqual({
      start: '2025-01-01',
      end: '2025-12-31',
    });
  });
});

describe(statusOf.name, () => {
  it('is met when the comparator is satisfied, whatever the time', () => {
    expect(statusOf(target(), 31, march, at('2021-01-01'))).toBe('met');
    expect(statusOf(target({ comparator: 'exactly', target: 200 }), 200, march, at('2026-01-01'))).toBe('met');
  });

  it('is not started before the window with nothing done, on track or behind inside it', () => {
    expect(statusOf(target(), 0, march, at('2021-02-01T00:00:00Z'))).toBe('not_started');
    expect(statusOf(target(), 3, march, at('2021-02-01T00:00:00Z'))).toBe('on_track');
    // half of March has passed in China time: 15 of 30 is on track, 14 is behind
    const mid = at('2021-03-16T04:00:00Z');
    expect(elapsedFraction(march, mid)).toBeCloseTo(0.5, 2);
    expect(statusOf(target(), 16, march, mid)).toBe('on_track');
    expect(statusOf(target(), 14, march, mid)).toBe('behind');
    expect(statusOf(target(), 29, march, at('2021-04-01T00:00:00Z'))).toBe('behind');
  });

  it('judges at_most limits at the end of the window', () => {
    const limit = target({ comparator: 'at_most', target: 5 });
    expect(statusOf(limit, 6, march, at('2021-03-10'))).toBe('behind');
    expect(statusOf(limit, 4, march, at('2021-03-10'))).toBe('on_track');
    expect(statusOf(limit, 4, march, at('2021-04-02'))).toBe('met');
  });
});

describe(ratioOf.name, () => {
  it('rounds to four places and treats a zero target as done', () => {
    expect(ratioOf(31, 30)).toBe(1.0333);
    expect(ratioOf(0, 0)).toBe(0);
    expect(ratioOf(2, 0)).toBe(1);
  });
});

const report = (
  targetId: number,
  unitId: number,
  periodLabel: string,
  value: number,
  at = '2025-01-01T00:00:00Z',
): ReportRow => ({
  targetId,
  unitId,
  periodLabel,
  value,
  at: new Date(at),
});

describe(reportedIn.name, () => {
  const flow = target({ id: 1, source: 'reported', scope: {} });
  const stock = { ...flow, measure: 'stock' };
  const reports = [
    report(1, 10, '2024', 950_000),
    report(1, 10, '2025', 1_020_000),
    report(1, 11, '2023', 7),
    report(2, 10, '2025', 555),
  ];

  it('sums every report of a flow, over units and periods, of its own target only', () => {
    expect(reportedIn(flow, reports, null)).toBe(1_970_007);
    expect(reportedIn({ ...flow, id: 2 }, reports, null)).toBe(555);
    expect(reportedIn({ ...flow, id: 3 }, reports, null)).toBe(0);
  });

  it('takes each unit’s latest period of a stock and sums over units', () => {
    expect(reportedIn(stock, reports, null)).toBe(1_020_007);
    expect(reportedIn(stock, [...reports].reverse(), null)).toBe(1_020_007);
    expect(reportedIn({ ...stock, id: 3 }, reports, null)).toBe(0);
  });

  it('of two stock reports ending together takes the one filed last, whatever their order', () => {
    const early = report(1, 10, '2024', 5, '2025-01-01T00:00:00Z');
    const late = report(1, 10, '2024-H2', 6, '2025-01-01T00:00:00.001Z');
    expect(reportedIn(stock, [early, late], null)).toBe(6);
    expect(reportedIn(stock, [late, early], null)).toBe(6);
    const q4 = report(1, 10, '2024-Q4', 4, '2024-06-01T00:00:00Z');
    expect(reportedIn(stock, [q4, early], null)).toBe(5);
    expect(reportedIn(stock, [early, q4], null)).toBe(5);
  });

  it('keeps a stock’s later period over an earlier one filed after it', () => {
    const later = report(1, 10, '2025', 9, '2025-01-01T00:00:00Z');
    const correctedEarlier = report(1, 10, '2024', 3, '2026-01-01T00:00:00Z');
    expect(reportedIn(stock, [later, correctedEarlier], null)).toBe(9);
    expect(reportedIn(stock, [correctedEarlier, later], null)).toBe(9);
  });

  it('counts only reports whose period lies inside the range, edges included', () => {
    const year2024 = { start: '2024-01-01', end: '2024-12-31' };
    const rows = [
      report(1, 10, '2024-01', 1),
      report(1, 10, '2024-12', 2),
      report(1, 10, '2023-12', 4),
      report(1, 10, '2025-01', 8),
      report(1, 10, '2024', 16, '2025-02-01T00:00:00Z'),
    ];
    expect(reportedIn(flow, rows, year2024)).toBe(19);
    expect(reportedIn(flow, rows, { start: '2024-01-01', end: '2024-06-30' })).toBe(1);
    expect(reportedIn(stock, rows, { start: '2024-01-01', end: '2024-06-30' })).toBe(1);
    expect(reportedIn(stock, rows, year2024)).toBe(16);
  });
});

describe(clip.name, () => {
  it('keeps the part of a range inside another', () => {
    const outer = { start: '2022-06-20', end: '2025-12-31' };
    expect(clip({ start: '2022-01-01', end: '2022-12-31' }, outer)).toEqual({ start: '2022-06-20', end: '2022-12-31' });
    expect(clip({ start: '2025-01-01', end: '2026-12-31' }, outer)).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(clip({ start: '2023-01-01', end: '2023-12-31' }, outer)).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(clip(outer, outer)).toEqual(outer);
  });
});

describe(periodsProgress.name, () => {
  const program = { start: '2022-06-20', end: '2025-12-31' };
  const teams = target({ id: 5, source: 'reported', period: 'yearly', target: 10, scope: {} });
  const rows = [report(5, 1, '2023', 8), report(5, 1, '2024', 12), report(6, 1, '2022', 99)];

  it('is null for targets that are not periodic', () => {
    expect(periodsProgress({ ...teams, period: 'once' }, program, rows, at('2024-03-01'))).toBeNull();
    expect(periodsProgress({ ...teams, period: 'by_date' }, program, rows, at('2024-03-01'))).toBeNull();
  });

  it('judges every year of the program on its own reports', () => {
    expect(periodsProgress(teams, program, rows, at('2026-11-30T00:00:00Z'))).toEqual([
      { label: '2022', start: '2022-06-20', end: '2022-12-31', actual: 0, ratio: 0, status: 'behind' },
      { label: '2023', start: '2023-01-01', end: '2023-12-31', actual: 8, ratio: 0.8, status: 'behind' },
      { label: '2024', start: '2024-01-01', end: '2024-12-31', actual: 12, ratio: 1.2, status: 'met' },
      { label: '2025', start: '2025-01-01', end: '2025-12-31', actual: 0, ratio: 0, status: 'behind' },
    ]);
  });

  it('paces the current period and leaves later ones not started', () => {
    const mid2024 = at('2024-07-02T04:00:00Z');
    const periods = periodsProgress({ ...teams, target: 20 }, program, rows, mid2024)!;
    expect(periods.map((p) => [p.label, p.status])).toEqual([
      ['2022', 'behind'],
      ['2023', 'behind'],
      ['2024', 'on_track'],
      ['2025', 'not_started'],
    ]);
    expect(periodsProgress({ ...teams, target: 30 }, program, rows, mid2024)![2]!.status).toBe('behind');
  });

  it('judges halves, the first clipped to the program', () => {
    const meetings = target({ id: 7, source: 'reported', period: 'half_yearly', target: 1, scope: {} });
    const periods = periodsProgress(
      meetings,
      program,
      [report(7, 3, '2022-H2', 1), report(7, 3, '2023-05', 1)],
      at('2023-03-01'),
    )!;
    expect(periods).toHaveLength(8);
    expect(periods[0]).toEqual({
      label: '2022-H1',
      start: '2022-06-20',
      end: '2022-06-30',
      actual: 0,
      ratio: 0,
      status: 'behind',
    });
    expect(periods[1]).toMatchObject({ label: '2022-H2', actual: 1, status: 'met' });
    expect(periods[2]).toMatchObject({ label: '2023-H1', actual: 1, status: 'met' });
    expect(periods[3]).toMatchObject({ label: '2023-H2', actual: 0, status: 'not_started' });
  });

  it('counts nothing per period for a target the system tallies', () => {
    const tallied = { ...teams, source: 'outcomes' };
    expect(periodsProgress(tallied, program, rows, at('2026-01-01'))!.map((p) => p.actual)).toEqual([0, 0, 0, 0]);
  });

  it('agrees with the target’s own actual for the current period', () => {
    const now = at('2024-03-01T00:00:00Z');
    const window = targetWindow(teams, program, program, now);
    const agg: Aggregates = { ...empty, reports: rows };
    const current = periodsProgress(teams, program, rows, now)!.find((p) => p.start === window.start)!;
    expect(current).toMatchObject({ label: '2024', actual: actualOf(teams, [], agg, window) });
  });
});

describe('boundaries of statusOf and elapsedFraction', () => {
  it('is met exactly at the target and not one below', () => {
    expect(statusOf(target(), 30, march, at('2021-03-31T00:00:00Z'))).toBe('met');
    expect(statusOf(target(), 29, march, at('2021-03-02T00:00:00Z'))).toBe('on_track');
    expect(statusOf(target(), 29.99, march, at('2021-04-02T00:00:00Z'))).toBe('behind');
  });

  it('is on track when the ratio equals the share of the window passed', () => {
    const tenDays = { start: '2021-03-01', end: '2021-03-10' };
    const half = at('2021-03-05T16:00:00Z'); // five of ten China days
    expect(elapsedFraction(tenDays, half)).toBe(0.5);
    expect(statusOf(target({ target: 10 }), 5, tenDays, half)).toBe('on_track');
    expect(statusOf(target({ target: 10 }), 4.9, tenDays, half)).toBe('behind');
  });

  it('is 0 until the window’s first China midnight, 1 from the midnight after its last day', () => {
    expect(elapsedFraction(march, at('2021-02-28T15:59:59Z'))).toBe(0);
    expect(elapsedFraction(march, at('2021-02-28T16:00:00Z'))).toBe(0);
    expect(elapsedFraction(march, at('2021-02-28T16:00:01Z'))).toBeGreaterThan(0);
    expect(elapsedFraction(march, at('2021-03-31T15:59:59Z'))).toBeLessThan(1);
    expect(elapsedFraction(march, at('2021-03-31T16:00:00Z'))).toBe(1);
    expect(elapsedFraction({ start: '2021-03-02', end: '2021-03-01' }, at('2020-01-01'))).toBe(1);
  });

  it('counts something done before the window as on track, nothing as not started', () => {
    expect(statusOf(target(), 1, march, at('2021-01-01'))).toBe('on_track');
    expect(statusOf(target(), 0, march, at('2021-01-01'))).toBe('not_started');
    expect(statusOf(target(), 0, march, at('2021-03-02T00:00:00Z'))).toBe('behind');
  });

  it('keeps at_most on track at the limit and behind one above', () => {
    const limit = target({ comparator: 'at_most', target: 5 });
    expect(statusOf(limit, 5, march, at('2021-03-10'))).toBe('on_track');
    expect(statusOf(limit, 5.5, march, at('2021-03-10'))).toBe('behind');
    expect(statusOf(limit, 0, march, at('2021-01-10'))).toBe('not_started');
    expect(statusOf(limit, 1, march, at('2021-01-10'))).toBe('on_track');
    expect(statusOf(limit, 5, march, at('2021-04-01T00:00:00Z'))).toBe('met');
  });
});

describe('targetWindow before the program starts', () => {
  it('judges a periodic target on its first period, clipped', () => {
    const program = { start: '2022-06-20', end: '2025-12-31' };
    expect(targetWindow(target({ period: 'yearly' }), program, program, at('2021-01-01'))).toEqual({
      start: '2022-06-20',
      end: '2022-12-31',
    });
    expect(targetWindow(target({ period: 'by_date', dueOn: null }), march, program, at('2021-01-01'))).toEqual(march);
    expect(targetWindow(target({ period: 'once', dueOn: '2021-03-15' }), march, program, at('2021-01-01'))).toEqual({
      start: '2021-03-01',
      end: '2021-03-15',
    });
  });
});

describe('actualOf, each filter on its own', () => {
  it('counts apprenticeship agreements of the scope’s agreement type only', () => {
    const agg: Aggregates = {
      ...empty,
      outcomes: [
        {
          activityId: 1,
          type: 'apprenticeship_agreement',
          agreementType: 'skill_transfer',
          status: 'signed',
          count: 12,
        },
        {
          activityId: 1,
          type: 'apprenticeship_agreement',
          agreementType: 'technical_breakthrough',
          status: 'signed',
          count: 3,
        },
      ],
    };
    const scope = { outcomeType: 'apprenticeship_agreement', agreementType: 'technical_breakthrough' };
    expect(actualOf(target({ scope }), [1], agg, march)).toBe(3);
    expect(actualOf(target({ scope: { ...scope, agreementType: 'skill_transfer' } }), [1], agg, march)).toBe(12);
    expect(actualOf(target({ scope: { outcomeType: 'apprenticeship_agreement' } }), [1], agg, march)).toBe(15);
  });

  it('counts pending approvals when asked, and ignores a status it keeps no counter for', () => {
    const agg: Aggregates = {
      ...empty,
      quotas: [{ activityId: 3, category: 'phd', confirmed: 20, pending: 4, waitlisted: 2 }],
    };
    const t = (statuses: string[]) => target({ source: 'registrations', scope: { statuses } });
    expect(actualOf(t(['pending_approval']), [3], agg, march)).toBe(4);
    expect(actualOf(t(['confirmed', 'pending_approval']), [3], agg, march)).toBe(24);
    expect(actualOf(t(['cancelled', 'confirmed']), [3], agg, march)).toBe(20);
  });

  it('is 0 for a source it does not know', () => {
    const agg: Aggregates = {
      ...empty,
      outcomes: [{ activityId: 1, type: 'cooperation_intent', agreementType: '', status: 'signed', count: 5 }],
    };
    expect(actualOf(target({ source: 'surveys' }), [1], agg, march)).toBe(0);
  });
});

describe('statusOf at_most inside the window', () => {
  it('is on track, not “not started”, with nothing done once the window has begun', () => {
    const limit = target({ comparator: 'at_most', target: 5 });
    expect(statusOf(limit, 0, march, at('2021-03-10T00:00:00Z'))).toBe('on_track');
  });
});
