import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '@app/core';

/** Refresh tokens of staff sign-ins (rotated; a family per sign-in). */
export class RefreshTokens1764000001100 implements MigrationInterface {
  name = 'RefreshTokens1764000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          col.id(),
          col.int('user_id'),
          col.str('family', 36),
          col.str('token_hash', 64),
          col.int('token_version'),
          col.datetime('expires_at'),
          col.datetime('used_at', { isNullable: true }),
          col.datetime('revoked_at', { isNullable: true }),
          col.createdAt(),
        ],
        indices: [
          new TableIndex({ name: 'uq_refresh_tokens_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'ix_refresh_tokens_family', columnNames: ['family'] }),
          new TableIndex({ name: 'ix_refresh_tokens_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('refresh_tokens');
  }
}
