import type { TargetScopeRow } from '@app/catalog/entities/target-scope';
import { chinaDate, DateRange, periodLabelOf, periodRange, periodsOf, within } from './report-period';

export type ProgressStatus = 'met' | 'on_track' | 'behind' | 'not_started';

/** What the rules need to know about a target (a subset of the catalog's TargetView). */
export interface TargetFacts {
  id: number;
  target: number;
  comparator: string;
  unit: string;
  period: string;
  dueOn: string | null;
  source: string;
  /** flow: reports of different periods add up; stock: each unit's latest report stands */
  measure: string;
  scope: TargetScopeRow;
}

/** One unit's report for one period of a target (one per target, unit and period; withdrawn ones left out). */
export interface ReportRow {
  targetId: number;
  unitId: number;
  periodLabel: string;
  value: number;
  /** when it was filed or last corrected */
  at: Date;
}

/** A yearly or half-yearly target judged in one of its periods. */
export interface PeriodProgress {
  label: string;
  /** the period clipped to the program */
  start: string;
  end: string;
  actual: number;
  ratio: number;
  status: ProgressStatus;
}

/** The aggregates actuals are computed from; each is kept current on write by its owner module. */
export interface Aggregates {
  quotas: { activityId: number; category: string; confirmed: number; pending: number; waitlisted: number }[];
  attendance: { activityId: number; category: string; level: string; checkedIn: number }[];
  held: { activityId: number; level: string; held: number }[];
  outcomes: { activityId: number; type: string; agreementType: string; status: string; count: number }[];
  reports: ReportRow[];
}

/**
 * The window a target is judged against:
 * - `once`: the activity's planned window (the program period for program-level targets);
 * - `by_date`: from the activity or program start until `dueOn`;
 * - `yearly` / `half_yearly`: the current year or half (China time), clipped to the program
 *   period; after the program has ended, its last period; before it starts, its first.
 */
export function targetWindow(t: TargetFacts, home: DateRange, program: DateRange, now: Date): DateRange {
  if (t.period === 'yearly' || t.period === 'half_yearly') {
    const today = chinaDate(now);
    const ref = today < program.start ? program.start : today > program.end ? program.end : today;
    return clip(periodRange(periodLabelOf(ref, t.period))!, program);
  }
  return { start: home.start, end: t.dueOn ?? home.end };
}

const STATUS_COUNTER: Record<string, 'confirmed' | 'pending' | 'waitlisted'> = {
  confirmed: 'confirmed',
  pending_approval: 'pending',
  waitlisted: 'waitlisted',
};

/**
 * A target's actual value from the aggregates of `activityIds`.
 *
 * `reported`: for yearly / half-yearly targets only reports whose period lies inside the
 * current period count (a `2024-H1` report counts toward 2024; a `2024` report does not
 * count toward 2024-H2); otherwise every report counts. A flow's reports are summed — units
 * report what they did in the period; a stock's are not (see `reportedIn`).
 *
 * `registrations` with `participantLevels` cannot be served from the quota counters (they
 * are per category); no plan target has that scope, and the level filter is ignored.
 */
export function actualOf(t: TargetFacts, activityIds: number[], agg: Aggregates, window: DateRange): number {
  const mine = (r: { activityId: number }) => activityIds.includes(r.activityId);
  const s = t.scope ?? {};
  const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);
  switch (t.source) {
    case 'registrations': {
      const counters = (s.statuses?.length ? s.statuses : ['confirmed'])
        .map((st) => STATUS_COUNTER[st])
        .filter(Boolean);
      const rows = agg.quotas.filter((q) => mine(q) && (!s.category || q.category === s.category));
      return sum(rows, (q) => sum(counters, (c) => q[c!]));
    }
    case 'attendance':
      return sum(
        agg.attendance.filter(
          (a) =>
            mine(a) &&
            (!s.category || a.category === s.category) &&
            (!s.participantLevels?.length || s.participantLevels.includes(a.level)),
        ),
        (a) => a.checkedIn,
      );
    case 'sessions_held':
      return sum(
        agg.held.filter((h) => mine(h) && (!s.sessionLevels?.length || s.sessionLevels.includes(h.level))),
        (h) => h.held,
      );
    case 'outcomes':
      return sum(
        agg.outcomes.filter(
          (o) =>
            mine(o) &&
            o.status !== 'cancelled' &&
            (!s.outcomeType || o.type === s.outcomeType) &&
            (!s.agreementType || o.agreementType === s.agreementType),
        ),
        (o) => o.count,
      );
    case 'reported':
      return reportedActual(t, agg.reports, window);
    default:
      return 0;
  }
}

function reportedActual(t: TargetFacts, reports: ReportRow[], window: DateRange): number {
  if (t.period === 'yearly' || t.period === 'half_yearly') {
    return reportedIn(t, reports, periodRange(periodLabelOf(window.start, t.period))!);
  }
  return reportedIn(t, reports, null);
}

/**
 * What a target's reports add up to, counting only reports whose period lies within `range`
 * (all of them when null). A flow sums every report. A stock takes, for each unit, the report of
 * its latest period (ending last; of two ending together, the one filed last) and sums those
 * over units: a level reported every year is never added to itself.
 */
export function reportedIn(t: TargetFacts, reports: ReportRow[], range: DateRange | null): number {
  const rows = reports.filter(
    (r) => r.targetId === t.id && (range === null || within(periodRange(r.periodLabel)!, range)),
  );
  if (t.measure !== 'stock') return rows.reduce((n, r) => n + r.value, 0);
  const latest = new Map<number, { end: string; at: number; value: number }>();
  for (const r of rows) {
    const end = periodRange(r.periodLabel)!.end;
    const at = r.at.getTime();
    const seen = latest.get(r.unitId);
    if (!seen || end > seen.end || (end === seen.end && at > seen.at))
      latest.set(r.unitId, { end, at, value: r.value });
  }
  return [...latest.values()].reduce((n, r) => n + r.value, 0);
}

/**
 * Every period of a yearly or half-yearly `reported` target across the program, each judged on
 * its own: its reports against the target, paced by how much of the period (clipped to the
 * program) has passed. Null for targets that are not periodic.
 */
export function periodsProgress(
  t: TargetFacts,
  program: DateRange,
  reports: ReportRow[],
  now: Date,
): PeriodProgress[] | null {
  if (t.period !== 'yearly' && t.period !== 'half_yearly') return null;
  return periodsOf(program, t.period).map((label) => {
    const range = periodRange(label)!;
    const window = clip(range, program);
    const actual = t.source === 'reported' ? reportedIn(t, reports, range) : 0;
    return {
      label,
      start: window.start,
      end: window.end,
      actual,
      ratio: ratioOf(actual, t.target),
      status: statusOf(t, actual, window, now),
    };
  });
}

/** The part of `range` inside `outer`. */
export function clip(range: DateRange, outer: DateRange): DateRange {
  return {
    start: range.start < outer.start ? outer.start : range.start,
    end: range.end > outer.end ? outer.end : range.end,
  };
}

export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** actual / target; a zero target is met by anything. */
export const ratioOf = (actual: number, target: number): number =>
  target > 0 ? round4(actual / target) : actual > 0 ? 1 : 0;

/** Share of the window that has passed at `now` (0 before it, 1 after it), in China time. */
export function elapsedFraction(window: DateRange, now: Date): number {
  const start = Date.parse(`${window.start}T00:00:00+08:00`);
  const end = Date.parse(`${window.end}T00:00:00+08:00`) + 86_400_000;
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

/**
 * met: the comparator is satisfied (`at_least` and `exactly` by reaching the number — the plan
 * states a planned amount, and delivering more is no shortfall; `at_most` once the window has
 * closed within the limit). not_started: nothing yet and the window has not begun. on_track:
 * ratio ≥ the share of the window that has passed. behind: otherwise.
 */
export function statusOf(t: TargetFacts, actual: number, window: DateRange, now: Date): ProgressStatus {
  const elapsed = elapsedFraction(window, now);
  if (t.comparator === 'at_most') {
    if (actual > t.target) return 'behind';
    if (elapsed >= 1) return 'met';
    return elapsed === 0 && actual === 0 ? 'not_started' : 'on_track';
  }
  if (actual >= t.target) return 'met';
  if (actual === 0 && elapsed === 0) return 'not_started';
  return ratioOf(actual, t.target) >= elapsed ? 'on_track' : 'behind';
}
