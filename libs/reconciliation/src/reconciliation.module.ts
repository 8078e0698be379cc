import { Module } from '@nestjs/common';
import { AuditService } from '@app/identity';
import { ReconciliationJobs } from './reconciliation.queue';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationScheduler } from './reconciliation.scheduler';
import { ReconciliationService } from './reconciliation.service';

/**
 * Reconciliation of counters and tallies, above registration, attendance and outcomes (it reads
 * their check definitions). It needs only the database and the audit log, so the worker and
 * `npm run reconcile` use {@link ReconciliationCoreModule} without the HTTP parts.
 */
@Module({
  providers: [ReconciliationService, AuditService],
  exports: [ReconciliationService],
})
export class ReconciliationCoreModule {}

/** The worker's part: the BullMQ job scheduler and its consumer. */
@Module({
  imports: [ReconciliationCoreModule],
  providers: [ReconciliationJobs],
})
export class ReconciliationWorkerModule {}

@Module({
  imports: [ReconciliationCoreModule],
  controllers: [ReconciliationController],
  providers: [ReconciliationScheduler],
  exports: [ReconciliationCoreModule],
})
export class ReconciliationModule {}
