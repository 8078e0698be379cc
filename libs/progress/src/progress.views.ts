import { UnitRef } from '@app/catalog';
import { DateRange } from './report-period';
import { PeriodProgress, ProgressStatus, round4 } from './progress.rules';

export interface TargetProgress {
  id: number;
  code: string;
  activityId: number | null;
  seriesId: number | null;
  metric: string;
  label: string;
  target: number;
  comparator: string;
  unit: string;
  source: string;
  /** flow or stock */
  measure: string;
  period: string;
  dueOn: string | null;
  actual: number;
  ratio: number;
  status: ProgressStatus;
  window: DateRange;
  /** lead first */
  responsibleUnits: UnitRef[];
  /** the activity the target belongs to (null for program-level targets) */
  activity: { ordinal: number; label: string; title: string } | null;
  /** the series it rolls up to */
  series: { ordinal: number; label: string; title: string } | null;
  /** yearly / half-yearly targets: every period of the program; `actual` and `status` are the current one's */
  periods?: PeriodProgress[];
  /** label of the current period of a periodic target */
  currentPeriod?: string;
}

export interface ProgressCounts {
  targets: number;
  met: number;
  onTrack: number;
  behind: number;
  notStarted: number;
  /** mean of min(ratio, 1): over-delivery on one target does not hide another's shortfall */
  ratio: number;
}

export interface ProgramProgress {
  program: { code: string; title: string; periodStart: string; periodEnd: string };
  asOf: string;
  targets: TargetProgress[];
  byUnit: ({ unit: UnitRef } & ProgressCounts)[];
  bySeries: ({ seriesId: number | null; ordinal: number | null; title: string | null } & ProgressCounts)[];
}

const KEY: Record<ProgressStatus, keyof ProgressCounts> = {
  met: 'met',
  on_track: 'onTrack',
  behind: 'behind',
  not_started: 'notStarted',
};

/** Status counts and mean capped ratio of a group of targets. */
export function countsOf(targets: TargetProgress[]): ProgressCounts {
  const c: ProgressCounts = { targets: targets.length, met: 0, onTrack: 0, behind: 0, notStarted: 0, ratio: 0 };
  for (const t of targets) (c[KEY[t.status]] as number)++;
  c.ratio = targets.length ? round4(targets.reduce((s, t) => s + Math.min(1, t.ratio), 0) / targets.length) : 0;
  return c;
}
