import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillParticipations } from '@app/registration';

/**
 * Marks the registrations already checked in (`registrations.checked_in_at`, added by the
 * registration migration before) from the check-in rows, then rebuilds the distinct counts so
 * attendance targets count people, not check-ins, from the first start on.
 */
export class CheckedInRegistrations1764000020100 implements MigrationInterface {
  name = 'CheckedInRegistrations1764000020100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'UPDATE registrations SET checked_in_at = ' +
        '(SELECT c.checked_in_at FROM check_ins c WHERE c.registration_id = registrations.id) ' +
        'WHERE EXISTS (SELECT 1 FROM check_ins c WHERE c.registration_id = registrations.id)',
    );
    await backfillParticipations(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('UPDATE registrations SET checked_in_at = NULL');
  }
}
