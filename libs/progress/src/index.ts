export * from './entities';
export * from './progress.module';
export * from './progress.service';
export * from './progress.views';
export * from './reports.service';
export { ProgressSchema1764000006000 } from './migrations/1764000006000-progress-schema';
export * from './progress.responses';
