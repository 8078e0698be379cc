import { ActivityUnitEntity } from './activity-unit.entity';
import { ActivityEntity } from './activity.entity';
import { ProgramEntity } from './program.entity';
import { SeriesEntity } from './series.entity';
import { TargetEntity } from './target.entity';
import { UnitEntity } from './unit.entity';

export { ActivityUnitEntity, ActivityEntity, ProgramEntity, SeriesEntity, TargetEntity, UnitEntity };
export type { TargetScopeRow } from './target-scope';
export const CATALOG_ENTITIES = [
  UnitEntity,
  ProgramEntity,
  SeriesEntity,
  ActivityEntity,
  ActivityUnitEntity,
  TargetEntity,
];
