import { EntityManager } from 'typeorm';

/** `INSERT IGNORE` (MySQL) / `INSERT OR IGNORE` (SQLite): the database settles who was first. */
export const insertIgnoreInto = (em: EntityManager): string =>
  em.connection.options.type === 'mysql' ? 'INSERT IGNORE INTO' : 'INSERT OR IGNORE INTO';

/**
 * A UTC datetime literal both engines store as written and TypeORM reads back as UTC
 * (raw queries bypass TypeORM's own Date conversion; better-sqlite3 cannot bind a Date).
 */
export const sqlDateTime = (d: Date): string => d.toISOString().replace('T', ' ').replace('Z', '');

/** Runs a write statement and returns how many rows it changed, on either engine. */
export async function execute(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const own = em.queryRunner ? undefined : em.connection.createQueryRunner();
  const runner = em.queryRunner ?? own!;
  try {
    const result = (await runner.query(sql, params, true)) as { affected?: number };
    return result.affected ?? 0;
  } finally {
    await own?.release();
  }
}
