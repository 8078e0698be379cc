import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, LessThanOrEqual } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig, insertRows, TransactionService } from '@app/core';
import { mailDomain } from './mail.transport';
import { NotificationEntity } from './notification.entity';
import type { NewNotification, NotificationStatus, NotificationType, PendingFilter } from './notification.types';

/** Rows per multi-row INSERT: well under MySQL's packet and SQLite's variable limits. */
export const INSERT_CHUNK = 500;

export interface NotificationFilter {
  status?: NotificationStatus;
  type?: NotificationType;
  registrationId?: number;
}

export interface FailureRecord {
  status: 'pending' | 'queued' | 'failed';
  lastError: string;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
}

/**
 * Every statement on the `notifications` table. State changes are conditional updates so
 * several relays and workers can run at once without read-then-write races.
 */
@Injectable()
export class NotificationRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Inserts in the caller's transaction, skipping rows whose dedupe key exists
   * (INSERT IGNORE / INSERT OR IGNORE), in chunks of {@link INSERT_CHUNK}.
   */
  async insertMany(em: EntityManager, rows: NewNotification[], now: Date): Promise<void> {
    const domain = mailDomain(this.config.mailFrom);
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const values = rows.slice(i, i + INSERT_CHUNK).map((n) => {
        // INSERT IGNORE turns MySQL's "too long" errors into silent truncation: a cut dedupe key
        // could swallow another event's message, so over-long keys are the caller's bug
        if (n.dedupeKey.length === 0 || n.dedupeKey.length > 191) {
          throw new Error(`notification dedupeKey must be 1..191 characters (got ${n.dedupeKey.length})`);
        }
        if (n.recipientEmail.length > 254) throw new Error('notification recipientEmail is longer than 254 characters');
        const due = n.dueAt ?? now;
        return {
          type: n.type,
          dedupeKey: n.dedupeKey,
          recipientEmail: n.recipientEmail,
          recipientName: n.recipientName.slice(0, 200),
          locale: n.locale,
          registrationId: n.registrationId ?? null,
          sessionId: n.sessionId ?? null,
          payload: n.facts,
          status: 'pending' as const,
          attempts: 0,
          dueAt: due,
          nextAttemptAt: due,
          createdAt: now,
          // random, fixed with the row: unique across installations, the same on every retry
          messageId: `<${randomUUID()}@${domain}>`,
        };
      });
      await insertRows(em, NotificationEntity, values, 'ignore');
    }
  }

  /** Ids of pending rows that are due, oldest first. */
  async findDue(now: Date, limit: number): Promise<number[]> {
    const rows = await this.repo().find({
      select: { id: true },
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  /** Ids of queued rows whose lease ran out: their job or their in-process sender may be gone. */
  async findStale(now: Date, limit: number): Promise<number[]> {
    const rows = await this.repo().find({
      select: { id: true },
      where: { status: 'queued', lockedUntil: LessThan(now) },
      order: { lockedUntil: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  /**
   * Claims rows for one relay: `from` → queued with the token and a lease. Rows another relay
   * claimed first do not match the condition; the ids returned are the ones this call won.
   */
  async claim(ids: number[], from: 'pending' | 'stale', token: string, now: Date, leaseUntil: Date): Promise<number[]> {
    if (ids.length === 0) return [];
    await this.write(async (em) => {
      const qb = em
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ status: 'queued', claimToken: token, lockedUntil: leaseUntil, queuedAt: now })
        .where('id IN (:...ids)', { ids })
        .andWhere('status = :status', { status: from === 'pending' ? 'pending' : 'queued' });
      if (from === 'stale') qb.andWhere('locked_until < :now', { now });
      await qb.execute();
    });
    const won = await this.repo().find({ select: { id: true }, where: { id: In(ids), claimToken: token } });
    return won.map((r) => r.id).sort((a, b) => a - b);
  }

  /** Gives claimed rows back (the queue refused them); rows a worker finished meanwhile are left alone. */
  async release(ids: number[], token: string): Promise<void> {
    if (ids.length === 0) return;
    await this.write((em) =>
      em
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ status: 'pending', claimToken: null, lockedUntil: null })
        .where('id IN (:...ids)', { ids })
        .andWhere('claim_token = :token', { token })
        .andWhere("status = 'queued'")
        .execute(),
    );
  }

  /** Pushes the lease of queued rows forward (their jobs exist and are waiting their turn). */
  async extendLease(ids: number[], until: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.write((em) =>
      em
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ lockedUntil: until })
        .where('id IN (:...ids)', { ids })
        .andWhere("status = 'queued'")
        .execute(),
    );
  }

  findOne(id: number): Promise<NotificationEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** Rows by id in one statement; missing ids are absent. */
  findMany(ids: number[]): Promise<NotificationEntity[]> {
    return this.repo().findBy({ id: In(ids) });
  }

  /** {@link recordSent} for many deliveries in one statement (one commit for the lot). */
  async recordSentMany(sent: { id: number; messageId: string }[], now: Date): Promise<void> {
    if (sent.length === 0) return;
    const ids = sent.map((s) => s.id);
    await this.write((em) =>
      em
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({
          status: 'sent',
          attempts: () => 'attempts + 1',
          messageId: () => `CASE id ${sent.map((_, i) => `WHEN :id${i} THEN :mid${i}`).join(' ')} END`,
          sentAt: now,
          lastAttemptAt: now,
          claimToken: null,
          lockedUntil: null,
        })
        .where('id IN (:...ids)', { ids })
        .andWhere("status <> 'sent'")
        .setParameters(
          Object.fromEntries(
            sent.flatMap((s, i) => [
              [`id${i}`, s.id],
              [`mid${i}`, s.messageId],
            ]),
          ),
        )
        .execute(),
    );
  }

  /** Records a delivery. Counts the attempt; the row is never sent twice by the relay again. */
  recordSent(id: number, messageId: string, now: Date): Promise<void> {
    return this.recordSentMany([{ id, messageId }], now);
  }

  /** Records a failed attempt (counted) and what happens next. */
  async recordFailure(id: number, f: FailureRecord, now: Date): Promise<void> {
    await this.write((em) =>
      em
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({
          status: f.status,
          attempts: () => 'attempts + 1',
          lastError: f.lastError.slice(0, 2000),
          lastAttemptAt: now,
          nextAttemptAt: f.nextAttemptAt,
          lockedUntil: f.lockedUntil,
          ...(f.status === 'queued' ? {} : { claimToken: null }),
        })
        .where('id = :id', { id })
        .andWhere("status <> 'sent'")
        .execute(),
    );
  }

  /** pending → cancelled for the rows of a session and/or registration, in the caller's transaction. */
  async cancelPending(em: EntityManager, filter: PendingFilter): Promise<number> {
    if (!filter.sessionId && !filter.registrationId)
      throw new Error('cancelPending needs a sessionId or a registrationId');
    const qb = em
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ status: 'cancelled', claimToken: null, lockedUntil: null })
      .where("status = 'pending'");
    if (filter.sessionId) qb.andWhere('session_id = :sessionId', { sessionId: filter.sessionId });
    if (filter.registrationId)
      qb.andWhere('registration_id = :registrationId', { registrationId: filter.registrationId });
    if (filter.types?.length) qb.andWhere('type IN (:...types)', { types: filter.types });
    const result = await qb.execute();
    return result.affected ?? 0;
  }

  /** failed → pending with attempts reset. Returns false when the row was not failed (anymore). */
  async resetFailed(id: number, now: Date): Promise<boolean> {
    const result = await this.write((em) =>
      em
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: now, claimToken: null, lockedUntil: null })
        .where('id = :id', { id })
        .andWhere("status = 'failed'")
        .execute(),
    );
    return (result.affected ?? 0) > 0;
  }

  async list(filter: NotificationFilter, page: number, pageSize: number): Promise<[NotificationEntity[], number]> {
    const where = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.type ? { type: filter.type } : {}),
      ...(filter.registrationId ? { registrationId: filter.registrationId } : {}),
    };
    return this.repo().findAndCount({ where, order: { id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
  }

  private repo() {
    return this.db.getRepository(NotificationEntity);
  }

  /**
   * Single-statement writes. MySQL runs them directly (autocommit); the embedded SQLite has one
   * connection shared with open transactions, so writes join the serialized transaction queue.
   */
  private write<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.tx.isMysql ? fn(this.db.manager) : this.tx.withTransaction(({ em }) => fn(em));
  }
}
