import { DataSource } from 'typeorm';

/**
 * Applies pending migrations. On MySQL several API processes may start at once, so the
 * run is serialized with a named lock; TypeORM itself has no migration lock.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  return withStartupLock(dataSource, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  });
}

/** Runs `work` while holding a database-wide named lock (MySQL); SQLite is single-process. */
export async function withStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'mysql') return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query(`SELECT GET_LOCK('tep_startup', 120) AS got`)) as { got: number }[];
    if (Number(row?.got) !== 1) throw new Error('Could not acquire the startup lock within 120 s');
    try {
      return await work();
    } finally {
      await runner.query(`SELECT RELEASE_LOCK('tep_startup')`);
    }
  } finally {
    await runner.release();
  }
}
