import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '@app/core';

const session = { columnNames: ['session_id'], referencedTableName: 'sessions', referencedColumnNames: ['id'] };
const registration = (c: string) => ({
  columnNames: [c],
  referencedTableName: 'registrations',
  referencedColumnNames: ['id'],
});
const meeting = { columnNames: ['meeting_id'], referencedTableName: 'match_meetings', referencedColumnNames: ['id'] };

/** Matchmaking: settings per session, profiles, meetings, and the placement rows whose keys forbid double-booking. */
export class MatchmakingSchema1764000014000 implements MigrationInterface {
  name = 'MatchmakingSchema1764000014000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'matchmaking_settings',
        columns: [
          col.int('session_id', { isPrimary: true }),
          col.bool('enabled'),
          col.int('meeting_minutes'),
          col.datetime('first_slot_at'),
          col.int('slot_count'),
          col.int('table_count'),
          col.datetime('request_deadline'),
          col.int('max_open_requests'),
          col.int('schedule_version', { default: 0 }),
          col.datetime('updated_at'),
        ],
        foreignKeys: [session],
      }),
    );
    await q.createTable(
      new Table({
        name: 'match_profiles',
        columns: [
          col.int('registration_id', { isPrimary: true }),
          col.int('session_id'),
          col.int('participant_id'),
          col.str('side', 20),
          col.str('display_name', 200),
          col.str('organization', 200, { isNullable: true }),
          col.bool('published'),
          col.str('headline', 300, { isNullable: true }),
          col.text('tags'),
          col.text('keywords'),
          col.text('details'),
          col.int('open_requests', { default: 0 }),
          col.bool('accepts_suggested'),
          col.datetime('updated_at'),
        ],
        indices: [new TableIndex({ name: 'ix_match_profiles_side', columnNames: ['session_id', 'side', 'published'] })],
        foreignKeys: [session, registration('registration_id')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'match_meetings',
        columns: [
          col.id(),
          col.int('session_id'),
          col.int('enterprise_registration_id'),
          col.int('partner_registration_id'),
          col.int('requester_registration_id'),
          col.str('status', 12),
          col.str('message', 1000, { isNullable: true }),
          col.str('open_key', 40, { isNullable: true }),
          col.str('enterprise_result', 12, { isNullable: true }),
          col.str('partner_result', 12, { isNullable: true }),
          col.int('outcome_id', { isNullable: true }),
          col.createdAt(),
          col.datetime('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'ux_match_meetings_open', columnNames: ['session_id', 'open_key'], isUnique: true }),
          new TableIndex({ name: 'ix_match_meetings_status', columnNames: ['session_id', 'status'] }),
          new TableIndex({ name: 'ix_match_meetings_enterprise', columnNames: ['enterprise_registration_id'] }),
          new TableIndex({ name: 'ix_match_meetings_partner', columnNames: ['partner_registration_id'] }),
        ],
        foreignKeys: [
          session,
          registration('enterprise_registration_id'),
          registration('partner_registration_id'),
          registration('requester_registration_id'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'match_slots',
        columns: [
          col.int('meeting_id', { isPrimary: true }),
          col.int('session_id'),
          col.int('table_no'),
          col.int('slot_no'),
        ],
        indices: [
          new TableIndex({
            name: 'ux_match_slots_table',
            columnNames: ['session_id', 'table_no', 'slot_no'],
            isUnique: true,
          }),
        ],
        foreignKeys: [session, meeting],
      }),
    );
    await q.createTable(
      new Table({
        name: 'match_seats',
        columns: [
          col.int('session_id', { isPrimary: true }),
          col.int('registration_id', { isPrimary: true }),
          col.int('slot_no', { isPrimary: true }),
          col.int('meeting_id'),
        ],
        indices: [new TableIndex({ name: 'ix_match_seats_meeting', columnNames: ['meeting_id'] })],
        foreignKeys: [session, registration('registration_id'), meeting],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['match_seats', 'match_slots', 'match_meetings', 'match_profiles', 'matchmaking_settings']) {
      await q.dropTable(t);
    }
  }
}
