import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, classifyUnavailable, GroupCommitter } from '@app/core';
import { NotificationEntity } from './notification.entity';
import { classifySendError, FailureKind, MailTransport } from './mail.transport';
import { NotificationRepository } from './notification.repository';
import { renderNotification } from './templates/render';

/** Deliveries whose row loads and sent marks share one statement, at most (see {@link GroupCommitter}). */
const COALESCE_MAX = 100;
const COALESCE_WAIT_MS = 2;

/** The longest wait between two attempts, however many have failed. */
const MAX_BACKOFF_MS = 3_600_000;

export type DeliveryResult =
  | { kind: 'sent'; messageId: string }
  /** nothing to do: already sent, failed for good, withdrawn, or no such row */
  | { kind: 'skipped'; reason: 'sent' | 'failed' | 'cancelled' | 'missing' }
  /** a temporary failure; try again after `delayMs` */
  | { kind: 'retry'; delayMs: number; error: string }
  /** failed for good: a permanent rejection, or attempts used up */
  | { kind: 'failed'; permanent: boolean; error: string };

/** How a retry is scheduled: by BullMQ (row stays queued) or by the relay (row back to pending). */
export type RetryMode = 'queue' | 'relay';

/** Exponential backoff: base, 2×base, 4×base, … capped at an hour. */
export function backoffDelay(baseMs: number, attempts: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

const describe = (error: unknown): string => {
  const e = error as { message?: string; responseCode?: number; code?: string };
  const prefix = [e.code, e.responseCode].filter(Boolean).join(' ');
  return `${prefix ? `${prefix}: ` : ''}${e.message ?? String(error)}`;
};

/**
 * Delivers one notification by id: the one code path of the BullMQ worker and of the
 * in-process relay. Reloads the row (never trusts the job), skips what is already settled,
 * renders from the stored facts, sends, and records the outcome on the row.
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  /** Rows loaded for deliveries running at the same time, in one statement. */
  private readonly loads: GroupCommitter<number, NotificationEntity | null>;
  /** Deliveries accepted at about the same time, recorded in one statement. */
  private readonly marks: GroupCommitter<{ id: number; messageId: string }, void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rows: NotificationRepository,
    private readonly transport: MailTransport,
  ) {
    const options = { maxBatch: COALESCE_MAX, maxWaitMs: COALESCE_WAIT_MS };
    this.loads = new GroupCommitter(
      options,
      async (ids) => {
        const found = new Map((await rows.findMany(ids)).map((r) => [r.id, r]));
        return ids.map((id) => ({ kind: 'done', value: found.get(id) ?? null }));
      },
      (id) => rows.findOne(id),
    );
    this.marks = new GroupCommitter(
      options,
      async (sent) => {
        await rows.recordSentMany(sent, new Date());
        return sent.map(() => ({ kind: 'done', value: undefined }));
      },
      ({ id, messageId }) => rows.recordSent(id, messageId, new Date()),
      // the database is away: every mark would fail alone too (the job is retried, the mail may repeat)
      (error) => classifyUnavailable(error) !== undefined,
    );
  }

  /**
   * Invariant: a row reaches `sent` only after the mail transport accepted the message, and
   * `failed` only after a permanent rejection or `notifyMaxAttempts` counted attempts.
   * A crash between sending and recording leaves the row unsent, so it may go out again —
   * with the same Message-ID.
   */
  async deliver(id: number, retryMode: RetryMode): Promise<DeliveryResult> {
    const row = await this.loads.submit('rows', id);
    if (!row) return { kind: 'skipped', reason: 'missing' };
    if (row.status !== 'pending' && row.status !== 'queued') return { kind: 'skipped', reason: row.status };

    let mail: Awaited<ReturnType<typeof renderNotification>>;
    try {
      mail = await renderNotification(
        { id: row.id, type: row.type, locale: row.locale, facts: row.payload, createdAt: row.createdAt },
        this.transport.mailDomain,
        this.transport.senderAddress,
      );
    } catch (error) {
      // bad facts are our bug, not the server's: trying again cannot help
      return this.recordFailure(row.id, row.attempts + 1, error, 'permanent', retryMode);
    }
    let messageId: string;
    try {
      messageId = await this.transport.send({
        notificationId: row.id,
        messageId: row.messageId,
        to: { name: row.recipientName, address: row.recipientEmail },
        ...mail,
      });
    } catch (error) {
      return this.recordFailure(row.id, row.attempts + 1, error, classifySendError(error), retryMode);
    }
    // the job completes only once the row says sent, as before; only the statement is shared
    await this.marks.submit('sent', { id: row.id, messageId });
    return { kind: 'sent', messageId };
  }

  private async recordFailure(
    id: number,
    attempts: number,
    error: unknown,
    kind: FailureKind,
    retryMode: RetryMode,
  ): Promise<DeliveryResult> {
    const now = new Date();
    const message = describe(error);
    const permanent = kind === 'permanent';
    if (permanent || attempts >= this.config.notifyMaxAttempts) {
      await this.rows.recordFailure(
        id,
        { status: 'failed', lastError: message, nextAttemptAt: now, lockedUntil: null },
        now,
      );
      this.logger.warn(`notification ${id} failed after ${attempts} attempt(s): ${message}`);
      return { kind: 'failed', permanent, error: message };
    }
    const delayMs = backoffDelay(this.config.notifyBackoffMs, attempts);
    const next = new Date(now.getTime() + delayMs);
    await this.rows.recordFailure(
      id,
      retryMode === 'queue'
        ? // the job waits in BullMQ; the lease covers the wait so the relay leaves it alone
          {
            status: 'queued',
            lastError: message,
            nextAttemptAt: next,
            lockedUntil: new Date(next.getTime() + this.config.notifyRequeueAfterMs),
          }
        : { status: 'pending', lastError: message, nextAttemptAt: next, lockedUntil: null },
      now,
    );
    this.logger.debug(`notification ${id} attempt ${attempts} failed, retry in ${delayMs} ms: ${message}`);
    return { kind: 'retry', delayMs, error: message };
  }
}
