import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan, Not } from 'typeorm';
import {
  AppError,
  FieldProblem,
  invalid,
  notFound,
  RecentReads,
  TransactionContext,
  TransactionService,
  unprocessable,
} from '@app/core';
import { CatalogService } from '@app/catalog';
import { NotificationsService, NotificationType } from '@app/notifications';
import { ACTIVE_STATUSES, RegistrationEntity, SessionEntity, SessionQuotaEntity } from './entities';
import { CreateSessionDto, UpdateSessionDto } from './dto/session.dto';
import { ParticipationCounter } from './counting/participation.counter';
import { kindOfStatus } from './counting/participation.sql';
import { QuotaCounters } from './quota.counters';
import { RegistrationNotifier } from './registration.notifier';
import { Waitlist } from './waitlist';
import { sessionView, SessionView } from './session.views';

type Times = Pick<SessionEntity, 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt'>;

/**
 * How long {@link SessionsService.getRecentSession} trusts a read for a registration it lets
 * through (the batch re-checks the row under its lock). With 100 sessions of a fair open at once,
 * a second's trust cost 100 session reads a second.
 */
const RECENT_MS = 10_000;
/** How old a read may be that refuses a registration (a change in another process shows within it). */
export const REFUSAL_MAX_AGE_MS = 1000;

/**
 * Sessions of an activity and their quotas. Changes that registrants must hear about bump
 * `version` and enqueue one message per active registrant in the same transaction; the
 * request never waits for mail.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly catalog: CatalogService,
    private readonly notifier: RegistrationNotifier,
    private readonly waitlist: Waitlist,
    private readonly outbox: NotificationsService,
  ) {}

  /** Sessions as read a moment ago, for the registration hot path (see {@link getRecentSession}). */
  private readonly recent = new RecentReads<number, SessionEntity>(RECENT_MS);

  async getSession(id: number): Promise<SessionEntity> {
    const session = await this.db.getRepository(SessionEntity).findOneBy({ id });
    if (!session) throw notFound('Session', id);
    return session;
  }

  /**
   * A session read at most {@link RECENT_MS} ago (or `maxAgeMs`, if less), or now. Only for a path
   * that checks, under the session's row lock, that the row has not changed since (version and
   * update time), as group commit does, and that refuses only on a read at most
   * {@link REFUSAL_MAX_AGE_MS} old; a change in this process forgets it at once, one in another
   * process is caught by that check.
   */
  getRecentSession(id: number, maxAgeMs = RECENT_MS): Promise<SessionEntity> {
    return this.recent.get(id, (key) => this.getSession(key), maxAgeMs);
  }

  forgetRecent(id: number): void {
    this.recent.forget(id);
  }

  async view(id: number): Promise<SessionView> {
    const session = await this.getSession(id);
    const quotas = await this.db
      .getRepository(SessionQuotaEntity)
      .find({ where: { sessionId: id }, order: { category: 'ASC' } });
    return sessionView(session, quotas);
  }

  async sessionsOfActivities(activityIds: number[]): Promise<SessionEntity[]> {
    if (activityIds.length === 0) return [];
    return this.db
      .getRepository(SessionEntity)
      .find({ where: { activityId: In(activityIds) }, order: { startsAt: 'ASC' } });
  }

  /** Sessions of many activities with their quota counters (two queries). */
  async listForActivities(activityIds: number[]): Promise<SessionView[]> {
    return this.withQuotas(await this.sessionsOfActivities(activityIds));
  }

  /** Sessions of one activity with their quota counters (two queries). */
  async listForActivity(activityId: number): Promise<SessionView[]> {
    return this.listForActivities([activityId]);
  }

  /**
   * Every session people can still register for or look forward to, soonest first, with its quota
   * counters (two queries): not cancelled or completed, registration not closed, not ended. What the
   * home page lists, in one request instead of one per activity.
   */
  async listUpcoming(now = new Date()): Promise<SessionView[]> {
    const sessions = await this.db.getRepository(SessionEntity).find({
      where: {
        status: Not(In(['cancelled', 'completed'])),
        registrationClosesAt: MoreThan(now),
        endsAt: MoreThan(now),
      },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return this.withQuotas(sessions);
  }

  private async withQuotas(sessions: SessionEntity[]): Promise<SessionView[]> {
    if (sessions.length === 0) return [];
    const quotas = await this.db.getRepository(SessionQuotaEntity).find({
      where: { sessionId: In(sessions.map((s) => s.id)) },
      order: { category: 'ASC' },
    });
    return sessions.map((s) => sessionView(s, quotas));
  }

  /** Which of `ids` are sessions. */
  async existingIds(ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.getRepository(SessionEntity).find({ select: { id: true }, where: { id: In(ids) } });
    return new Set(rows.map((r) => r.id));
  }

  /** Creates a session with one counter row per quota category. The activity's window is advisory. */
  async create(activityId: number, dto: CreateSessionDto): Promise<SessionView> {
    await this.catalog.getActivityEntity(activityId);
    const times = parseTimes(dto);
    checkSession({ ...times, mode: dto.mode, venue: dto.venue ?? null, onlineUrl: dto.onlineUrl ?? null });
    const categories = dto.quotas.map((q) => q.category);
    const dup = categories.findIndex((c, i) => categories.indexOf(c) !== i);
    if (dup >= 0) throw invalid([{ field: `quotas[${dup}].category`, reason: 'is listed twice' }]);

    const id = await this.tx.withTransaction(async ({ em }) => {
      const now = new Date();
      const session = await em.save(
        em.create(SessionEntity, {
          activityId,
          title: dto.title,
          level: dto.level,
          ...times,
          venue: dto.venue ?? null,
          city: dto.city ?? null,
          mode: dto.mode,
          onlineUrl: dto.onlineUrl ?? null,
          requiresApproval: dto.requiresApproval,
          waitlistEnabled: dto.waitlistEnabled,
          status: 'scheduled',
          version: 1,
          remindedFor: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await em.insert(
        SessionQuotaEntity,
        dto.quotas.map((q) => ({
          sessionId: session.id,
          category: q.category,
          capacity: q.capacity,
          confirmed: 0,
          pending: 0,
          waitlisted: 0,
          waitlistSeq: 0,
        })),
      );
      return session.id;
    });
    return this.view(id);
  }

  /**
   * Reschedules, changes mode or venue, postpones, cancels or completes a session, and
   * changes quotas. A capacity below the seats already taken is refused (422); a larger one
   * promotes from the waitlist at once. Registrants get one message per change.
   */
  async update(id: number, dto: UpdateSessionDto): Promise<SessionView> {
    await this.tx.withTransaction(async (tx) => {
      const { em } = tx;
      tx.afterCommit(() => this.forgetRecent(id));
      const before = await em.findOneBy(SessionEntity, { id });
      if (!before) throw notFound('Session', id);
      const session = em.create(SessionEntity, { ...before });
      const times = parseTimes({
        startsAt: dto.startsAt ?? before.startsAt.toISOString(),
        endsAt: dto.endsAt ?? before.endsAt.toISOString(),
        registrationOpensAt: dto.registrationOpensAt ?? before.registrationOpensAt.toISOString(),
        registrationClosesAt: dto.registrationClosesAt ?? before.registrationClosesAt.toISOString(),
      });
      Object.assign(session, times);
      for (const key of [
        'title',
        'level',
        'venue',
        'city',
        'mode',
        'onlineUrl',
        'requiresApproval',
        'waitlistEnabled',
        'status',
      ] as const) {
        if (dto[key] !== undefined) (session as unknown as Record<string, unknown>)[key] = dto[key];
      }
      checkSession(session);
      checkStatusChange(before, session, new Date());

      const type = changeType(before, session);
      if (type) session.version = before.version + 1;
      if (type && type !== 'session_moved_online') {
        // reminders still waiting carry the old facts: withdraw them; the scheduler enqueues
        // fresh ones for the new start (their dedupe key includes the start time)
        await this.outbox.cancelPending(tx, { sessionId: id, types: ['session_reminder'] });
        session.remindedFor = null;
      }
      session.updatedAt = new Date();
      await em.save(session);

      if (session.status === 'cancelled') {
        // once: registrants hear of the cancellation first (with their places as they were), then
        // the places go; a later edit of a cancelled session moves nothing
        if (before.status === 'cancelled') return;
        if (type) await this.notifyRegistrants(tx, type, session, before, dto.reason);
        await this.cancelRegistrations(tx, session);
        return;
      }
      for (const [i, q] of (dto.quotas ?? []).entries()) await this.setQuota(tx, session, q.category, q.capacity, i);
      if (type) await this.notifyRegistrants(tx, type, session, before, dto.reason);
    });
    return this.view(id);
  }

  private async setQuota(
    tx: TransactionContext,
    session: SessionEntity,
    category: string,
    capacity: number,
    i: number,
  ) {
    const { em } = tx;
    const exists = await em.findOneBy(SessionQuotaEntity, { sessionId: session.id, category });
    if (!exists) {
      await em.insert(SessionQuotaEntity, {
        sessionId: session.id,
        category,
        capacity,
        confirmed: 0,
        pending: 0,
        waitlisted: 0,
        waitlistSeq: 0,
      });
      return;
    }
    if (!(await new QuotaCounters(em).setCapacity(session.id, category, capacity))) {
      throw unprocessable(`quotas[${i}].capacity is below the seats already taken in ${category}`, [
        { field: `quotas[${i}].capacity`, reason: 'is below the seats already taken' },
      ]).as('capacity_below_taken', { category });
    }
    await this.waitlist.promoteWhileSeats(tx, session, category);
  }

  /**
   * A cancelled session counts for nothing: its active registrations become cancelled (no
   * waitlist promotion: there is no session to promote into), its counters drop to zero and
   * its places — check-ins included — leave the activity's distinct counts.
   */
  private async cancelRegistrations(tx: TransactionContext, session: SessionEntity): Promise<void> {
    const { em } = tx;
    const regs = await em.find(RegistrationEntity, {
      where: [
        { sessionId: session.id, status: In([...ACTIVE_STATUSES]) },
        { sessionId: session.id, checkedInAt: Not(IsNull()) },
      ],
      order: { id: 'ASC' },
    });
    const counter = new ParticipationCounter(em);
    for (const reg of regs) {
      const place = {
        activityId: session.activityId,
        category: reg.category,
        level: reg.level ?? '',
        participantId: reg.participantId,
      };
      await counter.move(place, kindOfStatus(reg.status), null);
      if (reg.checkedInAt) await counter.remove(place, 'attended');
    }
    const now = new Date();
    await em
      .createQueryBuilder()
      .update(RegistrationEntity)
      .set({
        status: 'cancelled',
        activeKey: null,
        waitlistSeq: null,
        statusReason: 'session_cancelled',
        updatedAt: now,
      })
      .where('session_id = :id AND status IN (:...active)', { id: session.id, active: [...ACTIVE_STATUSES] })
      .execute();
    await em
      .createQueryBuilder()
      .update(SessionQuotaEntity)
      .set({ confirmed: 0, pending: 0, waitlisted: 0 })
      .where('session_id = :id', { id: session.id })
      .execute();
    await this.outbox.cancelPending(tx, { sessionId: session.id, types: ['session_reminder'] });
  }

  private async notifyRegistrants(
    tx: TransactionContext,
    type: NotificationType,
    session: SessionEntity,
    before: SessionEntity,
    reason?: string,
  ) {
    const activity = await this.catalog.getActivityEntity(session.activityId);
    const registrations = await tx.em.find(RegistrationEntity, {
      where: { sessionId: session.id, status: In([...ACTIVE_STATUSES]) },
      order: { id: 'ASC' },
    });
    await this.notifier.sessionEvent(tx, type, registrations, session, activity.title, before, reason);
  }
}

/** Which message a change deserves, if any: cancelled > postponed > moved online > changed. */
function changeType(before: SessionEntity, after: SessionEntity): NotificationType | undefined {
  if (after.status !== before.status) {
    if (after.status === 'cancelled') return 'session_cancelled';
    if (after.status === 'postponed') return 'session_postponed';
  }
  if (before.mode === 'offline' && after.mode !== 'offline') return 'session_moved_online';
  const changed =
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.venue !== after.venue ||
    before.city !== after.city ||
    before.mode !== after.mode ||
    before.onlineUrl !== after.onlineUrl ||
    (before.status !== after.status && after.status === 'scheduled');
  return changed ? 'session_changed' : undefined;
}

/**
 * Status rules of the counting: a cancelled session stays cancelled (its registrations are gone);
 * a session can be marked completed only once it has started.
 */
function checkStatusChange(before: SessionEntity, after: SessionEntity, now: Date): void {
  if (before.status === 'cancelled' && after.status !== 'cancelled') {
    throw new AppError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'A cancelled session cannot be reopened: create a new session',
      [{ field: 'status', reason: 'the session is cancelled' }],
    ).as('session_cancelled');
  }
  if (after.status === 'completed' && before.status !== 'completed' && after.startsAt > now) {
    throw new AppError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      `The session has not started yet (it starts ${after.startsAt.toISOString()}): it cannot be marked completed`,
      [{ field: 'status', reason: 'the session has not started yet' }],
    ).as('session_not_started', { startsAt: after.startsAt });
  }
}

function parseTimes(dto: Record<keyof Times, string>): Times {
  return {
    startsAt: new Date(dto.startsAt),
    endsAt: new Date(dto.endsAt),
    registrationOpensAt: new Date(dto.registrationOpensAt),
    registrationClosesAt: new Date(dto.registrationClosesAt),
  };
}

function checkSession(s: Times & Pick<SessionEntity, 'mode' | 'venue' | 'onlineUrl'>): void {
  const problems: FieldProblem[] = [];
  if (s.endsAt <= s.startsAt) problems.push({ field: 'endsAt', reason: 'must be after startsAt' });
  if (s.registrationClosesAt <= s.registrationOpensAt) {
    problems.push({ field: 'registrationClosesAt', reason: 'must be after registrationOpensAt' });
  }
  if (s.registrationOpensAt > s.endsAt)
    problems.push({ field: 'registrationOpensAt', reason: 'must be before the session ends' });
  if (s.mode !== 'offline' && !s.onlineUrl)
    problems.push({ field: 'onlineUrl', reason: `is required when mode is ${s.mode}` });
  if (s.mode !== 'online' && !s.venue) problems.push({ field: 'venue', reason: `is required when mode is ${s.mode}` });
  if (problems.length) throw invalid(problems, `${problems[0]!.field}: ${problems[0]!.reason}`);
}
