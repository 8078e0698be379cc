import { ProgressReportEntity } from './progress-report.entity';

export * from './progress-report.entity';
export const PROGRESS_ENTITIES = [ProgressReportEntity];
