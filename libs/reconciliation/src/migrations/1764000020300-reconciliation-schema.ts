import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '@app/core';

/** The record of reconciliation runs (health reports the last one). */
export class ReconciliationSchema1764000020300 implements MigrationInterface {
  name = 'ReconciliationSchema1764000020300';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'reconciliation_runs',
        columns: [
          col.id(),
          col.str('cause', 16),
          col.datetime('started_at'),
          col.datetime('finished_at'),
          col.int('repaired'),
          col.text('repairs'),
        ],
        indices: [new TableIndex({ name: 'ix_reconciliation_runs_finished', columnNames: ['finished_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('reconciliation_runs');
  }
}
