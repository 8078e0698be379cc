import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { ensurePrivateDir, ensurePrivateFile } from '../config/private-files';

/** Entity and migration classes, listed explicitly (no globs: the same list works in ts-jest and dist). */
export interface SchemaParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

/**
 * One place that turns configuration into TypeORM options for both engines.
 * `synchronize` is always off: the schema comes from migrations only.
 */
export function buildDataSourceOptions(db: DatabaseConfig, parts: SchemaParts): DataSourceOptions {
  const common = {
    entities: parts.entities,
    migrations: parts.migrations,
    synchronize: false,
    migrationsRun: false,
    logging: false as const,
  };
  if (db.type === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      url: db.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      // a server that does not answer fails a connect in 5 s (the request gets a 503), not 10
      connectTimeout: 5000,
      // a pool large enough for bursts at opening time; transactions are short. Connections the
      // server closed (restart, outage) leave the pool on their error and new ones are opened on
      // demand, so the pool recovers by itself; keep-alive finds half-open sockets.
      extra: {
        connectionLimit: 20,
        waitForConnections: true,
        queueLimit: 0,
        enableKeepAlive: true,
        keepAliveInitialDelay: 10_000,
      },
      poolSize: 20,
      // mysql2's long stack traces capture a stack on every query (about 2.5 % of the API's CPU
      // under load); TypeORM throws its own QueryFailedError with the awaiting callers anyway
      trace: false,
      supportBigNumbers: true,
      bigNumberStrings: false,
    };
  }
  if (db.path !== ':memory:') {
    // created 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode
    ensurePrivateDir(dirname(db.path));
    ensurePrivateFile(db.path);
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.path,
    // WAL lets readers proceed while a write transaction is open
    prepareDatabase: (sqlite: { pragma(s: string): unknown }) => {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('foreign_keys = ON');
    },
  };
}

export function createDataSource(db: DatabaseConfig, parts: SchemaParts): DataSource {
  return new DataSource(buildDataSourceOptions(db, parts));
}
