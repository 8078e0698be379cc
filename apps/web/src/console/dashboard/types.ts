import type { components } from '../../api/schema';

/** The dashboard's names for the generated progress schemas. */
type Schemas = components['schemas'];

export type ProgramProgress = Schemas['ProgramProgressResponse'];
export type TargetProgress = Schemas['TargetProgressResponse'];
export type ProgressStatus = TargetProgress['status'];
export type UnitRef = Schemas['UnitRefResponse'];
export type ProgressCounts = Omit<Schemas['UnitProgressResponse'], 'unit'>;

export const STATUS_COLOR: Record<ProgressStatus, string> = {
  met: '#237804',
  on_track: '#0b4fb3',
  behind: '#cf1322',
  not_started: '#595959',
};
