import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

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
 * SQLite (embedded mode) has a single connection: transactions are serialized in-process.
 */
@Injectable()
export class TransactionService {
  private readonly logger = new Logger(TransactionService.name);
  private sqliteTail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isMysql(): boolean {
    return this.dataSource.options.type === 'mysql';
  }

  async withTransaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    if (!this.isMysql) return this.serialized(() => this.attempt(work));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(work);
      } catch (error) {
        const code =
          (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
        if (!code || !MYSQL_RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
        this.logger.debug(`retrying transaction after ${code} (attempt ${attempt})`);
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
      }
    }
  }

  private async attempt<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    const hooks: AfterCommit[] = [];
    const run = (em: EntityManager) => work({ em, afterCommit: (h) => void hooks.push(h) });
    // READ COMMITTED: every statement sees the latest commits, so counts taken after a
    // counter-row lock are exact (REPEATABLE READ would read a snapshot from before the lock)
    const result = this.isMysql
      ? await this.dataSource.transaction('READ COMMITTED', run)
      : await this.dataSource.transaction(run);
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

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.sqliteTail.then(fn, fn);
    this.sqliteTail = run.catch(() => undefined);
    return run;
  }
}
