import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '@app/core';

/** Sessions, their per-category quotas with counters, participants and registrations. */
export class RegistrationSchema1764000003000 implements MigrationInterface {
  name = 'RegistrationSchema1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          col.id(),
          col.int('activity_id'),
          col.str('title', 300),
          col.str('level', 16),
          col.datetime('starts_at'),
          col.datetime('ends_at'),
          col.str('venue', 300, { isNullable: true }),
          col.str('city', 50, { isNullable: true }),
          col.str('mode', 10),
          col.str('online_url', 500, { isNullable: true }),
          col.datetime('registration_opens_at'),
          col.datetime('registration_closes_at'),
          col.bool('requires_approval'),
          col.bool('waitlist_enabled'),
          col.str('status', 16),
          col.int('version'),
          col.datetime('reminded_for', { isNullable: true }),
          col.createdAt(),
          col.datetime('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_sessions_activity', columnNames: ['activity_id'] }),
          new TableIndex({ name: 'ix_sessions_starts_at', columnNames: ['starts_at'] }),
        ],
        foreignKeys: [
          { columnNames: ['activity_id'], referencedTableName: 'activities', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'session_quotas',
        columns: [
          col.int('session_id', { isPrimary: true }),
          col.str('category', 20, { isPrimary: true }),
          col.int('capacity'),
          col.int('confirmed', { default: 0 }),
          col.int('pending', { default: 0 }),
          col.int('waitlisted', { default: 0 }),
          col.int('waitlist_seq', { default: 0 }),
        ],
        foreignKeys: [{ columnNames: ['session_id'], referencedTableName: 'sessions', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'participants',
        columns: [
          col.id(),
          col.str('identity_key', 200, { isUnique: true }),
          col.str('category', 20),
          col.str('name', 200),
          col.str('email', 254),
          col.str('phone', 20, { isNullable: true }),
          col.str('id_number', 18, { isNullable: true }),
          col.str('locale', 8),
          col.text('profile'),
          col.createdAt(),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'registrations',
        columns: [
          col.id(),
          col.int('session_id'),
          col.int('participant_id'),
          col.str('category', 20),
          col.str('level', 16, { isNullable: true }),
          col.str('status', 20),
          col.int('active_key', { isNullable: true }),
          col.int('waitlist_seq', { isNullable: true }),
          col.str('token_nonce', 32),
          col.str('check_in_code', 16, { isUnique: true }),
          col.str('name', 200),
          col.str('email', 254),
          col.str('phone', 20, { isNullable: true }),
          col.str('id_number', 18, { isNullable: true }),
          col.str('locale', 8),
          col.text('profile'),
          col.text('answers', { isNullable: true }),
          col.str('status_reason', 500, { isNullable: true }),
          col.str('channel', 10),
          col.createdAt(),
          col.datetime('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_registrations_active',
            columnNames: ['session_id', 'active_key'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'ix_registrations_queue',
            columnNames: ['session_id', 'category', 'status', 'waitlist_seq'],
          }),
          new TableIndex({ name: 'ix_registrations_participant', columnNames: ['participant_id'] }),
        ],
        foreignKeys: [
          { columnNames: ['session_id'], referencedTableName: 'sessions', referencedColumnNames: ['id'] },
          { columnNames: ['participant_id'], referencedTableName: 'participants', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['registrations', 'participants', 'session_quotas', 'sessions']) await q.dropTable(t);
  }
}
