import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from '../database/schema';

export class IdempotencySchema1764000000500 implements MigrationInterface {
  name = 'IdempotencySchema1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          col.str('scope', 100, { isPrimary: true }),
          col.str('idem_key', 200, { isPrimary: true }),
          col.str('request_hash', 64),
          col.int('status_code', { isNullable: true }),
          col.text('response', { isNullable: true }),
          col.createdAt(),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('idempotency_keys');
  }
}
