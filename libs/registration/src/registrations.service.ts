import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  APP_CONFIG,
  AppConfig,
  AppError,
  classifyUnavailable,
  GroupCommitter,
  hashRequest,
  IdempotencyService,
  isUniqueViolation,
  notFound,
  Page,
  TransactionContext,
  TransactionService,
  unprocessable,
} from '@app/core';
import { CatalogService } from '@app/catalog';
import { NotificationsService, NotificationType } from '@app/notifications';
import { ACTIVE_STATUSES, RegistrationEntity, RegistrationStatus, SessionEntity, SessionQuotaEntity } from './entities';
import { CreateRegistrationDto, Locale, RegistrationListQuery } from './dto/registration.dto';
import { NormalizedRegistration, normalizeRegistration } from './dto/profile.validator';
import { BatchItem, RegistrationBatch } from './group-commit/registration-batch';
import { SessionChanged } from './group-commit/batch-rows';
import { kindOfStatus } from './counting/participation.sql';
import { ParticipationCounter, placeOf } from './counting/participation.counter';
import { ParticipantsService } from './participants.service';
import { lockCategory, QuotaCounters } from './quota.counters';
import { RegistrationNotifier } from './registration.notifier';
import { newRegistrationRow } from './registration.row';
import { alreadyRegistered, categoryNotOffered, sessionFull } from './registration.errors';
import { RegistrationCreated, registrationListItem, registrationView } from './registration.views';
import { REFUSAL_MAX_AGE_MS, SessionsService } from './sessions.service';
import { Waitlist } from './waitlist';

export interface RegisterOptions {
  channel?: 'online' | 'walk_in';
  /** a walk-in let in by someone who may approve (an organizer of the activity): no approval step */
  approvedAtDoor?: boolean;
  idempotencyKey?: string;
  acceptLanguage?: string;
  now?: Date;
}

const CREATED_MESSAGE: Record<string, NotificationType> = {
  confirmed: 'registration_confirmed',
  pending_approval: 'registration_pending',
  waitlisted: 'registration_waitlisted',
};

/**
 * Registrations against quotas. Invariants:
 * - confirmed + pending never exceed a category's capacity (atomic counter UPDATE, any number of processes);
 * - a participant has at most one active registration per session (unique index);
 * - every accepted change and the message it owes commit together (outbox row in the same transaction);
 * - a freed seat goes to the head of the waitlist in the same transaction.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly idempotency: IdempotencyService,
    private readonly catalog: CatalogService,
    private readonly sessions: SessionsService,
    private readonly participants: ParticipantsService,
    private readonly notifier: RegistrationNotifier,
    private readonly waitlist: Waitlist,
    private readonly outbox: NotificationsService,
    batch: RegistrationBatch,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.batches = new GroupCommitter<BatchItem, RegistrationCreated>(
      { maxBatch: config.registrationBatchMax, maxWaitMs: config.registrationBatchWaitMs },
      (items) =>
        batch.write(items).catch((error: unknown) => {
          // the next requests read the changed session again; these go alone, which reads it now
          if (error instanceof SessionChanged) this.sessions.forgetRecent(error.sessionId);
          throw error;
        }),
      (item) =>
        this.registerAlone(item.session.id, item.dto, item.norm, {
          idempotencyKey: item.idempotencyKey,
          acceptLanguage: item.locale === 'en' ? 'en' : undefined,
        }),
      // the database is down: every item would get the same 503 alone
      (error) => classifyUnavailable(error) !== undefined,
    );
  }

  /** Online registrations on MySQL, gathered per activity into one transaction each (see RegistrationBatch). */
  private readonly batches: GroupCommitter<BatchItem, RegistrationCreated>;

  /**
   * Registers for a session: confirmed, pending_approval (holds a seat) or waitlisted.
   * Validation (400) and window/category/fullness (422) problems write nothing.
   */
  async register(
    sessionId: number,
    dto: CreateRegistrationDto,
    opts: RegisterOptions = {},
  ): Promise<RegistrationCreated> {
    const norm = normalizeRegistration(dto);
    const channel = opts.channel ?? 'online';
    if (!this.tx.isMysql || channel !== 'online') return this.registerAlone(sessionId, dto, norm, opts);
    // group commit: the session may be seconds old here; the batch checks it under its lock, and a
    // refusal is made only on a read at most a second old (the session may have reopened meanwhile)
    const now = opts.now ?? new Date();
    let session = await this.sessions.getRecentSession(sessionId);
    try {
      assertOpen(session, channel, now);
    } catch {
      session = await this.sessions.getRecentSession(sessionId, REFUSAL_MAX_AGE_MS);
      assertOpen(session, channel, now);
    }
    const item: BatchItem = {
      session,
      activityTitle: await this.catalog.activityTitle(session.activityId),
      dto,
      norm,
      locale: localeOf(dto, opts),
      idempotencyKey: opts.idempotencyKey,
      requestHash: opts.idempotencyKey ? hashRequest(dto) : undefined,
    };
    return this.batches.submit(String(session.activityId), item);
  }

  /** One registration in its own transaction: SQLite, walk-ins, and what a batch leaves to it. */
  private async registerAlone(
    sessionId: number,
    dto: CreateRegistrationDto,
    norm: NormalizedRegistration,
    opts: RegisterOptions,
  ): Promise<RegistrationCreated> {
    const session = await this.sessions.getSession(sessionId);
    assertOpen(session, opts.channel ?? 'online', opts.now ?? new Date());
    const activityTitle = await this.catalog.activityTitle(session.activityId);
    const locale = localeOf(dto, opts);
    const scope = `registration:${sessionId}`;
    const needsApproval = session.requiresApproval && !(opts.channel === 'walk_in' && opts.approvedAtDoor);

    try {
      return await this.tx.withTransaction(async (tx) => {
        const { em } = tx;
        if (opts.idempotencyKey) {
          const prior = await this.idempotency.claim(em, scope, opts.idempotencyKey, hashRequest(dto));
          if (prior) return prior.body as RegistrationCreated;
        }
        const participantId = await this.participants.upsert(em, {
          identityKey: norm.identityKey,
          category: dto.category,
          name: dto.name,
          email: dto.email,
          phone: norm.phone,
          idNumber: norm.idNumber,
          locale,
          profile: norm.profile,
        });
        // no pre-check for a duplicate: the unique (session, active_key) index answers it below

        const { nonce, token } = this.notifier.tokens.issue();
        const now = new Date();
        const reg = newRegistrationRow({
          sessionId,
          participantId,
          dto,
          norm,
          locale,
          // a walk-in admitted at the door by an organizer: that is the approval (check-in staff
          // cannot approve, so theirs waits like an online registration)
          status: needsApproval ? 'pending_approval' : 'confirmed',
          waitlistSeq: null,
          tokenNonce: nonce,
          channel: opts.channel ?? 'online',
          now,
        });
        await em.insert(RegistrationEntity, reg as QueryDeepPartialEntity<RegistrationEntity>);

        // the counter UPDATE comes after the inserts, so its row lock is held as briefly as possible
        const counters = new QuotaCounters(em);
        let waitlistPosition: number | undefined;
        if (!(await counters.take(sessionId, dto.category, needsApproval ? 'pending' : 'confirmed'))) {
          const ticket =
            session.waitlistEnabled && reg.channel !== 'walk_in'
              ? await counters.joinWaitlist(sessionId, dto.category)
              : undefined;
          if (!ticket) throw await this.whyNoSeat(em, sessionId, dto.category, session.waitlistEnabled);
          reg.waitlistSeq = ticket.seq;
          reg.status = 'waitlisted';
          await em.update(RegistrationEntity, reg.id, { status: reg.status, waitlistSeq: reg.waitlistSeq });
          waitlistPosition = ticket.position;
        }

        await new ParticipationCounter(em).move(placeOf(reg, session), null, kindOfStatus(reg.status));
        await this.notifier.registrationEvent(tx, CREATED_MESSAGE[reg.status]!, reg, session, activityTitle, {
          waitlistPosition,
        });
        const body: RegistrationCreated = {
          id: reg.id,
          status: reg.status,
          ...(waitlistPosition !== undefined ? { waitlistPosition } : {}),
          manageToken: token,
        };
        if (opts.idempotencyKey) {
          await this.idempotency.complete(em, scope, opts.idempotencyKey, { statusCode: HttpStatus.CREATED, body });
        }
        return body;
      });
    } catch (error) {
      // a concurrent twin got in first: answer like the sequential case
      if (isUniqueViolation(error)) {
        const participantId = await this.participants.findId(this.db.manager, norm.identityKey);
        if (participantId) await this.assertNotRegistered(this.db.manager, sessionId, participantId);
      }
      throw error;
    }
  }

  /** Registrations by id, in one query; missing ids are simply absent. */
  async getEntities(ids: number[]): Promise<RegistrationEntity[]> {
    if (ids.length === 0) return [];
    return this.db.getRepository(RegistrationEntity).findBy({ id: In([...new Set(ids)]) });
  }

  async getEntity(id: number): Promise<RegistrationEntity> {
    const reg = await this.db.getRepository(RegistrationEntity).findOneBy({ id });
    if (!reg) throw notFound('Registration', id);
    return reg;
  }

  /** True when `token` is the manage token of this registration. */
  holdsToken(reg: RegistrationEntity, token: string | undefined): boolean {
    return this.notifier.tokens.verify(reg.tokenNonce, token);
  }

  async view(reg: RegistrationEntity) {
    const session = await this.sessions.getSession(reg.sessionId);
    const position = await this.waitlist.position(this.db.manager, reg);
    return registrationView(reg, position, session.activityId);
  }

  /**
   * Cancels an active registration; its seat goes to the head of the waitlist. Repeats are no-ops.
   * A checked-in registration stays counted: 409 `registration_checked_in` until an organizer
   * takes the check-in back.
   */
  async cancel(id: number, reason?: string) {
    return this.transition(
      id,
      ['confirmed', 'pending_approval', 'waitlisted'],
      'cancelled',
      'registration_cancelled',
      reason,
    );
  }

  /**
   * An organizer reopens a rejected registration: back to pending_approval when a seat is free,
   * onto the waitlist when the session keeps one, else 422 `session_full`. 409 when the
   * participant has registered again meanwhile.
   */
  async reopen(id: number) {
    const first = await this.getEntity(id);
    const session = await this.sessions.getSession(first.sessionId);
    if (session.status !== 'scheduled') {
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        `Session is ${session.status}: a registration cannot be reopened`,
        [{ field: 'sessionId', reason: `session is ${session.status}` }],
      ).as('registration_closed', { status: session.status });
    }
    const activityTitle = await this.catalog.activityTitle(session.activityId);
    try {
      await this.tx.withTransaction(async (tx) => {
        const { em } = tx;
        await lockCategory(em, first.sessionId, first.category);
        const reg = await em.findOneByOrFail(RegistrationEntity, { id });
        if (reg.status !== 'rejected') {
          throw new AppError(
            HttpStatus.UNPROCESSABLE_ENTITY,
            `Only a rejected registration can be reopened; this one is ${reg.status}`,
            [{ field: 'status', reason: `is ${reg.status}` }],
          ).as('registration_not_rejected', { status: reg.status });
        }
        const counters = new QuotaCounters(em);
        let waitlistPosition: number | undefined;
        if (await counters.take(reg.sessionId, reg.category, 'pending')) {
          reg.status = 'pending_approval';
          reg.waitlistSeq = null;
        } else {
          const ticket = session.waitlistEnabled ? await counters.joinWaitlist(reg.sessionId, reg.category) : undefined;
          if (!ticket) {
            throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, `No seats left for ${reg.category} in this session`, [
              { field: 'category', reason: 'quota is full' },
            ]).as('session_full', { category: reg.category });
          }
          reg.status = 'waitlisted';
          reg.waitlistSeq = ticket.seq;
          waitlistPosition = ticket.position;
        }
        reg.statusReason = null;
        reg.updatedAt = new Date();
        await em.update(RegistrationEntity, reg.id, {
          status: reg.status,
          statusReason: null,
          activeKey: reg.participantId,
          waitlistSeq: reg.waitlistSeq,
          updatedAt: reg.updatedAt,
        });
        await new ParticipationCounter(em).move(placeOf(reg, session), null, kindOfStatus(reg.status));
        await this.notifier.registrationEvent(
          tx,
          CREATED_MESSAGE[reg.status]!,
          reg,
          session,
          activityTitle,
          { waitlistPosition },
          `reopened-${reg.updatedAt.getTime()}`,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error))
        await this.assertNotRegistered(this.db.manager, first.sessionId, first.participantId);
      throw error;
    }
    return this.view(await this.getEntity(id));
  }

  /**
   * Attendance marks a registration checked in, in its check-in transaction: it then counts
   * toward attendance (distinct participants), gets no reminder and cannot be cancelled.
   */
  async markCheckedIn(tx: TransactionContext, reg: RegistrationEntity, at: Date): Promise<void> {
    const session = await this.sessions.getSession(reg.sessionId);
    const changed = await tx.em
      .createQueryBuilder()
      .update(RegistrationEntity)
      .set({ checkedInAt: at })
      .where('id = :id AND checked_in_at IS NULL', { id: reg.id })
      .execute();
    if ((changed.affected ?? 0) === 0) return;
    if (session.status !== 'cancelled') {
      await new ParticipationCounter(tx.em).add(placeOf(reg, session), 'attended');
    }
    await this.outbox.cancelPending(tx, { registrationId: reg.id, types: ['session_reminder'] });
  }

  /** The undo of {@link markCheckedIn}, in attendance's undo transaction. */
  async clearCheckIn(tx: TransactionContext, registrationId: number): Promise<void> {
    const reg = await tx.em.findOneBy(RegistrationEntity, { id: registrationId });
    if (!reg || reg.checkedInAt === null) return;
    const session = await this.sessions.getSession(reg.sessionId);
    const changed = await tx.em
      .createQueryBuilder()
      .update(RegistrationEntity)
      .set({ checkedInAt: null })
      .where('id = :id AND checked_in_at IS NOT NULL', { id: reg.id })
      .execute();
    if ((changed.affected ?? 0) === 0 || session.status === 'cancelled') return;
    await new ParticipationCounter(tx.em).remove(placeOf(reg, session), 'attended');
  }

  /** pending_approval → confirmed. */
  async approve(id: number) {
    return this.transition(id, ['pending_approval'], 'confirmed', 'registration_approved');
  }

  /** pending_approval or waitlisted → rejected; a freed seat is offered to the waitlist. */
  async reject(id: number, reason?: string) {
    return this.transition(id, ['pending_approval', 'waitlisted'], 'rejected', 'registration_rejected', reason);
  }

  /** For check-in: the registration behind a code or id, which must belong to this session. */
  async findForCheckIn(sessionId: number, by: { code?: string; registrationId?: number }): Promise<RegistrationEntity> {
    const repo = this.db.getRepository(RegistrationEntity);
    const reg = by.code
      ? await repo.findOneBy({ checkInCode: by.code.trim().toUpperCase() })
      : await repo.findOneBy({ id: by.registrationId });
    if (!reg) throw notFound(by.code ? 'Check-in code' : 'Registration', by.code ?? String(by.registrationId));
    if (reg.sessionId !== sessionId) {
      // the other session is none of the caller's business: its id is not named
      throw unprocessable('This registration belongs to another session', [
        { field: by.code ? 'code' : 'registrationId', reason: 'belongs to another session' },
      ]).as('wrong_session');
    }
    return reg;
  }

  /**
   * A session's registrations, filtered and paged. `q` matches part of the name, phone or any
   * profile text (单位名称, 统一社会信用代码, institution, …). `restrict` lets a module above
   * narrow the rows to (or away from) ids it knows, e.g. the checked-in ones.
   */
  async list(
    sessionId: number,
    q: RegistrationListQuery,
    reveal: boolean,
    restrict: { onlyIds?: number[]; exceptIds?: number[] } = {},
  ): Promise<Page<ReturnType<typeof registrationListItem>>> {
    await this.sessions.getSession(sessionId);
    const page = {
      items: [] as ReturnType<typeof registrationListItem>[],
      total: 0,
      page: q.page,
      pageSize: q.pageSize,
    };
    if (restrict.onlyIds && restrict.onlyIds.length === 0) return page;
    const qb = this.filtered(sessionId, q, restrict)
      .orderBy('r.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const positions = await this.waitlist.positions(this.db.manager, rows);
    return { ...page, total, items: rows.map((r) => registrationListItem(r, positions.get(r.id), reveal)) };
  }

  /** Every registration of a session in id order (for the 签到表 export). */
  async listAll(sessionId: number): Promise<RegistrationEntity[]> {
    await this.sessions.getSession(sessionId);
    return this.db.getRepository(RegistrationEntity).find({ where: { sessionId }, order: { id: 'ASC' } });
  }

  private filtered(
    sessionId: number,
    q: Pick<RegistrationListQuery, 'status' | 'category' | 'q'>,
    restrict: { onlyIds?: number[]; exceptIds?: number[] },
  ) {
    const qb = this.db
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .where('r.session_id = :sessionId', { sessionId });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.category) qb.andWhere('r.category = :category', { category: q.category });
    if (q.q) {
      // '!' escapes LIKE wildcards the same way on MySQL and SQLite (a backslash does not)
      const like = `%${q.q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      qb.andWhere(
        "(r.name LIKE :like ESCAPE '!' OR r.phone LIKE :like ESCAPE '!' OR r.profile LIKE :like ESCAPE '!')",
        { like },
      );
    }
    if (restrict.onlyIds) qb.andWhere('r.id IN (:...onlyIds)', { onlyIds: restrict.onlyIds });
    if (restrict.exceptIds?.length) qb.andWhere('r.id NOT IN (:...exceptIds)', { exceptIds: restrict.exceptIds });
    return qb;
  }

  private async transition(
    id: number,
    from: RegistrationStatus[],
    to: RegistrationStatus,
    message: NotificationType,
    reason?: string,
  ) {
    const first = await this.getEntity(id);
    const session = await this.sessions.getSession(first.sessionId);
    const activityTitle = await this.catalog.activityTitle(session.activityId);
    await this.tx.withTransaction(async (tx) => {
      await lockCategory(tx.em, first.sessionId, first.category);
      const reg = await tx.em.findOneByOrFail(RegistrationEntity, { id });
      if (reg.status === to) return; // a repeat: already done
      if (!from.includes(reg.status)) {
        throw unprocessable(`A ${reg.status} registration cannot become ${to}`, [
          { field: 'status', reason: `is ${reg.status}` },
        ]).as('invalid_status_transition', { from: reg.status, to });
      }
      if (to === 'cancelled' && reg.checkedInAt) {
        throw new AppError(
          HttpStatus.CONFLICT,
          'A checked-in registration cannot be cancelled; an organizer may undo the check-in first',
          [{ field: 'status', reason: 'is checked in' }],
          { checkedInAt: reg.checkedInAt.toISOString() },
        ).as('registration_checked_in');
      }
      await this.applyTransition(tx, reg, to);
      await new ParticipationCounter(tx.em).move(placeOf(reg, session), kindOfStatus(reg.status), kindOfStatus(to));
      reg.status = to;
      reg.statusReason = reason ?? null;
      reg.updatedAt = new Date();
      await tx.em.update(RegistrationEntity, reg.id, {
        status: to,
        statusReason: reg.statusReason,
        activeKey: ACTIVE_STATUSES.includes(to) ? reg.participantId : null,
        waitlistSeq: to === 'waitlisted' ? reg.waitlistSeq : null,
        updatedAt: reg.updatedAt,
      });
      await this.notifier.registrationEvent(tx, message, reg, session, activityTitle, { reason });
      if (!ACTIVE_STATUSES.includes(to)) {
        await this.outbox.cancelPending(tx, { registrationId: id, types: ['session_reminder'] });
      }
      if (to === 'cancelled' || to === 'rejected') await this.waitlist.promoteWhileSeats(tx, session, reg.category);
    });
    return this.view(await this.getEntity(id));
  }

  /** Counter side of a status change; the category lock is held. */
  private async applyTransition(tx: TransactionContext, reg: RegistrationEntity, to: RegistrationStatus) {
    const counters = new QuotaCounters(tx.em);
    if (to === 'confirmed' && reg.status === 'pending_approval') return counters.approve(reg.sessionId, reg.category);
    const held =
      reg.status === 'confirmed' ? 'confirmed' : reg.status === 'pending_approval' ? 'pending' : 'waitlisted';
    await counters.release(reg.sessionId, reg.category, held);
  }

  /** 422 with the reason a registration got neither a seat nor a waitlist place. */
  private async whyNoSeat(
    em: EntityManager,
    sessionId: number,
    category: string,
    waitlist: boolean,
  ): Promise<AppError> {
    const quota = await em.findOneBy(SessionQuotaEntity, { sessionId, category });
    return quota ? sessionFull(category, waitlist) : categoryNotOffered(category, sessionId);
  }

  private async assertNotRegistered(em: EntityManager, sessionId: number, participantId: number): Promise<void> {
    const existing = await em.findOne(RegistrationEntity, {
      where: { sessionId, activeKey: participantId },
      select: { id: true, status: true },
    });
    if (existing) throw alreadyRegistered(existing);
  }
}

function localeOf(dto: CreateRegistrationDto, opts: RegisterOptions): Locale {
  return dto.locale ?? (/^en\b/i.test(opts.acceptLanguage ?? '') ? 'en' : 'zh-CN');
}

function assertOpen(session: SessionEntity, channel: 'online' | 'walk_in', now: Date): void {
  if (session.status !== 'scheduled') {
    throw unprocessable(`Session is ${session.status}: registration is closed`, [
      { field: 'sessionId', reason: `session is ${session.status}` },
    ]).as('registration_closed', { status: session.status });
  }
  if (channel === 'walk_in') {
    if (now > session.endsAt)
      throw unprocessable('Session has ended', [{ field: 'sessionId', reason: 'session has ended' }]).as(
        'session_ended',
      );
    return;
  }
  if (now < session.registrationOpensAt || now > session.registrationClosesAt) {
    throw new AppError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      `Registration window is closed (open ${session.registrationOpensAt.toISOString()} – ${session.registrationClosesAt.toISOString()})`,
      [
        {
          field: 'sessionId',
          reason: now < session.registrationOpensAt ? 'registration has not opened yet' : 'registration has closed',
        },
      ],
    ).as('registration_window_closed', {
      opensAt: session.registrationOpensAt,
      closesAt: session.registrationClosesAt,
    });
  }
}
