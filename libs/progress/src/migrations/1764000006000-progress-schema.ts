import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '@app/core';

/** Progress reports of responsible units. */
export class ProgressSchema1764000006000 implements MigrationInterface {
  name = 'ProgressSchema1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'progress_reports',
        columns: [
          col.id(),
          col.int('target_id'),
          col.int('program_id'),
          col.int('unit_id'),
          col.str('period_label', 16),
          { name: 'value', type: 'double' },
          col.text('note', { isNullable: true }),
          col.str('evidence', 1000, { isNullable: true }),
          col.int('reported_by'),
          col.createdAt(),
        ],
        indices: [new TableIndex({ name: 'ix_progress_reports_program', columnNames: ['program_id', 'target_id'] })],
        foreignKeys: [
          { columnNames: ['target_id'], referencedTableName: 'targets', referencedColumnNames: ['id'] },
          { columnNames: ['unit_id'], referencedTableName: 'units', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('progress_reports');
  }
}
