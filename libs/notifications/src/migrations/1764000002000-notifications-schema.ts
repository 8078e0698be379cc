import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '@app/core';

/** The notification outbox. No foreign keys: registrations and sessions live in modules above this one. */
export class NotificationsSchema1764000002000 implements MigrationInterface {
  name = 'NotificationsSchema1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notifications',
        columns: [
          col.id(),
          col.str('type', 40),
          col.str('dedupe_key', 191),
          col.str('recipient_email', 254),
          col.str('recipient_name', 200),
          col.str('locale', 10),
          col.int('registration_id', { isNullable: true }),
          col.int('session_id', { isNullable: true }),
          col.text('payload'),
          col.str('status', 16),
          col.int('attempts', { default: 0 }),
          col.text('last_error', { isNullable: true }),
          col.str('message_id', 255, { isNullable: true }),
          col.datetime('due_at'),
          col.datetime('next_attempt_at'),
          col.str('claim_token', 36, { isNullable: true }),
          col.datetime('locked_until', { isNullable: true }),
          col.datetime('queued_at', { isNullable: true }),
          col.datetime('last_attempt_at', { isNullable: true }),
          col.createdAt(),
          col.datetime('sent_at', { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'uq_notifications_dedupe_key', columnNames: ['dedupe_key'], isUnique: true }),
          // the relay's scans: due pending rows, and queued rows whose lease ran out
          new TableIndex({ name: 'ix_notifications_relay', columnNames: ['status', 'next_attempt_at'] }),
          new TableIndex({ name: 'ix_notifications_stale', columnNames: ['status', 'locked_until'] }),
          // the admin list's filters
          new TableIndex({ name: 'ix_notifications_registration', columnNames: ['registration_id', 'status', 'type'] }),
          new TableIndex({ name: 'ix_notifications_type', columnNames: ['type', 'status'] }),
          // cancelPending by session (a rescheduled session's reminders)
          new TableIndex({ name: 'ix_notifications_session', columnNames: ['session_id', 'status'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notifications');
  }
}
