import { TargetScopeRow } from '@app/catalog';
import { chinaDate, DateRange, periodLabelOf, periodRange, within } from './report-period';

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
  scope: TargetScopeRow;
}

/** The aggregates actuals are computed from; each is kept current on write by its owner module. */
export interface Aggregates {
  quotas: { activityId: number; category: string; confirmed: number; pending: number; waitlisted: number }[];
  attendance: { activityId: number; category: string; level: string; checkedIn: number }[];
  held: { activityId: number; level: string; held: number }[];
  outcomes: { activityId: number; type: string; agreementType: string; status: string; count: number }[];
  reports: { targetId: number; periodLabel: string; value: number; lastAt: Date }[];
}

/**
 * The window a target is judged against:
 * - `once`: the activity's planned window (the program period for program-level targets);
 * - `by_date`: from the activity or program start until `dueOn`;
 * - `yearly` / `half_yearly`: the current year or half (China time), clipped to the program
 *   period; after the program has ended, its last period; before it starts, its first.
 */
export function targetWindow(t: TargetFacts, home: DateRange, program: DateRange, now: Date): DateRange {
  if (t.period === 'by_date') return { start: home.start, end: t.dueOn ?? home.end };
  if (t.period === 'yearly' || t.period === 'half_yearly') {
    const today = chinaDate(now);
    const ref = today < program.start ? program.start : today > program.end ? program.end : today;
    const current = periodRange(periodLabelOf(ref, t.period))!;
    return {
      start: current.start < program.start ? program.start : current.start,
      end: current.end > program.end ? program.end : current.end,
    };
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
 * count toward 2024-H2); otherwise every report counts. Reports are summed — units report
 * what they did in the period, not a running total — except for ratio targets (unit 倍, e.g.
 * 翻番), whose actual is the latest report.
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

function reportedActual(t: TargetFacts, reports: Aggregates['reports'], window: DateRange): number {
  let rows = reports.filter((r) => r.targetId === t.id);
  if (t.period === 'yearly' || t.period === 'half_yearly') {
    const current = periodRange(periodLabelOf(window.start, t.period))!;
    rows = rows.filter((r) => within(periodRange(r.periodLabel)!, current));
  }
  if (t.unit === '倍') {
    const latest = [...rows].sort(
      (a, b) =>
        periodRange(a.periodLabel)!.end.localeCompare(periodRange(b.periodLabel)!.end) ||
        a.lastAt.getTime() - b.lastAt.getTime(),
    );
    return latest.at(-1)?.value ?? 0;
  }
  return rows.reduce((n, r) => n + r.value, 0);
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
