import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '@app/core';

/** Users with their unit and session scope, and the audit log. */
export class IdentitySchema1764000001000 implements MigrationInterface {
  name = 'IdentitySchema1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          col.id(),
          col.str('email', 254),
          col.str('password_hash', 255),
          col.str('role', 20),
          col.bool('disabled'),
          col.int('token_version', { default: 0 }),
          col.createdAt(),
          col.datetime('updated_at'),
        ],
        indices: [new TableIndex({ name: 'uq_users_email', columnNames: ['email'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user_units',
        columns: [col.int('user_id', { isPrimary: true }), col.int('unit_id', { isPrimary: true })],
        indices: [new TableIndex({ name: 'ix_user_units_unit', columnNames: ['unit_id'] })],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
          { columnNames: ['unit_id'], referencedTableName: 'units', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user_sessions',
        columns: [col.int('user_id', { isPrimary: true }), col.int('session_id', { isPrimary: true })],
        indices: [new TableIndex({ name: 'ix_user_sessions_session', columnNames: ['session_id'] })],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          col.id(),
          col.int('actor_id'),
          col.str('actor_email', 254),
          col.str('action', 120),
          col.str('entity', 64),
          col.str('entity_id', 64, { isNullable: true }),
          col.datetime('at'),
          col.str('request_id', 100, { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'ix_audit_log_at', columnNames: ['at'] }),
          new TableIndex({ name: 'ix_audit_log_actor', columnNames: ['actor_id', 'at'] }),
          new TableIndex({ name: 'ix_audit_log_entity', columnNames: ['entity', 'entity_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'user_sessions', 'user_units', 'users']) await q.dropTable(t);
  }
}
