import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TransactionService } from '@app/core';
import { CatalogService } from '@app/catalog';
import { AuthUser } from '@app/identity';
import { AgendaMeetingFacts, NewNotification, NotificationsService } from '@app/notifications';
import { RegistrationEntity, RegistrationsService, SessionEntity } from '@app/registration';
import { MatchMeetingEntity, MatchmakingSettingsEntity, MatchSeatEntity, MatchSlotEntity } from './entities';
import { contactOf } from './profile.views';
import { ProfilesService } from './profiles.service';
import { MatchmakingSettingsService, slotTimes } from './settings.service';

const formatContact = (c: ReturnType<typeof contactOf>): string =>
  [c.contactName, c.phone, c.email].filter(Boolean).join(' ');

/** Each participant's agenda: read with the manage token, and sent by mail with an .ics per meeting. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly settings: MatchmakingSettingsService,
    private readonly profiles: ProfilesService,
    private readonly registrations: RegistrationsService,
    private readonly catalog: CatalogService,
    private readonly outbox: NotificationsService,
  ) {}

  /** The caller's placed meetings in slot order. */
  async agenda(
    reg: RegistrationEntity,
  ): Promise<{ sessionId: number; scheduleVersion: number; items: AgendaMeetingFacts[] }> {
    const settings = await this.settings.require(reg.sessionId);
    const all = await this.agendas(settings, [reg.id]);
    return { sessionId: reg.sessionId, scheduleVersion: settings.scheduleVersion, items: all.get(reg.id) ?? [] };
  }

  /** One agenda mail per participant with a placed meeting, keyed by the schedule version (a resend is a no-op). */
  async sendAll(
    user: AuthUser,
    sessionId: number,
  ): Promise<{ sessionId: number; scheduleVersion: number; recipients: number }> {
    const { session, settings } = await this.settings.manage(user, sessionId);
    const agendas = await this.agendas(settings);
    const regs = await this.registrations.getEntities([...agendas.keys()]);
    const activityTitle = await this.catalog.activityTitle(session.activityId);
    const rows = regs.map((reg) => this.mail(reg, session, activityTitle, settings, agendas.get(reg.id)!));
    await this.tx.withTransaction((tx) => this.outbox.enqueueMany(tx, rows));
    return { sessionId, scheduleVersion: settings.scheduleVersion, recipients: rows.length };
  }

  private mail(
    reg: RegistrationEntity,
    s: SessionEntity,
    activityTitle: string,
    settings: MatchmakingSettingsEntity,
    agenda: AgendaMeetingFacts[],
  ): NewNotification {
    return {
      type: 'matchmaking_agenda',
      dedupeKey: `matchmaking-agenda:${s.id}:v${settings.scheduleVersion}:${reg.id}`,
      recipientEmail: reg.email,
      recipientName: reg.name,
      locale: reg.locale === 'en' ? 'en' : 'zh-CN',
      registrationId: reg.id,
      sessionId: s.id,
      facts: {
        recipientName: reg.name,
        registrationId: reg.id,
        session: {
          id: s.id,
          activityTitle,
          title: s.title,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          venue: s.venue,
          city: s.city,
          mode: s.mode,
          onlineUrl: s.onlineUrl,
          status: s.status,
        },
        agenda,
      },
    };
  }

  /** Agendas of the given registrations (all with a placed meeting when omitted), from the seat rows. */
  private async agendas(
    settings: MatchmakingSettingsEntity,
    only?: number[],
  ): Promise<Map<number, AgendaMeetingFacts[]>> {
    const sessionId = settings.sessionId;
    const seatRepo = this.db.getRepository(MatchSeatEntity);
    const seats = only
      ? (await Promise.all(only.map((registrationId) => seatRepo.findBy({ sessionId, registrationId })))).flat()
      : await seatRepo.findBy({ sessionId });
    if (!seats.length) return new Map();
    const slots = new Map(
      (await this.db.getRepository(MatchSlotEntity).findBy({ sessionId })).map((s) => [s.meetingId, s]),
    );
    const meetings = new Map(
      (await this.db.getRepository(MatchMeetingEntity).findBy({ sessionId, status: 'accepted' })).map((m) => [m.id, m]),
    );
    const partnerOf = (seat: MatchSeatEntity) => {
      const m = meetings.get(seat.meetingId)!;
      return m.enterpriseRegistrationId === seat.registrationId ? m.partnerRegistrationId : m.enterpriseRegistrationId;
    };
    const partnerIds = [...new Set(seats.filter((s) => meetings.has(s.meetingId)).map(partnerOf))];
    const profiles = await this.profiles.profilesOf(partnerIds);
    const partnerRegs = new Map((await this.registrations.getEntities(partnerIds)).map((r) => [r.id, r]));
    const out = new Map<number, AgendaMeetingFacts[]>();
    for (const seat of [...seats].sort((a, b) => a.slotNo - b.slotNo)) {
      const slot = slots.get(seat.meetingId);
      if (!slot || !meetings.has(seat.meetingId)) continue;
      const pid = partnerOf(seat);
      const preg = partnerRegs.get(pid);
      const t = slotTimes(settings, slot.slotNo);
      const list = out.get(seat.registrationId) ?? [];
      list.push({
        meetingId: seat.meetingId,
        tableNo: slot.tableNo,
        slotNo: slot.slotNo,
        startsAt: t.startsAt.toISOString(),
        endsAt: t.endsAt.toISOString(),
        partnerName: profiles.get(pid)?.displayName ?? preg?.name ?? '',
        partnerOrganization: profiles.get(pid)?.organization ?? null,
        partnerContact: preg ? formatContact(contactOf(preg)) : null,
      });
      out.set(seat.registrationId, list);
    }
    return out;
  }
}
