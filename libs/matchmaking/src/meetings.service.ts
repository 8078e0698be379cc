import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { conflict, forbidden, isUniqueViolation, notFound, TransactionService, unprocessable } from '@app/core';
import { RegistrationEntity, RegistrationsService } from '@app/registration';
import { MatchMeetingEntity, MatchProfileEntity, MatchSlotEntity } from './entities';
import { MeetingRequestDto } from './matchmaking.dto';
import { meetingView, MeetingView } from './meeting.views';
import { IntentRecorder } from './intent.recorder';
import { contactOf, profileView } from './profile.views';
import { ProfilesService } from './profiles.service';
import { MatchmakingSettingsService, slotTimes } from './settings.service';
import { MeetingResult, partnerSides } from './vocabulary';

/**
 * Meeting requests. Invariants: a participant's open outgoing requests never exceed the
 * session's limit (atomic conditional UPDATE of its counter); at most one open request per
 * pair (unique index); only the recipient accepts or declines, only the requester withdraws.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly settings: MatchmakingSettingsService,
    private readonly profiles: ProfilesService,
    private readonly registrations: RegistrationsService,
    private readonly intents: IntentRecorder,
  ) {}

  async request(reg: RegistrationEntity, dto: MeetingRequestDto, now = new Date()): Promise<MeetingView> {
    const settings = await this.settings.require(reg.sessionId);
    assertBeforeDeadline(settings.requestDeadline, now);
    const mine = await this.profiles.requireOwn(reg);
    const target = (await this.profiles.profilesOf([dto.toRegistrationId])).get(dto.toRegistrationId);
    if (
      !target ||
      !target.published ||
      target.sessionId !== reg.sessionId ||
      !partnerSides(mine.side).includes(target.side)
    ) {
      throw unprocessable(`Registration ${dto.toRegistrationId} has no published profile you can meet`, [
        { field: 'toRegistrationId', reason: 'not a published profile of the other side in this session' },
      ]);
    }
    const [enterprise, partner] =
      mine.side === 'enterprise' ? [reg.id, target.registrationId] : [target.registrationId, reg.id];
    const openKey = `${enterprise}:${partner}`;
    try {
      const meeting = await this.tx.withTransaction(async ({ em }) => {
        const taken = await em
          .createQueryBuilder()
          .update(MatchProfileEntity)
          .set({ openRequests: () => 'open_requests + 1' })
          .where('registration_id = :id AND open_requests < :max', { id: reg.id, max: settings.maxOpenRequests })
          .execute();
        if (!taken.affected) {
          throw unprocessable(`You have ${settings.maxOpenRequests} open requests already (the limit)`, [
            { field: 'toRegistrationId', reason: `at most ${settings.maxOpenRequests} open requests per participant` },
          ]).as('meeting_request_limit', { max: settings.maxOpenRequests });
        }
        const at = new Date();
        const row = em.create(MatchMeetingEntity, {
          sessionId: reg.sessionId,
          enterpriseRegistrationId: enterprise,
          partnerRegistrationId: partner,
          requesterRegistrationId: reg.id,
          status: 'requested',
          message: dto.message ?? null,
          openKey,
          enterpriseResult: null,
          partnerResult: null,
          outcomeId: null,
          createdAt: at,
          updatedAt: at,
        });
        await em.insert(MatchMeetingEntity, row as QueryDeepPartialEntity<MatchMeetingEntity>);
        return row;
      });
      return meetingView(meeting, reg.id, profileView(target));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.db.getRepository(MatchMeetingEntity).findOneBy({ sessionId: reg.sessionId, openKey });
      throw conflict(`An open request between you two exists already (meeting ${existing?.id})`, {
        existingMeetingId: existing?.id,
      }).as('meeting_request_exists', { id: existing?.id });
    }
  }

  accept(reg: RegistrationEntity, meetingId: number) {
    return this.answer(reg, meetingId, 'accepted');
  }

  decline(reg: RegistrationEntity, meetingId: number) {
    return this.answer(reg, meetingId, 'declined');
  }

  /** The requester takes an open request back. */
  async withdraw(reg: RegistrationEntity, meetingId: number): Promise<MeetingView> {
    return this.close(
      reg,
      meetingId,
      'withdrawn',
      (m) => m.requesterRegistrationId === reg.id,
      'only the requester withdraws',
    );
  }

  /** The caller's requests, incoming and outgoing, newest first. */
  async list(reg: RegistrationEntity): Promise<{ items: MeetingView[]; total: number }> {
    const rows = await this.db.getRepository(MatchMeetingEntity).find({
      where: [{ enterpriseRegistrationId: reg.id }, { partnerRegistrationId: reg.id }],
      order: { id: 'DESC' },
    });
    const other = (m: MatchMeetingEntity) =>
      m.enterpriseRegistrationId === reg.id ? m.partnerRegistrationId : m.enterpriseRegistrationId;
    const profiles = await this.profiles.profilesOf(rows.map(other));
    const contacts = await this.profiles.revealedContacts(reg.id);
    const settings = await this.settings.require(reg.sessionId);
    const slots = rows.length ? await this.db.getRepository(MatchSlotEntity).findBy({ sessionId: reg.sessionId }) : [];
    const byMeeting = new Map(slots.map((s) => [s.meetingId, s]));
    const items = rows.map((m) => {
      const p = profiles.get(other(m));
      const slot = byMeeting.get(m.id);
      const t = slot ? slotTimes(settings, slot.slotNo) : null;
      return meetingView(
        m,
        reg.id,
        p ? profileView(p, contacts.get(p.registrationId)) : null,
        slot && t
          ? {
              tableNo: slot.tableNo,
              slotNo: slot.slotNo,
              startsAt: t.startsAt.toISOString(),
              endsAt: t.endsAt.toISOString(),
            }
          : null,
      );
    });
    return { items, total: items.length };
  }

  /**
   * Records the caller's result of an accepted meeting. 达成意向 from both sides records one
   * cooperation-intent outcome for the pair (idempotent per pair: a pair that met twice counts once).
   */
  async recordResult(reg: RegistrationEntity, meetingId: number, result: MeetingResult): Promise<MeetingView> {
    const meeting = await this.tx.withTransaction(async ({ em }) => {
      const m = await this.locked(em, meetingId);
      this.assertParty(m, reg);
      if (m.status !== 'accepted') {
        throw unprocessable(`Meeting ${m.id} is ${m.status}: only accepted meetings have a result`, [
          { field: 'result', reason: `the meeting is ${m.status}` },
        ]).as('meeting_not_accepted', { id: m.id, status: m.status });
      }
      const column = m.enterpriseRegistrationId === reg.id ? 'enterpriseResult' : 'partnerResult';
      m[column] = result;
      m.updatedAt = new Date();
      await em.update(MatchMeetingEntity, m.id, { [column]: result, updatedAt: m.updatedAt });
      return m;
    });
    if (meeting.enterpriseResult === 'intent' && meeting.partnerResult === 'intent' && meeting.outcomeId === null) {
      meeting.outcomeId = await this.intents.record(meeting);
      await this.db.getRepository(MatchMeetingEntity).update(meeting.id, { outcomeId: meeting.outcomeId });
    }
    return meetingView(meeting, reg.id, null);
  }

  private async answer(reg: RegistrationEntity, meetingId: number, to: 'accepted' | 'declined'): Promise<MeetingView> {
    const view = await this.close(
      reg,
      meetingId,
      to,
      (m) => m.requesterRegistrationId !== reg.id,
      'only the recipient accepts or declines',
    );
    if (to === 'accepted') {
      const partnerId = view.partner?.registrationId;
      const partner = partnerId ? (await this.registrations.getEntities([partnerId]))[0] : undefined;
      if (view.partner && partner) view.partner.contact = contactOf(partner);
    }
    return view;
  }

  /** Moves an open request to its final state and frees the requester's counter, in one transaction. */
  private async close(
    reg: RegistrationEntity,
    meetingId: number,
    to: 'accepted' | 'declined' | 'withdrawn',
    allowed: (m: MatchMeetingEntity) => boolean,
    rule: string,
  ): Promise<MeetingView> {
    const settings = await this.settings.require(reg.sessionId);
    assertBeforeDeadline(settings.requestDeadline, new Date());
    const meeting = await this.tx.withTransaction(async ({ em }) => {
      const m = await this.locked(em, meetingId);
      this.assertParty(m, reg);
      if (!allowed(m)) throw forbidden(`Meeting ${m.id}: ${rule}`);
      if (m.status !== 'requested') {
        throw unprocessable(`Meeting ${m.id} is ${m.status} already`, [
          { field: 'status', reason: `is ${m.status}` },
        ]).as('meeting_not_open', { id: m.id, status: m.status });
      }
      const updatedAt = new Date();
      await em.update(MatchMeetingEntity, m.id, { status: to, openKey: null, updatedAt });
      await em
        .createQueryBuilder()
        .update(MatchProfileEntity)
        .set({ openRequests: () => 'open_requests - 1' })
        .where('registration_id = :id AND open_requests > 0', { id: m.requesterRegistrationId })
        .execute();
      return Object.assign(m, { status: to, openKey: null, updatedAt });
    });
    const otherId =
      meeting.enterpriseRegistrationId === reg.id ? meeting.partnerRegistrationId : meeting.enterpriseRegistrationId;
    const p = (await this.profiles.profilesOf([otherId])).get(otherId);
    return meetingView(meeting, reg.id, p ? profileView(p) : null);
  }

  private assertParty(m: MatchMeetingEntity, reg: RegistrationEntity): void {
    if (m.enterpriseRegistrationId !== reg.id && m.partnerRegistrationId !== reg.id) {
      throw notFound('Meeting', m.id);
    }
  }

  private async locked(em: EntityManager, id: number): Promise<MatchMeetingEntity> {
    const qb = em.getRepository(MatchMeetingEntity).createQueryBuilder('m').where('m.id = :id', { id });
    if (this.tx.isMysql) qb.setLock('pessimistic_write');
    const m = await qb.getOne();
    if (!m) throw notFound('Meeting', id);
    return m;
  }
}

function assertBeforeDeadline(deadline: Date, now: Date): void {
  if (now.getTime() > deadline.getTime()) {
    throw unprocessable(`Meeting requests closed at ${deadline.toISOString()}`, [
      { field: 'requestDeadline', reason: 'has passed' },
    ]).as('matchmaking_closed', { deadline });
  }
}
