import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from '@app/core';

/**
 * The registrant's consent to the personal-data notice (个人信息保护法): which version of the
 * notice was accepted, and when. NULL for registrations made before consent was asked.
 */
export class RegistrationConsent1764000010300 implements MigrationInterface {
  name = 'RegistrationConsent1764000010300';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('registrations', [
      new TableColumn(col.str('consent_version', 40, { isNullable: true })),
      new TableColumn(col.datetime('consented_at', { isNullable: true })),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('registrations', 'consented_at');
    await q.dropColumn('registrations', 'consent_version');
  }
}
