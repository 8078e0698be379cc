import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalid, unprocessable } from '@app/core';
import { AccessService, AuthUser } from '@app/identity';
import { SessionEntity, SessionsService } from '@app/registration';
import { MatchmakingSettingsEntity } from './entities';
import { MatchmakingSettingsDto } from './matchmaking.dto';

export interface SettingsView {
  sessionId: number;
  enabled: boolean;
  meetingMinutes: number;
  firstSlotAt: string;
  slotCount: number;
  tableCount: number;
  requestDeadline: string;
  maxOpenRequests: number;
  scheduleVersion: number;
  slots: { slotNo: number; startsAt: string; endsAt: string }[];
}

export const slotTimes = (s: MatchmakingSettingsEntity, slotNo: number): { startsAt: Date; endsAt: Date } => {
  const startsAt = new Date(s.firstSlotAt.getTime() + (slotNo - 1) * s.meetingMinutes * 60_000);
  return { startsAt, endsAt: new Date(startsAt.getTime() + s.meetingMinutes * 60_000) };
};

export function settingsView(s: MatchmakingSettingsEntity): SettingsView {
  return {
    sessionId: s.sessionId,
    enabled: s.enabled,
    meetingMinutes: s.meetingMinutes,
    firstSlotAt: s.firstSlotAt.toISOString(),
    slotCount: s.slotCount,
    tableCount: s.tableCount,
    requestDeadline: s.requestDeadline.toISOString(),
    maxOpenRequests: s.maxOpenRequests,
    scheduleVersion: s.scheduleVersion,
    slots: Array.from({ length: s.slotCount }, (_, i) => {
      const t = slotTimes(s, i + 1);
      return { slotNo: i + 1, startsAt: t.startsAt.toISOString(), endsAt: t.endsAt.toISOString() };
    }),
  };
}

/** The organizer's matchmaking switch per session. */
@Injectable()
export class MatchmakingSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly access: AccessService,
  ) {}

  async put(user: AuthUser, sessionId: number, dto: MatchmakingSettingsDto): Promise<SettingsView> {
    const session = await this.sessions.getSession(sessionId);
    await this.access.assertCanManageActivity(user, session.activityId);
    const firstSlotAt = new Date(dto.firstSlotAt);
    const requestDeadline = new Date(dto.requestDeadline);
    if (requestDeadline.getTime() > firstSlotAt.getTime()) {
      throw invalid([{ field: 'requestDeadline', reason: 'must not be after the first slot' }]);
    }
    const repo = this.db.getRepository(MatchmakingSettingsEntity);
    const prior = await repo.findOneBy({ sessionId });
    const row = repo.create({
      sessionId,
      enabled: dto.enabled,
      meetingMinutes: dto.meetingMinutes,
      firstSlotAt,
      slotCount: dto.slotCount,
      tableCount: dto.tableCount,
      requestDeadline,
      maxOpenRequests: dto.maxOpenRequests ?? prior?.maxOpenRequests ?? 10,
      scheduleVersion: prior?.scheduleVersion ?? 0,
      updatedAt: new Date(),
    });
    await repo.save(row);
    return settingsView(row);
  }

  async view(sessionId: number): Promise<SettingsView> {
    return settingsView(await this.require(sessionId));
  }

  /** The settings of a session that runs matchmaking; 422 when it does not. */
  async require(sessionId: number): Promise<MatchmakingSettingsEntity> {
    const s = await this.db.getRepository(MatchmakingSettingsEntity).findOneBy({ sessionId });
    if (!s || !s.enabled) {
      throw unprocessable(`Session ${sessionId} does not run matchmaking`, [
        { field: 'sessionId', reason: 'matchmaking is not enabled for this session' },
      ]).as('matchmaking_not_enabled', { sessionId });
    }
    return s;
  }

  /** Organizer access to a session's matchmaking. */
  async manage(
    user: AuthUser,
    sessionId: number,
  ): Promise<{ session: SessionEntity; settings: MatchmakingSettingsEntity }> {
    const session = await this.sessions.getSession(sessionId);
    await this.access.assertCanManageActivity(user, session.activityId);
    return { session, settings: await this.require(sessionId) };
  }
}
