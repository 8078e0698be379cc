import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Row count and a content hash of every table: what "nothing was written" is checked against. */
export async function hashTables(ds: DataSource): Promise<Record<string, string>> {
  const mysql = ds.options.type === 'mysql' || ds.options.type === 'mariadb';
  const tables: string[] = mysql
    ? ((await ds.query('SHOW TABLES')) as Record<string, string>[]).map((r) => Object.values(r)[0]!)
    : (
        (await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) as {
          name: string;
        }[]
      ).map((r) => r.name);
  const out: Record<string, string> = {};
  for (const table of tables.sort()) {
    const q = mysql ? `SELECT * FROM \`${table}\`` : `SELECT * FROM "${table}"`;
    const rows = ((await ds.query(q)) as unknown[]).map((r) => JSON.stringify(r)).sort();
    out[table] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

/** Waits until background work (the outbox relay) has settled: two equal hashes in a row. */
export async function settledHash(ds: DataSource, timeoutMs = 15_000): Promise<Record<string, string>> {
  const until = Date.now() + timeoutMs;
  let last = await hashTables(ds);
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const next = await hashTables(ds);
    if (JSON.stringify(next) === JSON.stringify(last) || Date.now() > until) return next;
    last = next;
  }
}
