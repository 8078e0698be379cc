import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type DbKind = 'sqlite' | 'mysql';

/** The server tests run against; `.ci/run` makes sure it is up. */
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  kind: DbKind;
  /** value for DATABASE_URL */
  url: string;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, empty database (and data dir) for one test file; `drop` removes both. */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tep-test-'));
  if (kind === 'sqlite') {
    const url = `sqlite:${join(dataDir, 'test.sqlite')}`;
    return { kind, url, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `tep_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection(TEST_MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    kind,
    url: `${TEST_MYSQL_URL.replace(/\/$/, '')}/${name}`,
    dataDir,
    drop: async () => {
      const conn = await createConnection(TEST_MYSQL_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
