import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { classifyUnavailable } from './errors';

export type AfterCommit = () => void | Promise<void>;

/** What a unit of work receives: the transaction's manager and a way to act after commit. */
export interface TransactionContext {
  em: EntityManager;
  /** Runs once the transaction has committed (never on rollback or on a retried attempt). */
  afterCommit(hook: AfterCommit): void;
}

const MYSQL_RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 5;

/**
 * The one way to run a transaction. The whole unit of work is retried on deadlock, so it
 * must be free of side effects other than through `em` and `afterCommit` (jobs, events,
 * in-process delivery happen only after commit).
 *
 * A unit of work interrupted by a lost connection (a pooled connection the server closed while
 * restarting, SQLite busy) is retried once on a fresh connection, but only when it failed before
 * COMMIT was sent: then nothing was committed and a retry cannot apply it twice. A failure during
 * COMMIT is ambiguous and is not retried; the caller gets a 503 and may repeat the request (the
 * Idempotency-Key and the unique indexes make that safe).
 *
 * SQLite (embedded mode) has a single connection: transactions are serialized in-process.
 */
@Injectable()
export class TransactionService {
  private readonly logger = new Logger(TransactionService.name);
  private sqliteTail: Promise<unknown> = Promise.resolve();
  /** pooled MySQL connections already switched to READ COMMITTED */
  private readonly readCommittedConnections = new WeakSet<object>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isMysql(): boolean {
    return this.dataSource.options.type === 'mysql';
  }

  async withTransaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    if (!this.isMysql) return this.serialized(() => this.withRetries(work));
    return this.withRetries(work);
  }

  private async withRetries<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    let reconnected = false;
    for (let attempt = 1; ; attempt++) {
      const progress = { committing: false };
      try {
        return await this.attempt(work, progress);
      } catch (error) {
        const code =
          (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
        if (this.isMysql && code && MYSQL_RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) {
          this.logger.debug(`retrying transaction after ${code} (attempt ${attempt})`);
          await sleep(5 * attempt + Math.random() * 20);
          continue;
        }
        const unavailable = classifyUnavailable(error);
        if (this.isMysql && !reconnected && !progress.committing && unavailable?.dependency === 'database') {
          reconnected = true;
          this.logger.debug(`retrying transaction once after ${unavailable.reason}`);
          await sleep(20 + Math.random() * 60);
          continue;
        }
        throw error;
      }
    }
  }

  private async attempt<T>(
    work: (tx: TransactionContext) => Promise<T>,
    progress: { committing: boolean },
  ): Promise<T> {
    const hooks: AfterCommit[] = [];
    const run = async (em: EntityManager) => {
      const result = await work({ em, afterCommit: (h) => void hooks.push(h) });
      // from here on TypeORM sends COMMIT: a failure may or may not have committed
      progress.committing = true;
      return result;
    };
    const result = this.isMysql ? await this.readCommitted(run) : await this.dataSource.transaction(run);
    for (const hook of hooks) {
      try {
        await hook();
      } catch (error) {
        // the change is committed; a failed hook must not turn it into an error for the caller
        this.logger.error(`after-commit hook failed: ${(error as Error).stack ?? String(error)}`);
      }
    }
    return result;
  }

  /**
   * A MySQL transaction at READ COMMITTED: every statement sees the latest commits, so counts taken
   * after a counter-row lock are exact (REPEATABLE READ would read a snapshot from before the
   * lock). The level is set once per pooled connection, not before every transaction.
   */
  private async readCommitted<T>(run: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const connection = (runner as unknown as { databaseConnection?: object }).databaseConnection;
      if (!connection || !this.readCommittedConnections.has(connection)) {
        await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
        if (connection) this.readCommittedConnections.add(connection);
      }
      await runner.startTransaction();
      try {
        const result = await run(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        // the original error is the caller's; a failed rollback adds nothing to it
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.sqliteTail.then(fn, fn);
    this.sqliteTail = run.catch(() => undefined);
    return run;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
