import { actualOf, Aggregates, elapsedFraction, ratioOf, statusOf, TargetFacts, targetWindow } from './progress.rules';

const target = (over: Partial<TargetFacts> = {}): TargetFacts => ({
  id: 1,
  target: 30,
  comparator: 'at_least',
  unit: '项',
  period: 'once',
  dueOn: null,
  source: 'outcomes',
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
      ],
    };
    const scope = { category: 'skilled_talent', participantLevels: ['national', 'provincial'] };
    expect(actualOf(target({ source: 'attendance', scope }), [1], agg, march)).toBe(45);
    expect(actualOf(target({ source: 'attendance', scope: {} }), [1], agg, march)).toBe(252);
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

  it('sums reports, only the current period’s for half-yearly targets, the latest for ratios', () => {
    const r = (periodLabel: string, value: number, lastAt = '2024-01-01T00:00:00Z') => ({
      targetId: 1,
      periodLabel,
      value,
      lastAt: new Date(lastAt),
    });
    const agg: Aggregates = { ...empty, reports: [r('2024-H1', 1), r('2024-H2', 2), r('2024', 5), r('2023-H2', 9)] };
    const reported = target({ source: 'reported', scope: {} });
    expect(actualOf(reported, [], agg, year2021)).toBe(17);
    const half = { ...reported, period: 'half_yearly' };
    expect(actualOf(half, [], agg, { start: '2024-07-01', end: '2024-12-31' })).toBe(2);
    const yearly = { ...reported, period: 'yearly' };
    expect(actualOf(yearly, [], agg, { start: '2024-01-01', end: '2024-12-31' })).toBe(8);
    const ratio = { ...reported, unit: '倍', period: 'by_date' };
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
