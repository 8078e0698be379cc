import type { ProgramProgress, ReportRow, TargetProgress } from '@app/progress';
import { activityStatus, buildSnapshot, notReported } from './bulletin.snapshot';

const hrss = { id: 1, code: 'qz-hrss', name: '市人社局' };
const edu = { id: 2, code: 'qz-edu', name: '市教育局' };
const t = (over: Partial<TargetProgress>): TargetProgress => ({
  id: 1,
  code: 'c',
  activityId: 10,
  seriesId: 100,
  metric: 'm',
  label: '指标',
  target: 10,
  comparator: 'at_least',
  unit: '个',
  source: 'outcomes',
  measure: 'flow',
  period: 'once',
  dueOn: null,
  actual: 0,
  ratio: 0,
  status: 'on_track',
  window: { start: '2022-01-01', end: '2022-12-31' },
  responsibleUnits: [hrss],
  activity: { ordinal: 1, label: '1.', title: '活动' },
  series: { ordinal: 1, label: '（一）', title: '系列' },
  ...over,
});
const report = (targetId: number, unitId: number, periodLabel: string): ReportRow => ({
  targetId,
  unitId,
  periodLabel,
  value: 1,
  at: new Date('2022-06-01T00:00:00Z'),
});

describe(activityStatus.name, () => {
  it('is behind if any target is, not started or met if all are, else on track', () => {
    expect(activityStatus(['met', 'behind', 'on_track'], '2022-01-01', '2022-07-01')).toBe('behind');
    expect(activityStatus(['not_started', 'not_started'], '2022-01-01', '2022-07-01')).toBe('not_started');
    expect(activityStatus(['met', 'met'], '2022-01-01', '2022-07-01')).toBe('met');
    expect(activityStatus(['met', 'not_started'], '2022-01-01', '2022-07-01')).toBe('on_track');
    expect(activityStatus(['on_track'], '2022-01-01', '2022-07-01')).toBe('on_track');
  });

  it('judges an activity without targets by whether its window has begun', () => {
    expect(activityStatus([], '2022-07-02', '2022-07-01')).toBe('not_started');
    expect(activityStatus([], '2022-07-01', '2022-07-01')).toBe('on_track');
  });
});

describe(notReported.name, () => {
  const h1 = { start: '2022-01-01', end: '2022-06-30' };
  it('lists responsible units with no report overlapping the period on due reported targets', () => {
    const targets = [
      t({ id: 1, label: '总量', source: 'reported', responsibleUnits: [hrss, edu] }),
      t({ id: 2, label: '将来', source: 'reported', window: { start: '2022-07-01', end: '2022-12-31' } }),
      t({
        id: 3,
        label: '每年',
        source: 'reported',
        period: 'yearly',
        window: { start: '2022-07-01', end: '2022-12-31' },
      }),
      t({ id: 4, label: '系统统计', source: 'outcomes' }),
    ];
    const reports = [report(1, 2, '2022'), report(3, 1, '2021-H2'), report(1, 1, '2022-07')];
    expect(notReported(targets, reports, h1)).toEqual([{ unitId: 1, unit: '市人社局', targets: ['总量', '每年'] }]);
    expect(notReported(targets, [...reports, report(1, 1, '2022-06'), report(3, 1, '2022-H1')], h1)).toEqual([]);
  });
});

describe(buildSnapshot.name, () => {
  const progress = (targets: TargetProgress[]): ProgramProgress => ({
    program: { code: 'p', title: '方案', periodStart: '2022-01-01', periodEnd: '2025-12-31' },
    asOf: '2022-07-01T01:00:00.000Z',
    targets,
    byUnit: [],
    bySeries: [],
  });
  const input = (targets: TargetProgress[]) => ({
    progress: progress(targets),
    periodLabel: '2022-H1',
    activities: [
      { id: 10, seriesId: 100, windowStart: '2022-01-01' },
      { id: 11, seriesId: 100, windowStart: '2022-09-01' },
    ],
    series: [{ id: 100, label: '（一）', title: '系列' }],
    reports: [],
    previous: null,
    today: '2022-07-01',
  });

  it('puts behind targets first grouped by lead unit, then the rest in plan order', () => {
    const snap = buildSnapshot(
      input([
        t({ id: 1, status: 'met' }),
        t({ id: 2, status: 'behind', responsibleUnits: [edu] }),
        t({ id: 3, status: 'behind' }),
        t({ id: 4, status: 'behind', responsibleUnits: [edu, hrss] }),
        t({ id: 5, status: 'on_track' }),
      ]),
    );
    expect(snap.targets.map((x) => x.id)).toEqual([2, 4, 3, 1, 5]);
    expect(snap.behindByUnit).toEqual([
      { unitId: 2, unit: '市教育局', targetIds: [2, 4] },
      { unitId: 1, unit: '市人社局', targetIds: [3] },
    ]);
    expect(snap.summary).toEqual([
      { series: '（一） 系列', activities: 2, met: 0, onTrack: 0, behind: 1, notStarted: 1 },
      { series: null, activities: 2, met: 0, onTrack: 0, behind: 1, notStarted: 1 },
    ]);
    expect(snap.targets[0]).toMatchObject({ series: '（一） 系列', activity: '1. 活动', change: null });
  });

  it('judges a periodic target in the period holding the bulletin period’s end, and records changes', () => {
    const periodic = t({
      id: 7,
      period: 'half_yearly',
      source: 'reported',
      actual: 0,
      status: 'not_started',
      currentPeriod: '2022-H2',
      periods: [
        { label: '2022-H1', start: '2022-01-01', end: '2022-06-30', actual: 1, ratio: 1, status: 'met' },
        { label: '2022-H2', start: '2022-07-01', end: '2022-12-31', actual: 0, ratio: 0, status: 'not_started' },
      ],
    });
    const first = buildSnapshot(input([periodic, t({ id: 8, actual: 3, ratio: 0.3 })]));
    expect(first.targets.find((x) => x.id === 7)).toMatchObject({ periodLabel: '2022-H1', actual: 1, status: 'met' });
    const second = buildSnapshot({
      ...input([periodic, t({ id: 8, actual: 5, ratio: 0.5, status: 'behind' })]),
      periodLabel: '2022-07',
      previous: { id: 41, snapshot: first },
    });
    expect(second.previous).toEqual({ id: 41, periodLabel: '2022-H1', asOf: '2022-07-01T01:00:00.000Z' });
    expect(second.targets.find((x) => x.id === 8)!.change).toEqual({
      actual: 2,
      ratio: 0.2,
      previousStatus: 'on_track',
    });
    expect(second.targets.find((x) => x.id === 7)).toMatchObject({ periodLabel: '2022-H2', status: 'not_started' });
  });
});
