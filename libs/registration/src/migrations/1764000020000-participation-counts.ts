import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { col } from '@app/core';
import { EXPECTED_PARTICIPATIONS_SQL } from '../counting/participation.sql';

/**
 * Distinct participants per activity (counting rules): `participations` (one row per participant
 * and kind while it holds at least one place) and `participation_totals` (the distinct count),
 * plus `registrations.checked_in_at`. Backfilled from the rows, so an existing database counts
 * right at once; check-ins are backfilled by the attendance migration that follows.
 */
export class ParticipationCounts1764000020000 implements MigrationInterface {
  name = 'ParticipationCounts1764000020000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('registrations', new TableColumn(col.datetime('checked_in_at', { isNullable: true })));
    const key = [
      col.int('activity_id', { isPrimary: true }),
      col.str('category', 20, { isPrimary: true }),
      col.str('level', 16, { isPrimary: true }),
      col.str('kind', 12, { isPrimary: true }),
    ];
    await q.createTable(
      new Table({
        name: 'participations',
        columns: [...key, col.int('participant_id', { isPrimary: true }), col.int('sessions', { default: 0 })],
      }),
    );
    await q.createTable(
      new Table({ name: 'participation_totals', columns: [...key, col.int('participants', { default: 0 })] }),
    );
    await backfillParticipations(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('participation_totals');
    await q.dropTable('participations');
    await q.dropColumn('registrations', 'checked_in_at');
  }
}

/** Rebuilds both tables from the rows (also used after check-ins are backfilled). */
export async function backfillParticipations(q: QueryRunner): Promise<void> {
  await q.query('DELETE FROM participation_totals');
  await q.query('DELETE FROM participations');
  await q.query(
    'INSERT INTO participations (activity_id, category, level, kind, participant_id, sessions) ' +
      EXPECTED_PARTICIPATIONS_SQL,
  );
  await q.query(
    'INSERT INTO participation_totals (activity_id, category, level, kind, participants) ' +
      'SELECT activity_id, category, level, kind, COUNT(*) FROM participations GROUP BY activity_id, category, level, kind',
  );
}
