import { DataSource, EntityManager } from 'typeorm';
import { affected } from './sql';

/**
 * A counter or tally column that caches a count of rows, and the query that recounts it.
 * `expectedSql` selects the key columns (same names) and the count as `n`.
 */
export interface CountCheck {
  /** e.g. `session_quotas.confirmed` */
  name: string;
  table: string;
  keys: string[];
  value: string;
  expectedSql: string;
  /** what to do when the rows count something the table has no line for */
  missing: 'insert' | 'skip';
  /** a line whose true count is 0 is deleted rather than set to 0 (a line exists only while ≥ 1) */
  deleteZero?: boolean;
}

export interface Repair {
  check: string;
  key: Record<string, string>;
  from: number;
  to: number;
}

type Row = Record<string, unknown>;
const keyOf = (keys: string[], r: Row) => keys.map((k) => String(r[k])).join('\u0000');

/**
 * Recounts one cached count from the rows and repairs the lines that drifted. A repair is a
 * conditional write (`… WHERE value = <the value seen>`): a line that moved meanwhile is left for
 * the next run instead of being overwritten with a count that may already be stale.
 */
export async function reconcileCount(db: DataSource, check: CountCheck): Promise<Repair[]> {
  const [actualRows, expectedRows] = await Promise.all([
    db.query(`SELECT ${[...check.keys, check.value].join(', ')} FROM ${check.table}`) as Promise<Row[]>,
    db.query(check.expectedSql) as Promise<Row[]>,
  ]);
  const actual = new Map(actualRows.map((r) => [keyOf(check.keys, r), r]));
  const expected = new Map(expectedRows.map((r) => [keyOf(check.keys, r), r]));
  const repairs: Repair[] = [];
  await db.transaction(async (em) => {
    for (const [k, row] of actual) {
      const from = Number(row[check.value]);
      const to = Number(expected.get(k)?.n ?? 0);
      if (from === to) continue;
      if (await fix(em, check, row, from, to)) repairs.push(repair(check, row, from, to));
    }
    if (check.missing === 'skip') return;
    for (const [k, row] of expected) {
      const to = Number(row.n);
      if (actual.has(k) || to === 0) continue;
      const cols = [...check.keys, check.value];
      const inserted = await affected(
        em,
        `INSERT INTO ${check.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
        [...check.keys.map((c) => row[c]), to],
      ).catch(() => 0); // a line created meanwhile: the next run compares it
      if (inserted) repairs.push(repair(check, row, 0, to));
    }
  });
  return repairs;
}

async function fix(em: EntityManager, check: CountCheck, row: Row, from: number, to: number): Promise<boolean> {
  const where = `${check.keys.map((c) => `${c} = ?`).join(' AND ')} AND ${check.value} = ?`;
  const params = [...check.keys.map((c) => row[c]), from];
  const n =
    to === 0 && check.deleteZero
      ? await affected(em, `DELETE FROM ${check.table} WHERE ${where}`, params)
      : await affected(em, `UPDATE ${check.table} SET ${check.value} = ? WHERE ${where}`, [to, ...params]);
  return n > 0;
}

const repair = (check: CountCheck, row: Row, from: number, to: number): Repair => ({
  check: check.name,
  key: Object.fromEntries(check.keys.map((c) => [c, String(row[c])])),
  from,
  to,
});
