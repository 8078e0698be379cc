import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** What a multi-row insert does with a row whose unique key exists. */
export type OnConflict =
  | 'fail'
  /** skip it (MySQL `INSERT IGNORE`, SQLite `INSERT OR IGNORE`) */
  | 'ignore'
  /** update these columns (database names) from the new row */
  | { update: string[]; conflict: string[] };

/**
 * Many rows of one entity in one INSERT, in the caller's transaction. On MySQL the statement is
 * built here from the entity's column metadata: TypeORM's insert builder spends time quadratic in
 * the number of parameters on its own bookkeeping, which dominated a batch of registrations. A
 * value left undefined takes the column's DEFAULT; JSON columns are serialized; Dates go to mysql2,
 * which writes them in the pool's time zone (UTC). SQLite keeps TypeORM's builder.
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
  onConflict: OnConflict = 'fail',
): Promise<void> {
  if (rows.length === 0) return;
  if (em.connection.options.type !== 'mysql') {
    const qb = em.createQueryBuilder().insert().into(target).values(rows).updateEntity(false);
    if (onConflict === 'ignore') qb.orIgnore();
    else if (onConflict !== 'fail') qb.orUpdate(onConflict.update, onConflict.conflict);
    await qb.execute();
    return;
  }
  const meta = em.connection.getMetadata(target);
  const columns = meta.columns.filter((c) => !c.isGenerated);
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = columns.map((column) => {
      const value = column.getEntityValue(row as ObjectLiteral);
      if (value === undefined) return 'DEFAULT';
      params.push(value !== null && column.type === 'simple-json' ? JSON.stringify(value) : value);
      return '?';
    });
    return `(${cells.join(', ')})`;
  });
  const names = columns.map((c) => `\`${c.databaseName}\``).join(', ');
  let sql = `INSERT${onConflict === 'ignore' ? ' IGNORE' : ''} INTO \`${meta.tableName}\` (${names}) VALUES ${tuples.join(', ')}`;
  if (typeof onConflict === 'object') {
    sql += ` ON DUPLICATE KEY UPDATE ${onConflict.update.map((c) => `\`${c}\` = VALUES(\`${c}\`)`).join(', ')}`;
  }
  await em.query(sql, params);
}
