import { ReconciliationRunEntity } from './reconciliation-run.entity';

export * from './reconciliation-run.entity';
export * from './reconciliation.service';
export * from './reconciliation.module';
export * from './reconciliation.scheduler';
export * from './reconciliation.queue';
export * from './reconciliation.responses';
export { ReconciliationSchema1764000020300 } from './migrations/1764000020300-reconciliation-schema';
export const RECONCILIATION_ENTITIES = [ReconciliationRunEntity];
