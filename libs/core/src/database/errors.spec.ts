import { HttpException } from '@nestjs/common';
import Database from 'better-sqlite3';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryFailedError } from 'typeorm';
import { AppError } from '../errors/app-error';
import { classifyUnavailable, isDatabaseUnavailable, isUniqueViolation } from './errors';
import { asServiceUnavailable } from './unavailable';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

const caught = async (fn: () => unknown): Promise<unknown> => {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('classifyUnavailable', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tep-errors-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('recognises a refused MySQL connection (real mysql2 error)', async () => {
    const port = await closedPort();
    const error = await caught(() => createConnection({ host: '127.0.0.1', port, user: 'root' }));
    expect(classifyUnavailable(error)).toEqual({ dependency: 'database', reason: 'ECONNREFUSED' });
    // as TypeORM wraps a failed query
    const wrapped = new QueryFailedError('SELECT 1', [], error as Error);
    expect(classifyUnavailable(wrapped)).toEqual({ dependency: 'database', reason: 'ECONNREFUSED' });
  });

  it('recognises SQLITE_BUSY when another connection holds the write lock (real better-sqlite3 error)', () => {
    const file = join(dir, 'busy.sqlite');
    const holder = new Database(file);
    holder.pragma('journal_mode = WAL');
    holder.exec('CREATE TABLE t (x INTEGER)');
    const other = new Database(file, { timeout: 0 });
    holder.exec('BEGIN IMMEDIATE');
    try {
      const error = (() => {
        try {
          other.exec('INSERT INTO t VALUES (1)');
        } catch (e) {
          return e;
        }
      })();
      expect(classifyUnavailable(error)).toEqual({ dependency: 'database', reason: 'SQLITE_BUSY' });
    } finally {
      holder.exec('ROLLBACK');
      other.close();
      holder.close();
    }
  });

  it('recognises a closed SQLite handle', () => {
    const db = new Database(':memory:');
    db.close();
    const error = (() => {
      try {
        db.prepare('SELECT 1');
      } catch (e) {
        return e;
      }
    })();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('recognises Redis refusing commands while it is away (real ioredis error)', async () => {
    const port = await closedPort();
    const redis = new Redis(port, '127.0.0.1', { enableOfflineQueue: false, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      const error = await caught(() => redis.ping());
      expect(classifyUnavailable(error)?.dependency).toBe('redis');
    } finally {
      redis.disconnect();
    }
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['connection lost', { code: 'PROTOCOL_CONNECTION_LOST', fatal: true }, 'PROTOCOL_CONNECTION_LOST'],
    ['server shutdown', { code: 'ER_SERVER_SHUTDOWN', errno: 1053 }, 'ER_SERVER_SHUTDOWN'],
    ['connection killed (MariaDB)', { code: 'ER_CONNECTION_KILLED', errno: 1927 }, 'ER_CONNECTION_KILLED'],
    ['too many connections', { code: 'ER_CON_COUNT_ERROR', errno: 1040 }, 'ER_CON_COUNT_ERROR'],
    ['reset', { code: 'ECONNRESET' }, 'ECONNRESET'],
    ['connect timeout', { code: 'ETIMEDOUT' }, 'ETIMEDOUT'],
    ['gone away (errno only)', { errno: 2006, message: 'x' }, 'errno_2006'],
    ['gone away (message)', { message: 'MySQL server has gone away' }, 'server_gone_away'],
    ['lost during query', { message: 'Lost connection to MySQL server during query' }, 'connection_lost'],
    ['closed connection', { message: "Can't add new command when connection is in closed state" }, 'connection_closed'],
    ['pool full', { message: 'Queue limit reached.' }, 'pool_full'],
    ['pool timeout', { message: 'Timeout acquiring a connection. The pool is probably full.' }, 'pool_timeout'],
    ['SQLite locked', { code: 'SQLITE_LOCKED_SHAREDCACHE' }, 'SQLITE_LOCKED_SHAREDCACHE'],
    ['SQLite I/O', { code: 'SQLITE_IOERR_WRITE' }, 'SQLITE_IOERR_WRITE'],
    ['in a cause chain', { message: 'outer', cause: { code: 'ECONNREFUSED' } }, 'ECONNREFUSED'],
    ['a fatal mysql2 error without a known code', { code: 'SOMETHING_NEW', fatal: true }, 'SOMETHING_NEW'],
  ])('recognises %s as the database being unavailable', (_name, error, reason) => {
    expect(classifyUnavailable(Object.assign(new Error(String(error.message ?? 'e')), error))).toEqual({
      dependency: 'database',
      reason,
    });
  });

  it('leaves request and programming errors alone', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x INTEGER PRIMARY KEY)');
    db.exec('INSERT INTO t VALUES (1)');
    const duplicate = (() => {
      try {
        db.exec('INSERT INTO t VALUES (1)');
      } catch (e) {
        return e;
      }
    })();
    const syntax = (() => {
      try {
        db.exec('SELEC 1');
      } catch (e) {
        return e;
      }
    })();
    db.close();
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(classifyUnavailable(duplicate)).toBeUndefined();
    expect(classifyUnavailable(syntax)).toBeUndefined();
    for (const other of [
      { code: 'ER_DUP_ENTRY', errno: 1062 },
      { code: 'ER_LOCK_DEADLOCK', errno: 1213 },
      { code: 'ER_PARSE_ERROR', errno: 1064 },
      { code: 'ER_ACCESS_DENIED_ERROR', errno: 1045, fatal: true },
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'a string',
      null,
      undefined,
    ]) {
      expect(classifyUnavailable(other)).toBeUndefined();
    }
  });
});

describe('asServiceUnavailable', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });

  it('is a 503 with code service_unavailable, in Chinese by default, naming the dependency', () => {
    const error = asServiceUnavailable(refused)!;
    expect(error.statusCode).toBe(503);
    expect(error.message).toBe('数据库暂时不可用，请稍后重试');
    expect(error.details).toEqual([{ field: 'database', reason: 'ECONNREFUSED' }]);
    expect(error.extra).toEqual({ code: 'service_unavailable' });
  });

  it('speaks English on request and leaves other errors alone', () => {
    expect(asServiceUnavailable(refused, 'en-US,en;q=0.9')!.message).toMatch(/^The database is temporarily/);
    expect(asServiceUnavailable(refused, 'zh-CN,en;q=0.5')!.message).toMatch(/数据库/);
    expect(asServiceUnavailable(new Error('boom'))).toBeUndefined();
    // answers the application already chose stay as they are, whatever their text says
    expect(asServiceUnavailable(new HttpException('Lost connection to server', 429))).toBeUndefined();
    expect(asServiceUnavailable(new AppError(422, 'Too many connections for this session'))).toBeUndefined();
  });
});
