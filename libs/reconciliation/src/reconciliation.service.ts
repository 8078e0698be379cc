import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/identity';
import { CountCheck, reconcileCount, Repair, REGISTRATION_CHECKS } from '@app/registration';
import { ATTENDANCE_CHECKS } from '@app/attendance';
import { OUTCOME_CHECKS } from '@app/outcomes';
import { ReconciliationRunEntity } from './reconciliation-run.entity';

export type ReconcileCause = 'schedule' | 'cli' | 'api';

export interface ReconciliationResult {
  at: string;
  repaired: number;
  repairs: Repair[];
}

/** Who the audit log names for repairs nobody asked for by hand. */
export const SYSTEM_ACTOR = { id: 0, email: 'system:reconciliation' };

/**
 * Counters and tallies are caches of the rows (counting rules): this recounts every one —
 * session quota counters, distinct participations, attendance tallies, outcome tallies — from
 * the rows, repairs the lines that drifted, and records each repair in the audit log and the log.
 * Registration's checks run first, because the distinct totals are recounted from participations.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);
  static readonly CHECKS: CountCheck[] = [...REGISTRATION_CHECKS, ...ATTENDANCE_CHECKS, ...OUTCOME_CHECKS];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async run(cause: ReconcileCause, actor = SYSTEM_ACTOR): Promise<ReconciliationResult> {
    const startedAt = new Date();
    const repairs: Repair[] = [];
    for (const check of ReconciliationService.CHECKS) {
      const found = await reconcileCount(this.db, check);
      for (const r of found) {
        this.logger.warn(`reconciliation repaired ${r.check} ${JSON.stringify(r.key)}: ${r.from} → ${r.to}`);
        await this.audit.record({
          actor,
          action: `reconciliation.repair.${r.check}`,
          entity: r.check.split('.')[0]!,
          entityId: Object.values(r.key).join(':'),
        });
      }
      repairs.push(...found);
    }
    const finishedAt = new Date();
    await this.db.getRepository(ReconciliationRunEntity).insert({
      cause,
      startedAt,
      finishedAt,
      repaired: repairs.length,
      repairs,
    });
    this.logger.log(`reconciliation (${cause}) finished: ${repairs.length} repaired`);
    return { at: finishedAt.toISOString(), repaired: repairs.length, repairs };
  }

  /** The last finished run, for health: `{at, repaired}`, or null before the first. */
  async lastRun(): Promise<{ at: string; repaired: number } | null> {
    const [last] = await this.db.getRepository(ReconciliationRunEntity).find({
      order: { finishedAt: 'DESC', id: 'DESC' },
      take: 1,
      select: { id: true, finishedAt: true, repaired: true },
    });
    return last ? { at: last.finishedAt.toISOString(), repaired: last.repaired } : null;
  }
}
