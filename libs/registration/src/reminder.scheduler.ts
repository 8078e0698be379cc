import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, Raw } from 'typeorm';
import { APP_CONFIG, AppConfig, classifyUnavailable, TransactionService } from '@app/core';
import { CatalogService } from '@app/catalog';
import { NotificationsService } from '@app/notifications';
import { RegistrationEntity, SessionEntity } from './entities';
import { RegistrationNotifier } from './registration.notifier';

/**
 * Enqueues one reminder per confirmed registration when a session enters the reminder lead
 * time. Derived from database state: `reminded_for` records the start time already handled
 * and dedupe keys carry it, so restarts and several API processes never send twice, and a
 * rescheduled session reminds again.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderScheduler.name);
  private timer?: NodeJS.Timeout;
  private running = false;
  /** the last failure logged, so an outage is logged once rather than every minute */
  private lastProblem?: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly catalog: CatalogService,
    private readonly notifier: RegistrationNotifier,
    private readonly outbox: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass; returns how many reminders were enqueued. */
  async tick(now = new Date()): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const horizon = new Date(now.getTime() + this.config.reminderLeadHours * 3600_000);
      const due = await this.db.getRepository(SessionEntity).find({
        where: [
          {
            status: 'scheduled',
            startsAt: Raw((a) => `${a} > :now AND ${a} <= :horizon`, { now, horizon }),
            remindedFor: IsNull(),
          },
          {
            status: 'scheduled',
            startsAt: Raw((a) => `${a} > :now AND ${a} <= :horizon AND ${a} <> reminded_for`, { now, horizon }),
            remindedFor: Not(IsNull()),
          },
        ],
      });
      let total = 0;
      for (const session of due) total += await this.remind(session, now);
      if (this.lastProblem) this.logger.log('reminder passes resumed');
      this.lastProblem = undefined;
      return total;
    } catch (error) {
      // the next tick starts again from the database state (`reminded_for`, dedupe keys): a
      // session whose transaction did not commit is reminded then, one that did is not again
      const unavailable = classifyUnavailable(error);
      const kind = unavailable ? `${unavailable.dependency} unavailable` : (error as Error).message;
      if (kind !== this.lastProblem) this.logger.error(`reminder pass failed: ${(error as Error).message}`);
      this.lastProblem = kind;
      return 0;
    } finally {
      this.running = false;
    }
  }

  private async remind(session: SessionEntity, now: Date): Promise<number> {
    const activity = await this.catalog.getActivityEntity(session.activityId);
    return this.tx.withTransaction(async (tx) => {
      const regs = await tx.em.find(RegistrationEntity, {
        // checked-in, cancelled and rejected registrations get no reminder
        where: { sessionId: session.id, status: In(['confirmed']), checkedInAt: IsNull() },
      });
      const dueAt = new Date(
        Math.max(now.getTime(), session.startsAt.getTime() - this.config.reminderLeadHours * 3600_000),
      );
      await this.outbox.enqueueMany(
        tx,
        regs.map((r) => this.notifier.reminder(r, session, activity.title, dueAt)),
      );
      await tx.em.update(
        SessionEntity,
        { id: session.id, startsAt: session.startsAt },
        { remindedFor: session.startsAt },
      );
      return regs.length;
    });
  }
}
