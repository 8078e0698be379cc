import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '@app/core';

/** Units, programs, series, activities, their units, and targets. */
export class CatalogSchema1764000000000 implements MigrationInterface {
  name = 'CatalogSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'units',
        columns: [
          col.id(),
          col.str('code', 64, { isUnique: true }),
          col.str('name', 100),
          col.str('full_name', 200, { isNullable: true }),
          col.str('kind', 20),
          col.text('aliases'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'programs',
        columns: [
          col.id(),
          col.str('code', 64, { isUnique: true }),
          col.str('title', 300),
          col.str('document_number', 100, { isNullable: true }),
          col.str('notice_title', 300, { isNullable: true }),
          col.date('issued_on'),
          col.date('period_start'),
          col.date('period_end'),
          col.str('period_text', 100),
          col.text('issuing_unit_ids'),
          col.text('notice_text', { isNullable: true }),
          col.text('preamble', { isNullable: true }),
          col.text('summary', { isNullable: true }),
          col.text('safeguards', { isNullable: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'series',
        columns: [col.id(), col.int('program_id'), col.int('ordinal'), col.str('label', 20), col.str('title', 300)],
        indices: [
          new TableIndex({ name: 'uq_series_program_ordinal', columnNames: ['program_id', 'ordinal'], isUnique: true }),
        ],
        foreignKeys: [{ columnNames: ['program_id'], referencedTableName: 'programs', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'activities',
        columns: [
          col.id(),
          col.int('program_id'),
          col.int('series_id'),
          col.str('code', 64),
          col.int('ordinal'),
          col.str('label', 20),
          col.str('title', 300),
          col.str('short_title', 100, { isNullable: true }),
          col.str('kind', 32),
          col.date('window_start'),
          col.date('window_end'),
          col.str('window_text', 100),
          col.str('city', 50, { isNullable: true }),
          col.str('mode', 20),
          col.bool('adjustable'),
          col.text('content'),
          col.str('host_role', 20),
          col.bool('host_units_open_ended'),
          col.str('lead_note', 200, { isNullable: true }),
          col.text('parts', { isNullable: true }),
          col.text('deliverables', { isNullable: true }),
          col.text('note', { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'uq_activities_program_code', columnNames: ['program_id', 'code'], isUnique: true }),
        ],
        foreignKeys: [
          { columnNames: ['program_id'], referencedTableName: 'programs', referencedColumnNames: ['id'] },
          { columnNames: ['series_id'], referencedTableName: 'series', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'activity_units',
        columns: [
          col.int('activity_id', { isPrimary: true }),
          col.str('role', 8, { isPrimary: true }),
          col.int('position', { isPrimary: true }),
          col.int('unit_id'),
        ],
        indices: [new TableIndex({ name: 'ix_activity_units_unit', columnNames: ['unit_id'] })],
        foreignKeys: [
          { columnNames: ['activity_id'], referencedTableName: 'activities', referencedColumnNames: ['id'] },
          { columnNames: ['unit_id'], referencedTableName: 'units', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'targets',
        columns: [
          col.id(),
          col.int('program_id'),
          col.int('series_id', { isNullable: true }),
          col.int('activity_id', { isNullable: true }),
          col.str('code', 64),
          col.int('position'),
          col.str('metric', 100),
          col.str('label', 200),
          col.int('value'),
          col.str('comparator', 16),
          col.str('unit', 8),
          col.str('period', 16),
          col.date('due_on', { isNullable: true }),
          col.str('source', 20),
          col.text('scope'),
          col.text('text'),
          col.str('qualifier', 20, { isNullable: true }),
          col.text('note', { isNullable: true }),
          col.text('responsible_unit_ids'),
        ],
        indices: [
          new TableIndex({ name: 'uq_targets_program_code', columnNames: ['program_id', 'code'], isUnique: true }),
          new TableIndex({ name: 'ix_targets_activity', columnNames: ['activity_id'] }),
        ],
        foreignKeys: [
          { columnNames: ['program_id'], referencedTableName: 'programs', referencedColumnNames: ['id'] },
          { columnNames: ['activity_id'], referencedTableName: 'activities', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['targets', 'activity_units', 'activities', 'series', 'programs', 'units']) await q.dropTable(t);
  }
}
