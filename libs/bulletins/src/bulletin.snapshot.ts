import type { BulletinFacts, BulletinSeriesSummary, BulletinStatus, BulletinTargetFacts } from '@app/notifications';
import { DateRange, periodRange, ProgramProgress, ReportRow, TargetProgress } from '@app/progress';
import { overlaps } from './bulletin-period';

/** What the snapshot needs to know of an activity (catalog's entity has more). */
export interface ActivityFacts {
  id: number;
  seriesId: number | null;
  windowStart: string;
}

export interface SeriesFacts {
  id: number;
  label: string;
  title: string;
}

export type BulletinSnapshot = Omit<BulletinFacts, 'bulletinId'>;

/**
 * A target as the bulletin judges it: a periodic target in the period containing the bulletin
 * period's last day (2022-H1 for a half-yearly target in the 2022-H1 bulletin, the year 2022 for
 * a yearly one), any other target as progress judges it now.
 */
function judged(
  t: TargetProgress,
  period: DateRange,
): Pick<BulletinTargetFacts, 'actual' | 'ratio' | 'status' | 'periodLabel'> {
  const p = t.periods?.find((x) => {
    const r = periodRange(x.label)!;
    return r.start <= period.end && period.end <= r.end;
  });
  if (p) return { actual: p.actual, ratio: p.ratio, status: p.status, periodLabel: p.label };
  return { actual: t.actual, ratio: t.ratio, status: t.status, periodLabel: t.currentPeriod ?? null };
}

/** An activity is behind if any target is; not started if all are; met if all are; else on track. */
export function activityStatus(statuses: BulletinStatus[], windowStart: string, today: string): BulletinStatus {
  if (statuses.length === 0) return windowStart > today ? 'not_started' : 'on_track';
  if (statuses.includes('behind')) return 'behind';
  if (statuses.every((s) => s === 'not_started')) return 'not_started';
  if (statuses.every((s) => s === 'met')) return 'met';
  return 'on_track';
}

const KEY: Record<BulletinStatus, 'met' | 'onTrack' | 'behind' | 'notStarted'> = {
  met: 'met',
  on_track: 'onTrack',
  behind: 'behind',
  not_started: 'notStarted',
};

export interface SnapshotInput {
  progress: ProgramProgress;
  periodLabel: string;
  activities: ActivityFacts[];
  series: SeriesFacts[];
  /** the program's live reports */
  reports: ReportRow[];
  /** the previous bulletin of the program, if any */
  previous: { id: number; snapshot: BulletinSnapshot } | null;
  /** China date of `progress.asOf` */
  today: string;
}

/**
 * The immutable content of a bulletin: every target judged, its change since the previous
 * bulletin, behind-schedule targets first grouped by lead unit, the responsible units with no
 * report overlapping the period on their `reported` targets, and a summary per series.
 */
export function buildSnapshot(input: SnapshotInput): BulletinSnapshot {
  const { progress, periodLabel, previous } = input;
  const period = periodRange(periodLabel)!;
  const before = new Map((previous?.snapshot.targets ?? []).map((t) => [t.id, t]));
  const seriesName = (id: number | null) => {
    const s = id === null ? undefined : input.series.find((x) => x.id === id);
    return s ? `${s.label} ${s.title}` : null;
  };

  const all: BulletinTargetFacts[] = progress.targets.map((t) => {
    const j = judged(t, period);
    const was = before.get(t.id);
    return {
      id: t.id,
      code: t.code,
      label: t.label,
      series: seriesName(t.seriesId),
      activity: t.activity ? `${t.activity.label} ${t.activity.title}` : null,
      units: t.responsibleUnits.map((u) => ({ id: u.id, name: u.name })),
      comparator: t.comparator,
      target: t.target,
      unit: t.unit,
      ...j,
      change: was
        ? {
            actual: round(j.actual - was.actual),
            ratio: round(j.ratio - was.ratio),
            previousStatus: was.status,
          }
        : null,
    };
  });

  const behind = all.filter((t) => t.status === 'behind');
  const behindByUnit: BulletinFacts['behindByUnit'] = [];
  for (const t of behind) {
    const lead = t.units[0] ?? { id: 0, name: '—' };
    let group = behindByUnit.find((g) => g.unitId === lead.id);
    if (!group) behindByUnit.push((group = { unitId: lead.id, unit: lead.name, targetIds: [] }));
    group.targetIds.push(t.id);
  }
  const ordered = [
    ...behindByUnit.flatMap((g) => g.targetIds.map((id) => all.find((t) => t.id === id)!)),
    ...all.filter((t) => t.status !== 'behind'),
  ];

  return {
    program: { code: progress.program.code, title: progress.program.title },
    periodLabel,
    asOf: progress.asOf,
    previous: previous
      ? { id: previous.id, periodLabel: previous.snapshot.periodLabel, asOf: previous.snapshot.asOf }
      : null,
    summary: summaries(all, progress.targets, input),
    targets: ordered,
    behindByUnit,
    notReported: notReported(progress.targets, input.reports, period),
  };
}

/** One line per series and one for the whole program, counting activities by their status. */
function summaries(
  judgedTargets: BulletinTargetFacts[],
  targets: TargetProgress[],
  input: SnapshotInput,
): BulletinSeriesSummary[] {
  const statusById = new Map(judgedTargets.map((t) => [t.id, t.status]));
  const statusOf = (a: ActivityFacts) =>
    activityStatus(
      targets.filter((t) => t.activityId === a.id).map((t) => statusById.get(t.id)!),
      a.windowStart,
      input.today,
    );
  const count = (series: string | null, activities: ActivityFacts[]): BulletinSeriesSummary => {
    const s: BulletinSeriesSummary = {
      series,
      activities: activities.length,
      met: 0,
      onTrack: 0,
      behind: 0,
      notStarted: 0,
    };
    for (const a of activities) s[KEY[statusOf(a)]]++;
    return s;
  };
  return [
    ...input.series.map((s) =>
      count(
        `${s.label} ${s.title}`,
        input.activities.filter((a) => a.seriesId === s.id),
      ),
    ),
    count(null, input.activities),
  ];
}

/**
 * Responsible units of `reported` targets that were due in the period (periodic ones always,
 * others once their window had begun by its end) with no live report overlapping it.
 */
export function notReported(
  targets: TargetProgress[],
  reports: ReportRow[],
  period: DateRange,
): BulletinFacts['notReported'] {
  const missing = new Map<number, { unitId: number; unit: string; targets: string[] }>();
  for (const t of targets) {
    if (t.source !== 'reported') continue;
    const periodic = t.period === 'yearly' || t.period === 'half_yearly';
    if (!periodic && t.window.start > period.end) continue;
    for (const u of t.responsibleUnits) {
      const reported = reports.some(
        (r) => r.targetId === t.id && r.unitId === u.id && overlaps(periodRange(r.periodLabel)!, period),
      );
      if (reported) continue;
      let entry = missing.get(u.id);
      if (!entry) missing.set(u.id, (entry = { unitId: u.id, unit: u.name, targets: [] }));
      entry.targets.push(t.label);
    }
  }
  return [...missing.values()];
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;
