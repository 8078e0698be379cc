import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { conflict, invalid, isUniqueViolation, notFound, TransactionService, unprocessable } from '@app/core';
import { AuthUser } from '@app/identity';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  MatchMeetingEntity,
  MatchmakingSettingsEntity,
  MatchProfileEntity,
  MatchSeatEntity,
  MatchSlotEntity,
} from './entities';
import { matchScore } from './matching';
import { MovePlacementDto, ScheduleRunDto } from './matchmaking.dto';
import { emptyOccupancy, Occupancy, placeMeetings, Placement } from './scheduler';
import { MatchmakingSettingsService } from './settings.service';

export interface ScheduleRun {
  sessionId: number;
  placed: number;
  alreadyPlaced: number;
  unplaced: number;
  /** meetings created from top suggestions in free slots (both sides agreed to suggested meetings) */
  suggested: number;
  scheduleVersion: number;
  /** how long the run took, milliseconds */
  elapsedMs: number;
}

const CHUNK = 400;

/**
 * Puts accepted meetings at tables and slots. The database forbids double-booking: a row per
 * participant per meeting keyed (session, registration, slot) and a row per meeting unique on
 * (session, table, slot). A run or move that loses a race gets a unique violation: 409.
 */
@Injectable()
export class ScheduleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly settings: MatchmakingSettingsService,
  ) {}

  /** Greedy placement of every accepted meeting not yet placed. */
  async run(user: AuthUser, sessionId: number, dto: ScheduleRunDto = {}): Promise<ScheduleRun> {
    const started = performance.now();
    const { settings } = await this.settings.manage(user, sessionId);
    try {
      return await this.tx.withTransaction(async ({ em }) => {
        await this.lockSettings(em, sessionId);
        const accepted: { id: number; e: number; p: number }[] = await em.query(
          'SELECT m.id AS id, m.enterprise_registration_id AS e, m.partner_registration_id AS p FROM match_meetings m ' +
            'LEFT JOIN match_slots s ON s.meeting_id = m.id WHERE m.session_id = ? AND m.status = ? AND s.meeting_id IS NULL',
          [sessionId, 'accepted'],
        );
        const occupancy = await this.occupancy(em, sessionId);
        const alreadyPlaced = await em.getRepository(MatchSlotEntity).countBy({ sessionId });
        const placed = placeMeetings(
          accepted.map((r) => ({ meetingId: Number(r.id), a: Number(r.e), b: Number(r.p) })),
          { slotCount: settings.slotCount, tableCount: settings.tableCount },
          occupancy,
        );
        const people = new Map(accepted.map((r) => [Number(r.id), [Number(r.e), Number(r.p)]]));
        await this.insertPlacements(em, sessionId, placed, people);
        const grid = { slotCount: settings.slotCount, tableCount: settings.tableCount };
        const suggested = dto.fillWithSuggestions ? await this.fillWithSuggestions(em, sessionId, grid, occupancy) : 0;
        const version = await this.bumpVersion(em, sessionId);
        return {
          sessionId,
          placed: placed.length,
          alreadyPlaced,
          unplaced: accepted.length - placed.length,
          suggested,
          scheduleVersion: version,
          elapsedMs: Math.round(performance.now() - started),
        };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('The schedule changed meanwhile; run the scheduler again').as('schedule_changed');
      throw error;
    }
  }

  /** Moves one accepted meeting to a table and slot by hand; 409 when either side or the table is taken. */
  async move(
    user: AuthUser,
    meetingId: number,
    dto: MovePlacementDto,
  ): Promise<Placement & { scheduleVersion: number }> {
    const meeting = await this.db.getRepository(MatchMeetingEntity).findOneBy({ id: meetingId });
    if (!meeting) throw notFound('Meeting', meetingId);
    const { settings } = await this.settings.manage(user, meeting.sessionId);
    const problems = [
      dto.tableNo > settings.tableCount && { field: 'tableNo', reason: `must be at most ${settings.tableCount}` },
      dto.slotNo > settings.slotCount && { field: 'slotNo', reason: `must be at most ${settings.slotCount}` },
    ].filter((p): p is { field: string; reason: string } => Boolean(p));
    if (problems.length) throw invalid(problems, `${problems[0]!.field}: ${problems[0]!.reason}`);
    if (meeting.status !== 'accepted') {
      throw unprocessable(`Meeting ${meetingId} is ${meeting.status}`, [
        { field: 'status', reason: 'only accepted meetings are placed' },
      ]).as('meeting_not_accepted', { id: meetingId, status: meeting.status });
    }
    const sessionId = meeting.sessionId;
    try {
      return await this.tx.withTransaction(async ({ em }) => {
        await em.delete(MatchSeatEntity, { meetingId });
        await em.delete(MatchSlotEntity, { meetingId });
        const placement = { meetingId, tableNo: dto.tableNo, slotNo: dto.slotNo };
        await this.insertPlacements(
          em,
          sessionId,
          [placement],
          new Map([[meetingId, [meeting.enterpriseRegistrationId, meeting.partnerRegistrationId]]]),
        );
        return { ...placement, scheduleVersion: await this.bumpVersion(em, sessionId) };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw conflict(`Table ${dto.tableNo} or one of the two participants is already booked in slot ${dto.slotNo}`, {
        tableNo: dto.tableNo,
        slotNo: dto.slotNo,
      }).as('meeting_slot_taken', { tableNo: dto.tableNo, slotNo: dto.slotNo });
    }
  }

  /**
   * Free slots go to the best-scoring pairs that have no meeting yet, among participants who both
   * agreed to suggested meetings: each becomes an accepted meeting, placed like the others.
   */
  private async fillWithSuggestions(
    em: EntityManager,
    sessionId: number,
    grid: { slotCount: number; tableCount: number },
    occupancy: Occupancy,
  ): Promise<number> {
    const willing = await em
      .getRepository(MatchProfileEntity)
      .findBy({ sessionId, published: true, acceptsSuggested: true });
    const met: { e: number; p: number }[] = await em.query(
      'SELECT enterprise_registration_id AS e, partner_registration_id AS p FROM match_meetings WHERE session_id = ?',
      [sessionId],
    );
    const known = new Set(met.map((m) => `${Number(m.e)}:${Number(m.p)}`));
    const enterprises = willing.filter((p) => p.side === 'enterprise');
    const partners = willing.filter((p) => p.side !== 'enterprise');
    const candidates = enterprises
      .flatMap((e) => partners.map((p) => ({ e, p, score: matchScore(e, p).score })))
      .filter((c) => c.score > 0 && !known.has(`${c.e.registrationId}:${c.p.registrationId}`))
      .sort(
        (x, y) =>
          y.score - x.score || x.e.registrationId - y.e.registrationId || x.p.registrationId - y.p.registrationId,
      );
    const capacity = grid.slotCount * grid.tableCount;
    const used = () => [...occupancy.tables.values()].reduce((n, s) => n + s.size, 0);
    let created = 0;
    for (const c of candidates) {
      if (used() >= capacity) break;
      const [spot] = placeMeetings([{ meetingId: 0, a: c.e.registrationId, b: c.p.registrationId }], grid, occupancy);
      if (!spot) continue;
      const now = new Date();
      const meeting = em.create(MatchMeetingEntity, {
        sessionId,
        enterpriseRegistrationId: c.e.registrationId,
        partnerRegistrationId: c.p.registrationId,
        requesterRegistrationId: c.e.registrationId,
        status: 'accepted',
        message: '平台推荐洽谈（双方均同意接受推荐）',
        openKey: null,
        enterpriseResult: null,
        partnerResult: null,
        outcomeId: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(MatchMeetingEntity, meeting as QueryDeepPartialEntity<MatchMeetingEntity>);
      await this.insertPlacements(
        em,
        sessionId,
        [{ ...spot, meetingId: meeting.id }],
        new Map([[meeting.id, [c.e.registrationId, c.p.registrationId]]]),
      );
      created++;
    }
    return created;
  }

  private async insertPlacements(
    em: EntityManager,
    sessionId: number,
    placed: Placement[],
    people: Map<number, number[]>,
  ): Promise<void> {
    const slots = placed.map((p) => ({ sessionId, ...p }));
    const seats = placed.flatMap((p) =>
      people
        .get(p.meetingId)!
        .map((registrationId) => ({ sessionId, registrationId, slotNo: p.slotNo, meetingId: p.meetingId })),
    );
    for (let i = 0; i < slots.length; i += CHUNK) await em.insert(MatchSlotEntity, slots.slice(i, i + CHUNK));
    for (let i = 0; i < seats.length; i += CHUNK) await em.insert(MatchSeatEntity, seats.slice(i, i + CHUNK));
  }

  private async occupancy(em: EntityManager, sessionId: number): Promise<Occupancy> {
    const occ = emptyOccupancy();
    for (const s of await em.getRepository(MatchSeatEntity).findBy({ sessionId })) {
      if (!occ.people.has(s.registrationId)) occ.people.set(s.registrationId, new Set());
      occ.people.get(s.registrationId)!.add(s.slotNo);
    }
    for (const s of await em.getRepository(MatchSlotEntity).findBy({ sessionId })) {
      if (!occ.tables.has(s.slotNo)) occ.tables.set(s.slotNo, new Set());
      occ.tables.get(s.slotNo)!.add(s.tableNo);
    }
    return occ;
  }

  /** Serializes scheduler runs of one session across processes (row lock on MySQL; SQLite is serial). */
  private async lockSettings(em: EntityManager, sessionId: number): Promise<void> {
    const qb = em
      .getRepository(MatchmakingSettingsEntity)
      .createQueryBuilder('s')
      .where('s.session_id = :sessionId', { sessionId });
    if (this.tx.isMysql) qb.setLock('pessimistic_write');
    await qb.getOne();
  }

  private async bumpVersion(em: EntityManager, sessionId: number): Promise<number> {
    await em
      .createQueryBuilder()
      .update(MatchmakingSettingsEntity)
      .set({ scheduleVersion: () => 'schedule_version + 1', updatedAt: new Date() })
      .where('session_id = :sessionId', { sessionId })
      .execute();
    const s = await em.getRepository(MatchmakingSettingsEntity).findOneByOrFail({ sessionId });
    return s.scheduleVersion;
  }
}
