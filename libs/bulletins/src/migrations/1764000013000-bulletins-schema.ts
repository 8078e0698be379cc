import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '@app/core';

/** Bulletins (one per program and period) and their schedules. */
export class BulletinsSchema1764000013000 implements MigrationInterface {
  name = 'BulletinsSchema1764000013000';

  async up(q: QueryRunner): Promise<void> {
    // a snapshot of a large program outgrows MySQL's TEXT (64 KiB); SQLite's TEXT has no such limit
    const big = q.connection.options.type === 'mysql' ? 'longtext' : 'text';
    await q.createTable(
      new Table({
        name: 'bulletins',
        columns: [
          col.id(),
          col.int('program_id'),
          col.str('period_label', 16),
          col.str('trigger', 16),
          col.int('issued_by', { isNullable: true }),
          col.datetime('as_of'),
          { name: 'snapshot', type: big },
          col.createdAt(),
        ],
        indices: [
          new TableIndex({
            name: 'ux_bulletins_program_period',
            columnNames: ['program_id', 'period_label'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_bulletins_program_as_of', columnNames: ['program_id', 'as_of'] }),
        ],
        foreignKeys: [{ columnNames: ['program_id'], referencedTableName: 'programs', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bulletin_schedules',
        columns: [
          { name: 'program_id', type: 'integer', isPrimary: true },
          col.str('frequency', 16),
          col.bool('enabled', true),
          col.int('updated_by', { isNullable: true }),
          col.datetime('updated_at'),
        ],
        foreignKeys: [{ columnNames: ['program_id'], referencedTableName: 'programs', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('bulletin_schedules');
    await q.dropTable('bulletins');
  }
}
