import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-files';

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'mysql'; url: string };

/** Typed, validated configuration. Built once at start from the environment (see DESIGN.md). */
export interface AppConfig {
  nodeEnv: string;
  port: number;
  dataDir: string;
  configDir: string;
  database: DatabaseConfig;
  redisUrl?: string;
  smtpUrl?: string;
  mailDir: string;
  mailFrom: string;
  publicBaseUrl: string;
  adminEmail?: string;
  adminPassword?: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  throttlePublicPerMinute: number;
  throttleLoginFailures: number;
  /** how long failed logins count toward the limit (15 minutes; tests shorten it) */
  throttleLoginWindowSeconds: number;
  reminderLeadHours: number;
  checkInOpensMinutesBefore: number;
  workerConcurrency: number;
  /** first retry delay of a notification after a temporary failure; doubles per attempt */
  notifyBackoffMs: number;
  /** attempts before a notification is marked failed (a permanent 5xx fails after one) */
  notifyMaxAttempts: number;
  /** how often the outbox relay looks for due rows */
  notifyPollMs: number;
  /** a queued row untouched this long is checked against the queue and re-queued if its job is gone */
  notifyRequeueAfterMs: number;
  /** worker job lock; a killed worker's jobs are redelivered after about this long */
  notifyLockMs: number;
  logLevel: string;
  /** proxies whose X-Forwarded-For is believed (proxy-addr syntax: loopback, 10.0.0.0/8, …) */
  trustProxy: string | boolean;
  importPlansOnStart: boolean;
  /** outcome imports: data rows per file (IMPORT_MAX_ROWS) */
  importMaxRows: number;
  /** outcome imports: total unpacked size of an XLSX (IMPORT_MAX_XLSX_UNPACKED_BYTES) */
  importMaxXlsxUnpackedBytes: number;
  /** outcome imports: row errors listed in the answer; the rest are counted (IMPORT_MAX_ERRORS) */
  importMaxErrors: number;
  /** hours between reconciliation runs (RECONCILE_EVERY_HOURS; 0 turns the schedule off) */
  reconcileEveryHours: number;
  /** registrations of one session gathered into one transaction (REGISTRATION_BATCH_MAX; 1 turns it off) */
  registrationBatchMax: number;
  /** how long the first of a batch waits for others (REGISTRATION_BATCH_WAIT_MS) */
  registrationBatchWaitMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment. Every problem is collected so one start
 * reports them all. Throws {@link ConfigError}.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  const dataDir = resolve(env.DATA_DIR ?? './data');

  const int = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = env[name];
    if (!raw) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const databaseUrl = url('DATABASE_URL', ['mysql:', 'mariadb:', 'sqlite:']);
  let database: DatabaseConfig;
  if (databaseUrl && !databaseUrl.startsWith('sqlite:')) {
    database = { type: 'mysql', url: databaseUrl.replace(/^mariadb:/, 'mysql:') };
  } else {
    const path = databaseUrl ? databaseUrl.replace(/^sqlite:(\/\/)?/, '') : join(dataDir, 'talent-events.sqlite');
    database = { type: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }

  const port = int('PORT', 3000, 0, 65535);
  const adminEmail = env.ADMIN_EMAIL?.trim().toLowerCase() || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail))
    problems.push('ADMIN_EMAIL is not an email address');
  if (Boolean(adminEmail) !== Boolean(adminPassword)) problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together');

  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (nodeEnv === 'production' && database.type === 'mysql') {
      problems.push('JWT_SECRET is required when NODE_ENV=production with MySQL (replicas must share it)');
    } else {
      jwtSecret = readOrCreateSecret(dataDir);
    }
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }

  const config: AppConfig = {
    nodeEnv,
    port,
    dataDir,
    configDir: resolve(env.CONFIG_DIR ?? './config'),
    database,
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailDir: join(dataDir, 'mail'),
    mailFrom: env.MAIL_FROM ?? '泉州人才活动平台 <no-reply@talent.quanzhou.example>',
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    adminEmail,
    adminPassword,
    jwtSecret,
    jwtTtlSeconds: int('JWT_TTL_SECONDS', 3600, 60, 86400),
    throttlePublicPerMinute: int('THROTTLE_PUBLIC_PER_MINUTE', 60, 1),
    throttleLoginFailures: int('THROTTLE_LOGIN_FAILURES', 5, 1),
    throttleLoginWindowSeconds: int('THROTTLE_LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    reminderLeadHours: int('REMINDER_LEAD_HOURS', 24, 1, 24 * 14),
    checkInOpensMinutesBefore: int('CHECKIN_OPENS_MINUTES_BEFORE', 120, 0, 24 * 60),
    workerConcurrency: int('WORKER_CONCURRENCY', 10, 1, 500),
    notifyBackoffMs: int('NOTIFY_BACKOFF_MS', 30_000, 10, 3_600_000),
    notifyMaxAttempts: int('NOTIFY_MAX_ATTEMPTS', 8, 1, 50),
    notifyPollMs: int('NOTIFY_POLL_MS', 1000, 20, 60_000),
    notifyRequeueAfterMs: int('NOTIFY_REQUEUE_AFTER_MS', 300_000, 500, 86_400_000),
    notifyLockMs: int('NOTIFY_LOCK_MS', 30_000, 1000, 600_000),
    trustProxy:
      env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY === 'false' ? false : (env.TRUST_PROXY ?? 'loopback'),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    importPlansOnStart: env.IMPORT_PLANS_ON_START !== 'false',
    importMaxRows: int('IMPORT_MAX_ROWS', 50_000, 1, 1_000_000),
    importMaxXlsxUnpackedBytes: int('IMPORT_MAX_XLSX_UNPACKED_BYTES', 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    importMaxErrors: int('IMPORT_MAX_ERRORS', 1000, 1, 100_000),
    reconcileEveryHours: int('RECONCILE_EVERY_HOURS', 24, 0, 24 * 30),
    registrationBatchMax: int('REGISTRATION_BATCH_MAX', 64, 1, 500),
    registrationBatchWaitMs: int('REGISTRATION_BATCH_WAIT_MS', 2, 0, 50),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The embedded default keeps one generated secret in DATA_DIR so tokens survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, '.jwt-secret');
  ensurePrivateDir(dataDir);
  if (existsSync(file)) {
    chmodSync(file, PRIVATE_FILE_MODE);
    return readFileSync(file, 'utf8').trim();
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: PRIVATE_FILE_MODE });
  return secret;
}
