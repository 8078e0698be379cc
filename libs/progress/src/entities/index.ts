import { ProgressReportRevisionEntity } from './progress-report-revision.entity';
import { ProgressReportEntity } from './progress-report.entity';

export * from './progress-report.entity';
export * from './progress-report-revision.entity';
export const PROGRESS_ENTITIES = [ProgressReportEntity, ProgressReportRevisionEntity];
