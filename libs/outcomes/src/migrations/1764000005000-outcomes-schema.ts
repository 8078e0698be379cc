import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '@app/core';

/** Outcome records and their per-type tallies. */
export class OutcomesSchema1764000005000 implements MigrationInterface {
  name = 'OutcomesSchema1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'outcomes',
        columns: [
          col.id(),
          col.int('activity_id'),
          col.int('session_id', { isNullable: true }),
          col.str('type', 32),
          col.str('agreement_type', 32, { isNullable: true }),
          col.str('title', 300),
          col.str('status', 12),
          col.date('signed_on', { isNullable: true }),
          col.text('parties', { isNullable: true }),
          col.text('details', { isNullable: true }),
          col.text('registration_ids', { isNullable: true }),
          col.str('origin', 10),
          col.int('created_by', { isNullable: true }),
          col.createdAt(),
          col.datetime('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_outcomes_activity_type', columnNames: ['activity_id', 'type', 'status'] }),
        ],
        foreignKeys: [
          { columnNames: ['activity_id'], referencedTableName: 'activities', referencedColumnNames: ['id'] },
          { columnNames: ['session_id'], referencedTableName: 'sessions', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outcome_tallies',
        columns: [
          col.int('activity_id', { isPrimary: true }),
          col.str('type', 32, { isPrimary: true }),
          col.str('agreement_type', 32, { isPrimary: true }),
          col.str('status', 12, { isPrimary: true }),
          col.int('count', { default: 0 }),
        ],
        foreignKeys: [
          { columnNames: ['activity_id'], referencedTableName: 'activities', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['outcome_tallies', 'outcomes']) await q.dropTable(t);
  }
}
