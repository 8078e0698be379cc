import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, invalidField, notFound, TransactionService, unprocessable, Clock } from '@app/core';
import { AccessService, AuthUser } from '@app/identity';
import {
  CreateRegistrationDto,
  RegistrationEntity,
  RegistrationsService,
  SessionEntity,
  SessionsService,
  unitNameOf,
} from '@app/registration';
import { CheckInDto, CheckInView } from './check-in.dto';
import { checkInRefusal } from './check-in.window';
import { CheckInEntity, CheckInMethod } from './entities';
import { execute, insertIgnoreInto, sqlDateTime } from './sql';

/** A walk-in: the new registration and, once it is confirmed, its check-in. */
export interface WalkInView {
  /** the registration id (also what the audit log names) */
  id: number;
  registrationId: number;
  status: string;
  manageToken: string;
  /** null while the registration awaits approval (sessions that require it) */
  checkedInAt: string | null;
  first: boolean;
}

/**
 * Check-in, walk-in and undo. Invariants: at most one check-in per registration whatever the
 * concurrency (unique index + insert-or-ignore); a session's attendance tally moves in the
 * same transaction as the check-in row, by an atomic `UPDATE … + 1` / `- 1`.
 */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly sessions: SessionsService,
    private readonly registrations: RegistrationsService,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks a confirmed registration in by code or id. The first check-in answers
   * `first: true`; any later one (or a concurrent loser) answers the first time with `first: false`.
   * 422 for a code of another session, an unconfirmed registration or a closed window.
   */
  async checkIn(user: AuthUser, sessionId: number, body: CheckInDto): Promise<CheckInView> {
    const session = await this.openSession(user, sessionId);
    if (body.code === undefined && body.registrationId === undefined) {
      throw invalidField('code', 'code or registrationId is required');
    }
    if (body.code !== undefined && body.registrationId !== undefined) {
      throw invalidField('registrationId', 'give either code or registrationId, not both');
    }
    const registration = await this.registrations.findForCheckIn(sessionId, {
      code: body.code,
      registrationId: body.registrationId,
    });
    if (registration.status !== 'confirmed') {
      throw unprocessable(`Registration ${registration.id} is ${registration.status}, not confirmed`).as(
        'not_confirmed',
        { status: registration.status },
      );
    }
    return this.record(session, registration, body.code !== undefined ? 'code' : 'staff', user.id);
  }

  /**
   * Registers someone at the door (channel `walk_in`) and checks them in once confirmed.
   * Only while the check-in window is open. Registration decides the seat: a full category
   * is its 422 (walk-ins never join a waitlist). In a session that requires approval, an
   * organizer's walk-in is approved by letting them in; check-in staff's is left pending and not
   * checked in.
   */
  async walkIn(
    user: AuthUser,
    sessionId: number,
    body: CreateRegistrationDto,
    opts: { idempotencyKey?: string; acceptLanguage?: string } = {},
  ): Promise<WalkInView> {
    const session = await this.openSession(user, sessionId);
    const created = await this.registrations.register(sessionId, body, {
      channel: 'walk_in',
      // check-in staff cannot approve: in a session that requires approval their walk-in waits for it
      approvedAtDoor: await this.access.canManageActivity(user, session.activityId),
      idempotencyKey: opts.idempotencyKey,
      acceptLanguage: opts.acceptLanguage,
      now: this.clock.now(),
    });
    const base = {
      id: created.id,
      registrationId: created.id,
      status: created.status,
      manageToken: created.manageToken,
    };
    if (created.status !== 'confirmed') return { ...base, checkedInAt: null, first: false };
    const registration = await this.registrations.getEntity(created.id);
    const view = await this.record(session, registration, 'walk_in', user.id);
    return { ...base, checkedInAt: view.checkedInAt, first: view.first };
  }

  /**
   * Takes a check-in back and lowers the tally with it: organizers of the activity, and check-in
   * staff who may check in at this session (their own mistakes at the door). 404 when there is none.
   */
  async undo(user: AuthUser, sessionId: number, registrationId: number): Promise<void> {
    const session = await this.sessions.getSession(sessionId);
    await this.access.assertCanCheckIn(user, { activityId: session.activityId, sessionId });
    await this.tx.withTransaction(async (tx) => {
      const { em } = tx;
      const qb = em
        .getRepository(CheckInEntity)
        .createQueryBuilder('c')
        .where('c.registration_id = :registrationId AND c.session_id = :sessionId', { registrationId, sessionId });
      // a locking read sees the latest committed row, so two undos cannot both decrement
      if (this.tx.isMysql) qb.setLock('pessimistic_write');
      const row = await qb.getOne();
      if (!row) throw notFound('Check-in of registration', registrationId);
      if ((await execute(em, 'DELETE FROM check_ins WHERE id = ?', [row.id])) === 0) {
        throw notFound('Check-in of registration', registrationId);
      }
      await execute(
        em,
        'UPDATE attendance_tallies SET checked_in = checked_in - 1 ' +
          'WHERE session_id = ? AND category = ? AND level = ? AND checked_in > 0',
        [row.sessionId, row.category, row.level],
      );
      await this.registrations.clearCheckIn(tx, registrationId);
    });
  }

  private async openSession(user: AuthUser, sessionId: number): Promise<SessionEntity> {
    const session = await this.sessions.getSession(sessionId);
    await this.access.assertCanCheckIn(user, { activityId: session.activityId, sessionId });
    const refusal = checkInRefusal(session, this.clock.now(), this.config.checkInOpensMinutesBefore);
    if (refusal) throw unprocessable(refusal).as('check_in_refused', { reason: refusal });
    return session;
  }

  private async record(
    session: SessionEntity,
    registration: RegistrationEntity,
    method: CheckInMethod,
    byUserId: number,
  ): Promise<CheckInView> {
    const level = registration.level ?? '';
    // outside the transaction: concurrent first inserts of one tally row would otherwise deadlock
    await this.ensureTally(this.db.manager, session, registration.category, level);
    const checkedInAt = this.clock.now();
    const first = await this.tx.withTransaction(async (tx) => {
      const { em } = tx;
      const inserted = await execute(
        em,
        `${insertIgnoreInto(em)} check_ins ` +
          '(registration_id, session_id, activity_id, category, level, method, checked_in_at, by_user_id) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          registration.id,
          session.id,
          session.activityId,
          registration.category,
          level,
          method,
          sqlDateTime(checkedInAt),
          byUserId,
        ],
      );
      if (inserted === 0) return false;
      await this.bumpTally(em, session, registration.category, level);
      await this.registrations.markCheckedIn(tx, registration, checkedInAt);
      return true;
    });
    const row = await this.db.getRepository(CheckInEntity).findOneByOrFail({ registrationId: registration.id });
    return {
      registrationId: registration.id,
      checkedInAt: row.checkedInAt.toISOString(),
      first,
      name: registration.name,
      category: registration.category,
      unitName: unitNameOf(registration),
    };
  }

  private async bumpTally(em: EntityManager, session: SessionEntity, category: string, level: string): Promise<void> {
    const sql =
      'UPDATE attendance_tallies SET checked_in = checked_in + 1 WHERE session_id = ? AND category = ? AND level = ?';
    if ((await execute(em, sql, [session.id, category, level])) > 0) return;
    await this.ensureTally(em, session, category, level);
    await execute(em, sql, [session.id, category, level]);
  }

  private async ensureTally(em: EntityManager, session: SessionEntity, category: string, level: string): Promise<void> {
    await execute(
      em,
      `${insertIgnoreInto(em)} attendance_tallies (session_id, category, level, activity_id, checked_in) VALUES (?, ?, ?, ?, 0)`,
      [session.id, category, level, session.activityId],
    );
  }
}
