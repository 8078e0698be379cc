import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { col } from '@app/core';

/**
 * Outcomes count once: `dedupe_key` (type, parties, date — see outcomeKey) is unique per
 * activity while the outcome is not cancelled, so a repeated record or import row cannot be
 * inserted; `import_batch` tells an import which of its rows the database took. Existing rows
 * keep a NULL key (they may already repeat each other; reconciliation leaves them counted).
 */
export class OutcomeDedupe1764000020200 implements MigrationInterface {
  name = 'OutcomeDedupe1764000020200';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('outcomes', new TableColumn(col.str('dedupe_key', 64, { isNullable: true })));
    await q.addColumn('outcomes', new TableColumn(col.str('import_batch', 32, { isNullable: true })));
    await q.createIndex(
      'outcomes',
      new TableIndex({ name: 'uq_outcomes_dedupe', columnNames: ['activity_id', 'dedupe_key'], isUnique: true }),
    );
    await q.createIndex(
      'outcomes',
      new TableIndex({ name: 'ix_outcomes_import_batch', columnNames: ['import_batch'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('outcomes', 'ix_outcomes_import_batch');
    await q.dropIndex('outcomes', 'uq_outcomes_dedupe');
    await q.dropColumn('outcomes', 'import_batch');
    await q.dropColumn('outcomes', 'dedupe_key');
  }
}
