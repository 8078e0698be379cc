import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CatalogService } from '@app/catalog';
import {
  AppError,
  Clock,
  FieldProblem,
  isUniqueViolation,
  findPage,
  hashRequest,
  IdempotencyService,
  invalid,
  notFound,
  Page,
  TransactionService,
  unprocessable,
} from '@app/core';
import { AccessService, AuthUser } from '@app/identity';
import { ACTIVE_STATUSES, RegistrationsService, SessionsService } from '@app/registration';
import { OutcomeEntity, OutcomeStatus } from './entities';
import { CreateOutcomeDto, OutcomeListQuery, UpdateOutcomeDto } from './outcome.dto';
import { chinaToday, outcomeKey } from './outcome.key';
import { canMove, outcomeProblems } from './outcome.rules';
import { moveTally } from './outcome.tallies';
import { outcomeView, OutcomeView } from './outcome.views';

/** Outcome count of one (activity, type, agreement type, status); agreementType '' when none. */
export interface OutcomeTotal {
  activityId: number;
  type: string;
  agreementType: string;
  status: string;
  count: number;
}

/**
 * Outcome records. Invariants: every create and status change moves `outcome_tallies` in
 * the same transaction; linked sessions and registrations belong to the outcome's activity;
 * an Idempotency-Key replays the first answer.
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly idempotency: IdempotencyService,
    private readonly catalog: CatalogService,
    private readonly sessions: SessionsService,
    private readonly registrations: RegistrationsService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** Records an outcome of an activity (organizers of the activity). 400 names every bad field. */
  async create(
    user: AuthUser,
    activityId: number,
    dto: CreateOutcomeDto,
    idempotencyKey?: string,
  ): Promise<OutcomeView> {
    await this.catalog.getActivityEntity(activityId);
    await this.access.assertCanManageActivity(user, activityId);
    const categories = await this.linkedCategories(activityId, dto);
    const problems = outcomeProblems(dto, categories);
    if (problems.length) throw invalid(problems, `${problems[0]!.field}: ${problems[0]!.reason}`);
    this.assertNotFuture(dto.signedOn);
    const dedupeKey = outcomeKey({ ...dto, registrationIds: dto.registrationIds ?? null });
    const scope = `outcome:${activityId}`;
    try {
      return await this.insert(user, activityId, dto, dedupeKey, scope, idempotencyKey);
    } catch (error) {
      if (isUniqueViolation(error)) throw await this.duplicateOf(activityId, dedupeKey, error);
      throw error;
    }
  }

  private async insert(
    user: AuthUser,
    activityId: number,
    dto: CreateOutcomeDto,
    dedupeKey: string,
    scope: string,
    idempotencyKey?: string,
  ): Promise<OutcomeView> {
    return this.tx.withTransaction(async ({ em }) => {
      if (idempotencyKey) {
        const prior = await this.idempotency.claim(em, scope, idempotencyKey, hashRequest(dto));
        if (prior) return prior.body as OutcomeView;
      }
      const now = new Date();
      const entity = em.create(OutcomeEntity, {
        activityId,
        sessionId: dto.sessionId ?? null,
        type: dto.type,
        agreementType: dto.agreementType ?? null,
        title: dto.title,
        status: dto.status,
        signedOn: dto.signedOn ?? null,
        parties: dto.parties ? { ...dto.parties } : null,
        details: dto.details ?? null,
        registrationIds: dto.registrationIds ?? null,
        origin: 'api',
        dedupeKey,
        importBatch: null,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(OutcomeEntity, entity as QueryDeepPartialEntity<OutcomeEntity>);
      await moveTally(em, entity, +1);
      const view = outcomeView(entity, true);
      if (idempotencyKey) await this.idempotency.complete(em, scope, idempotencyKey, { statusCode: 201, body: view });
      return view;
    });
  }

  /** An activity's outcomes, oldest first; personal data masked unless the caller may see it. */
  async list(user: AuthUser | undefined, activityId: number, q: OutcomeListQuery): Promise<Page<OutcomeView>> {
    await this.catalog.getActivityEntity(activityId);
    const reveal = await this.access.canSeePersonalData(user, activityId);
    const where = {
      activityId,
      ...(q.type ? { type: q.type } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.agreementType ? { agreementType: q.agreementType } : {}),
    };
    return findPage(this.db.getRepository(OutcomeEntity), where, q, { id: 'ASC' }, (rows) =>
      rows.map((o) => outcomeView(o, reveal)),
    );
  }

  /** Changes status (intent → signed → cancelled; cancelled is final), title, date or details. */
  async update(user: AuthUser, id: number, dto: UpdateOutcomeDto): Promise<OutcomeView> {
    const current = await this.db.getRepository(OutcomeEntity).findOneBy({ id });
    if (!current) throw notFound('Outcome', id);
    await this.access.assertCanManageActivity(user, current.activityId);
    return this.tx.withTransaction(async ({ em }) => {
      const row = await this.lockedOutcome(em, id);
      const status: OutcomeStatus = dto.status ?? row.status;
      if (!canMove(row.status, status)) {
        throw unprocessable(`Outcome ${id} is ${row.status} and cannot become ${status}`, [
          { field: 'status', reason: `${row.status} → ${status} is not allowed` },
        ]).as('invalid_status_transition', { from: row.status, to: status });
      }
      const next = {
        title: dto.title ?? row.title,
        status,
        signedOn: dto.signedOn ?? row.signedOn,
        details: dto.details ?? row.details,
        updatedAt: new Date(),
      };
      const problems = outcomeProblems({ ...row, ...next }, ['enterprise', 'phd']).filter(
        (p) => p.field === 'signedOn',
      );
      if (problems.length) throw invalid(problems, `${problems[0]!.field}: ${problems[0]!.reason}`);
      if (dto.signedOn !== undefined) this.assertNotFuture(dto.signedOn);
      // a cancelled outcome frees its key; rows from before keys existed stay unkeyed
      const dedupeKey = status === 'cancelled' || row.dedupeKey === null ? null : outcomeKey({ ...row, ...next });
      try {
        await em.update(OutcomeEntity, id, { ...next, dedupeKey } as QueryDeepPartialEntity<OutcomeEntity>);
      } catch (error) {
        if (isUniqueViolation(error)) throw await this.duplicateOf(row.activityId, dedupeKey!, error);
        throw error;
      }
      if (status !== row.status) {
        await moveTally(em, row, -1);
        await moveTally(em, { ...row, status }, +1);
      }
      return outcomeView(Object.assign(row, next), true);
    });
  }

  /**
   * Outcome totals per (activity, type, agreement type, status) from the tallies: what
   * progress reads for `outcomes` targets. Never counts outcome rows.
   */
  async totals(activityIds: number[]): Promise<OutcomeTotal[]> {
    if (activityIds.length === 0) return [];
    const rows: { activity_id: number; type: string; agreement_type: string; status: string; count: number }[] =
      await this.db.query(
        'SELECT activity_id, type, agreement_type, status, count FROM outcome_tallies ' +
          `WHERE activity_id IN (${activityIds.map(() => '?').join(', ')})`,
        activityIds,
      );
    return rows.map((r) => ({
      activityId: Number(r.activity_id),
      type: r.type,
      agreementType: r.agreement_type,
      status: r.status,
      count: Number(r.count),
    }));
  }

  /** 422 `date_in_future`: an outcome is recorded once it happened (dates in China time). */
  private assertNotFuture(signedOn: string | null | undefined): void {
    if (!signedOn) return;
    const today = chinaToday(this.clock.now());
    if (signedOn > today) {
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        `${signedOn} is after today (${today}): an outcome is recorded once it has happened`,
        [{ field: 'signedOn', reason: `is after today (${today})` }],
      ).as('date_in_future', { date: signedOn, today });
    }
  }

  /** 409 `outcome_duplicate` naming the outcome this one repeats (same type, parties and date). */
  private async duplicateOf(activityId: number, dedupeKey: string, cause: unknown): Promise<unknown> {
    const existing = await this.db.getRepository(OutcomeEntity).findOne({
      where: { activityId, dedupeKey },
      select: { id: true },
    });
    if (!existing) return cause;
    return new AppError(
      HttpStatus.CONFLICT,
      `Repeats outcome ${existing.id} (same type, parties and date): it is not counted twice`,
      undefined,
      { existingOutcomeId: existing.id },
    ).as('outcome_duplicate', { id: existing.id });
  }

  private async lockedOutcome(em: EntityManager, id: number): Promise<OutcomeEntity> {
    const qb = em.getRepository(OutcomeEntity).createQueryBuilder('o').where('o.id = :id', { id });
    if (this.tx.isMysql) qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    if (!row) throw notFound('Outcome', id);
    return row;
  }

  /**
   * Checks that the linked session and registrations belong to this activity and returns
   * the registrations' categories (a linked enterprise or PhD stands in for a party name).
   */
  private async linkedCategories(activityId: number, dto: CreateOutcomeDto): Promise<string[]> {
    const problems: FieldProblem[] = [];
    if (dto.sessionId !== undefined) {
      const session = await this.sessions.getSession(dto.sessionId).catch(() => null);
      if (!session) problems.push({ field: 'sessionId', reason: `session ${dto.sessionId} does not exist` });
      else if (session.activityId !== activityId) {
        problems.push({ field: 'sessionId', reason: `session ${dto.sessionId} belongs to another activity` });
      }
    }
    const categories: string[] = [];
    const ids = [...new Set(dto.registrationIds ?? [])];
    if (ids.length) {
      const sessionIds = new Set((await this.sessions.sessionsOfActivities([activityId])).map((s) => s.id));
      const found = new Map((await this.registrations.getEntities(ids)).map((r) => [r.id, r]));
      for (const [i, regId] of ids.entries()) {
        const reg = found.get(regId);
        if (!reg) problems.push({ field: `registrationIds[${i}]`, reason: `registration ${regId} does not exist` });
        else if (!sessionIds.has(reg.sessionId)) {
          problems.push({ field: `registrationIds[${i}]`, reason: `registration ${regId} is not of this activity` });
        } else if (dto.sessionId !== undefined && reg.sessionId !== dto.sessionId) {
          problems.push({
            field: `registrationIds[${i}]`,
            reason: `registration ${regId} is not of session ${dto.sessionId}`,
          });
        } else if (!ACTIVE_STATUSES.includes(reg.status) && reg.checkedInAt === null) {
          problems.push({ field: `registrationIds[${i}]`, reason: `registration ${regId} is ${reg.status}` });
        } else categories.push(reg.category);
      }
    }
    if (problems.length) throw unprocessable(`${problems[0]!.field}: ${problems[0]!.reason}`, problems);
    return categories;
  }
}
