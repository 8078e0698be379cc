export type ProgressStatus = 'met' | 'on_track' | 'behind' | 'not_started';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface ProgressCounts {
  targets: number;
  met: number;
  onTrack: number;
  behind: number;
  notStarted: number;
  ratio: number;
}

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
  actual: number;
  ratio: number;
  status: ProgressStatus;
  responsibleUnits: UnitRef[];
}

export interface ProgramProgress {
  program: { code: string; title: string };
  asOf: string;
  targets: TargetProgress[];
  byUnit: ({ unit: UnitRef } & ProgressCounts)[];
  bySeries: ({ seriesId: number | null; ordinal: number | null; title: string | null } & ProgressCounts)[];
}

export const STATUS_COLOR: Record<ProgressStatus, string> = {
  met: '#237804',
  on_track: '#0b4fb3',
  behind: '#cf1322',
  not_started: '#595959',
};
