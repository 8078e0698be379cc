import { Injectable, Logger, Optional } from '@nestjs/common';
import { conflict, notFound, Page, TransactionContext } from '@app/core';
import { NotificationEntity } from './notification.entity';
import { NotificationQueue } from './notification.queue';
import { NotificationFilter, NotificationRepository } from './notification.repository';
import type {
  NewNotification,
  NewStaffNotification,
  NotificationOutbox,
  NotificationStatus,
  NotificationType,
  PendingFilter,
} from './notification.types';
import { NotificationRelay } from './relay.service';

/** A notification as the admin list shows it. */
export interface NotificationView {
  id: number;
  recipient: string;
  recipientName: string;
  type: NotificationType;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  messageId: string | null;
  registrationId: number | null;
  sessionId: number | null;
  dueAt: string;
  createdAt: string;
}

const toView = (n: NotificationEntity): NotificationView => ({
  id: n.id,
  recipient: n.recipientEmail,
  recipientName: n.recipientName,
  type: n.type,
  status: n.status,
  attempts: n.attempts,
  lastError: n.lastError,
  sentAt: n.sentAt?.toISOString() ?? null,
  // fixed when the row is written, shown once the message has gone out with it
  messageId: n.status === 'sent' ? n.messageId : null,
  registrationId: n.registrationId,
  sessionId: n.sessionId,
  dueAt: n.dueAt.toISOString(),
  createdAt: n.createdAt.toISOString(),
});

/**
 * The notification outbox other modules write to, and the admin's view of it.
 * Writing never sends: rows go out through the relay after the caller's commit.
 */
@Injectable()
export class NotificationsService implements NotificationOutbox {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly rows: NotificationRepository,
    private readonly relay: NotificationRelay,
    @Optional() private readonly queue?: NotificationQueue,
  ) {}

  /**
   * Writes one outbox row in the caller's transaction. A row with the same `dedupeKey` already
   * there (in any status) wins and this one is dropped silently. The relay is woken after commit;
   * on rollback nothing is owed and nothing is sent.
   */
  async enqueue(tx: TransactionContext, notification: NewNotification): Promise<void> {
    await this.enqueueMany(tx, [notification]);
  }

  /**
   * The same for many rows (a session change to every registrant) in multi-row INSERTs of 500.
   * Cost inside the transaction is the inserts only; delivery happens after commit, in batches.
   */
  async enqueueMany(tx: TransactionContext, notifications: NewNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    await this.rows.insertMany(tx.em, notifications, new Date());
    tx.afterCommit(() => this.relay.kick());
  }

  /**
   * Withdraws rows not yet handed on (status pending) in the caller's transaction: rows already
   * queued or sent are not recalled. Use it before enqueueing the replacement (a rescheduled
   * session's new reminders) so the old facts never go out.
   */
  /**
   * Messages to staff (organizers of a unit, administrators), in the caller's transaction: the same
   * outbox rows as registrant messages, whose payload holds the staff message's own facts.
   */
  async enqueueStaff(tx: TransactionContext, notifications: NewStaffNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    const rows = notifications.map(({ unitId: _unit, facts, ...n }) => ({
      ...n,
      // the row stores any payload as JSON; the renderer reads it by type
      facts: facts as unknown as NewNotification['facts'],
    }));
    await this.rows.insertMany(tx.em, rows, new Date());
    tx.afterCommit(() => this.relay.kick());
  }

  async cancelPending(tx: TransactionContext, filter: PendingFilter): Promise<number> {
    return this.rows.cancelPending(tx.em, filter);
  }

  async list(filter: NotificationFilter, page: number, pageSize: number): Promise<Page<NotificationView>> {
    const [items, total] = await this.rows.list(filter, page, pageSize);
    return { items: items.map(toView), total, page, pageSize };
  }

  async get(id: number): Promise<NotificationView> {
    const row = await this.rows.findOne(id);
    if (!row) throw notFound('Notification', id);
    return toView(row);
  }

  /**
   * Sends a failed notification again: failed → pending with attempts reset. A row still on its
   * way (pending or queued) is left as it is; a sent one is a 409.
   */
  async retry(id: number): Promise<NotificationView> {
    const row = await this.rows.findOne(id);
    if (!row) throw notFound('Notification', id);
    if (row.status === 'sent')
      throw conflict(`Notification ${id} was already sent`, { sentAt: row.sentAt?.toISOString() }).as(
        'notification_already_sent',
        { id },
      );
    if (row.status === 'failed') {
      // BullMQ keeps failed jobs for the dashboard; free the job id before the row can be queued again
      await this.queue?.removeJobs([id]).catch((error: Error) => {
        this.logger.warn(`could not remove the old job of notification ${id} (the relay will): ${error.message}`);
      });
      if (await this.rows.resetFailed(id, new Date())) this.relay.kick();
    }
    return this.get(id);
  }

  /** Moves every due row on now and waits for the pass (tests, benchmarks, shutdown scripts). */
  flush(): Promise<void> {
    return this.relay.drain();
  }
}
