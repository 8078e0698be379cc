/** True when a write failed on a unique index (MySQL/MariaDB or SQLite). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code ?? '';
  return (
    code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT_UNIQUE') || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** A dependency the request needed and could not reach. */
export type Dependency = 'database' | 'redis';

/** Why a dependency was unreachable; the classification that turns a failure into a 503. */
export interface Unavailable {
  dependency: Dependency;
  /** the driver's code, or a short label for errors without one ("server has gone away", ...) */
  reason: string;
}

// mysql2 codes (text and errno) of a connection that is gone, refused or being shut down
const MYSQL_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'PROTOCOL_ENQUEUE_AFTER_DESTROY',
  'PROTOCOL_ENQUEUE_HANDSHAKE_TWICE',
  'ER_SERVER_SHUTDOWN', // 1053
  'ER_CON_COUNT_ERROR', // 1040: too many connections
  'ER_TOO_MANY_USER_CONNECTIONS', // 1203
  'ER_CONNECTION_KILLED', // 1927 (MariaDB): the server killed the connection while stopping
  'ER_QUERY_INTERRUPTED', // 1317: the statement was interrupted by the shutdown
  'ER_CLIENT_INTERACTION_TIMEOUT', // 4031
  'CR_SERVER_GONE_ERROR', // 2006
  'CR_SERVER_LOST', // 2013
  'CR_CONNECTION_ERROR', // 2002
  'CR_CONN_HOST_ERROR', // 2003
  'ER_NET_READ_ERROR',
  'ER_NET_READ_INTERRUPTED',
  'ER_NET_ERROR_ON_WRITE',
  'ER_NET_WRITE_INTERRUPTED',
]);
const MYSQL_ERRNOS = new Set([1040, 1053, 1203, 1317, 1927, 2002, 2003, 2006, 2013, 4031]);

// socket-level codes: the server is not there, went away, or did not answer in time
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTCONN',
  'ESHUTDOWN',
]);

// SQLite: a lock held elsewhere for longer than busy_timeout, or the file/disk failing
const SQLITE_PREFIXES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_FULL',
  'SQLITE_PROTOCOL',
];

// driver messages without a useful code (mysql2 on a closed connection, pool timeouts, TypeORM)
const DATABASE_MESSAGES: [RegExp, string][] = [
  [/server has gone away/i, 'server_gone_away'],
  [/lost connection to (mysql|mariadb|the)? ?server/i, 'connection_lost'],
  [/connection lost: the server closed the connection/i, 'connection_lost'],
  [/can't add new command when connection is in closed state/i, 'connection_closed'],
  [/pool is closed/i, 'pool_closed'],
  [/queue limit reached/i, 'pool_full'],
  [/timeout (while )?acquiring|acquire timeout|pool timeout/i, 'pool_timeout'],
  [/^connect etimedout|connection timed? ?out/i, 'connect_timeout'],
  [/too many connections/i, 'too_many_connections'],
  [/server shutdown in progress/i, 'server_shutdown'],
  [/database is locked/i, 'SQLITE_BUSY'],
  [/the database connection is not open/i, 'connection_closed'],
];

// ioredis: a command refused while the connection is down (offline queue off, retries exhausted)
const REDIS_MESSAGES: [RegExp, string][] = [
  [/connection is closed/i, 'connection_closed'],
  [/stream isn't writeable and enableOfflineQueue options is false/i, 'offline'],
  [/reached the max retries per request limit/i, 'max_retries'],
  [/^(redis ping|queue\.\w+) timed out/i, 'timeout'],
];

interface DriverErrorLike {
  name?: unknown;
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  fatal?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/**
 * The one classifier of "a dependency is unavailable" for both engines and Redis: connection
 * refused/reset/lost, the server shutting down or gone away, pool and connect timeouts, too many
 * connections, SQLite busy/locked or failing I/O, and ioredis refusing commands while offline.
 * Returns undefined for everything else (bad SQL, constraint violations, deadlocks: those are
 * answered or retried elsewhere). Looks through TypeORM's `driverError` and `cause` chains.
 */
export function classifyUnavailable(error: unknown, depth = 0): Unavailable | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  const e = error as DriverErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';

  // ioredis' own error classes, and its messages, first: its socket errors would look like a database's
  if (name === 'MaxRetriesPerRequestError') return { dependency: 'redis', reason: 'max_retries' };
  for (const [pattern, reason] of REDIS_MESSAGES) if (pattern.test(message)) return { dependency: 'redis', reason };

  if (MYSQL_CODES.has(code) || SOCKET_CODES.has(code)) return { dependency: 'database', reason: code };
  if (typeof e.errno === 'number' && MYSQL_ERRNOS.has(e.errno) && !code.startsWith('SQLITE'))
    return { dependency: 'database', reason: code || `errno_${e.errno}` };
  const sqlite = SQLITE_PREFIXES.find((p) => code.startsWith(p));
  if (sqlite) return { dependency: 'database', reason: code };
  for (const [pattern, reason] of DATABASE_MESSAGES)
    if (pattern.test(message)) return { dependency: 'database', reason };

  const inner = classifyUnavailable(e.driverError, depth + 1) ?? classifyUnavailable(e.cause, depth + 1);
  if (inner) return inner;
  // mysql2 marks errors after which its connection is unusable as fatal
  if (e.fatal === true && !code.startsWith('ER_ACCESS')) return { dependency: 'database', reason: code || 'fatal' };
  return undefined;
}

/** True when the error means the database (not the request) is the problem: answer 503, retry later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return classifyUnavailable(error)?.dependency === 'database';
}

/** Seconds a client is told to wait (Retry-After) when a dependency is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
