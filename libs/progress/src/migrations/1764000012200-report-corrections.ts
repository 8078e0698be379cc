import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '@app/core';

/**
 * One report per target, unit and period, with its history. Earlier duplicates become the
 * history of the newest row of their key (filed, then corrected in id order), then go.
 */
export class ReportCorrections1764000012200 implements MigrationInterface {
  name = 'ReportCorrections1764000012200';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('progress_reports', [
      new TableColumn({ name: 'updated_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'revision', type: 'integer', default: 1 }),
      new TableColumn({ name: 'withdrawn_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'withdrawn_by', type: 'integer', isNullable: true }),
    ]);
    // filled by the application from now on; rows of before are stamped with their filing time
    await q.query('UPDATE progress_reports SET updated_at = created_at');
    await q.createTable(
      new Table({
        name: 'progress_report_revisions',
        columns: [
          col.id(),
          col.int('report_id'),
          col.int('revision'),
          col.str('action', 16),
          { name: 'value', type: 'double' },
          col.text('note', { isNullable: true }),
          col.str('evidence', 1000, { isNullable: true }),
          col.int('actor_id'),
          col.datetime('at'),
        ],
        indices: [
          new TableIndex({
            name: 'ux_progress_report_revisions',
            columnNames: ['report_id', 'revision'],
            isUnique: true,
          }),
        ],
        foreignKeys: [
          { columnNames: ['report_id'], referencedTableName: 'progress_reports', referencedColumnNames: ['id'] },
        ],
      }),
    );
    const rows: {
      id: number;
      target_id: number;
      unit_id: number;
      period_label: string;
      value: number;
      note: string | null;
      evidence: string | null;
      reported_by: number;
      created_at: Date | string;
    }[] = await q.query('SELECT * FROM progress_reports ORDER BY id');
    const byKey = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${r.target_id}/${r.unit_id}/${r.period_label}`;
      byKey.set(key, [...(byKey.get(key) ?? []), r]);
    }
    for (const list of byKey.values()) {
      const keep = list.at(-1)!;
      for (const [i, r] of list.entries()) {
        await q.query(
          'INSERT INTO progress_report_revisions (report_id, revision, action, value, note, evidence, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [keep.id, i + 1, i === 0 ? 'filed' : 'corrected', r.value, r.note, r.evidence, r.reported_by, r.created_at],
        );
      }
      await q.query('UPDATE progress_reports SET revision = ? WHERE id = ?', [list.length, keep.id]);
      for (const r of list.slice(0, -1)) await q.query('DELETE FROM progress_reports WHERE id = ?', [r.id]);
    }
    await q.createIndex(
      'progress_reports',
      new TableIndex({
        name: 'ux_progress_reports_key',
        columnNames: ['target_id', 'unit_id', 'period_label'],
        isUnique: true,
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('progress_reports', 'ux_progress_reports_key');
    await q.dropTable('progress_report_revisions');
    for (const c of ['updated_at', 'revision', 'withdrawn_at', 'withdrawn_by'])
      await q.dropColumn('progress_reports', c);
  }
}
