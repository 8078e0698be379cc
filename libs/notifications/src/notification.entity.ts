import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale, NotificationFacts, NotificationStatus, NotificationType } from './notification.types';

/**
 * One outbox row = one message to one recipient. The row is the source of truth for delivery
 * state; the queue only carries its id, so losing the queue never loses a message.
 */
@Entity('notifications')
@Index('ix_notifications_relay', ['status', 'nextAttemptAt'])
@Index('ix_notifications_stale', ['status', 'lockedUntil'])
@Index('ix_notifications_registration', ['registrationId', 'status', 'type'])
@Index('ix_notifications_type', ['type', 'status'])
@Index('ix_notifications_session', ['sessionId', 'status'])
export class NotificationEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 40 }) type!: NotificationType;
  @Index('uq_notifications_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 191 })
  dedupeKey!: string;
  @Column({ name: 'recipient_email', type: 'varchar', length: 254 }) recipientEmail!: string;
  @Column({ name: 'recipient_name', type: 'varchar', length: 200 }) recipientName!: string;
  @Column({ type: 'varchar', length: 10 }) locale!: Locale;
  /** no foreign key: registrations belong to a module above this one */
  @Column({ name: 'registration_id', type: 'integer', nullable: true }) registrationId!: number | null;
  @Column({ name: 'session_id', type: 'integer', nullable: true }) sessionId!: number | null;
  /** the facts, frozen at the time of the event; the worker renders from these alone */
  @Column({ type: 'simple-json' }) payload!: NotificationFacts;
  @Column({ type: 'varchar', length: 16 }) status!: NotificationStatus;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true }) messageId!: string | null;
  /** not before */
  @Column({ name: 'due_at', type: 'datetime', precision: 3 }) dueAt!: Date;
  /** when the relay may pick a pending row up (due_at, later after a temporary failure in-process) */
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 }) nextAttemptAt!: Date;
  /** which relay claimed the row last; lets a relay learn which rows of a batch it won */
  @Column({ name: 'claim_token', type: 'varchar', length: 36, nullable: true }) claimToken!: string | null;
  /** a queued row not finished by then is checked again (its job or its in-process sender may be gone) */
  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'queued_at', type: 'datetime', precision: 3, nullable: true }) queuedAt!: Date | null;
  @Column({ name: 'last_attempt_at', type: 'datetime', precision: 3, nullable: true }) lastAttemptAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true }) sentAt!: Date | null;
}
