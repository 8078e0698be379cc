import { EntityManager } from 'typeorm';

/** `INSERT IGNORE` (MySQL) / `INSERT OR IGNORE` (SQLite): the database settles who was first. */
export const insertIgnoreInto = (em: EntityManager): string =>
  em.connection.options.type === 'mysql' ? 'INSERT IGNORE INTO' : 'INSERT OR IGNORE INTO';

/** Runs a write statement in the caller's transaction and returns how many rows it changed. */
export async function affected(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const own = em.queryRunner ? undefined : em.connection.createQueryRunner();
  const runner = em.queryRunner ?? own!;
  try {
    const result = (await runner.query(sql, params, true)) as { affected?: number };
    return result.affected ?? 0;
  } finally {
    await own?.release();
  }
}
