import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '@app/core';

/** Check-ins (one per registration) and the per-category attendance tallies. */
export class AttendanceSchema1764000004000 implements MigrationInterface {
  name = 'AttendanceSchema1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'check_ins',
        columns: [
          col.id(),
          col.int('registration_id'),
          col.int('session_id'),
          col.int('activity_id'),
          col.str('category', 20),
          col.str('level', 16),
          col.str('method', 10),
          col.datetime('checked_in_at'),
          col.int('by_user_id', { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'uq_check_ins_registration', columnNames: ['registration_id'], isUnique: true }),
          new TableIndex({ name: 'ix_check_ins_session', columnNames: ['session_id', 'checked_in_at'] }),
        ],
        foreignKeys: [
          { columnNames: ['registration_id'], referencedTableName: 'registrations', referencedColumnNames: ['id'] },
          { columnNames: ['session_id'], referencedTableName: 'sessions', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'attendance_tallies',
        columns: [
          col.int('session_id', { isPrimary: true }),
          col.str('category', 20, { isPrimary: true }),
          col.str('level', 16, { isPrimary: true }),
          col.int('activity_id'),
          col.int('checked_in', { default: 0 }),
        ],
        indices: [new TableIndex({ name: 'ix_attendance_tallies_activity', columnNames: ['activity_id'] })],
        foreignKeys: [{ columnNames: ['session_id'], referencedTableName: 'sessions', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['attendance_tallies', 'check_ins']) await q.dropTable(t);
  }
}
