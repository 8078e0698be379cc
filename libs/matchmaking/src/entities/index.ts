import { MatchMeetingEntity } from './match-meeting.entity';
import { MatchSeatEntity, MatchSlotEntity } from './match-placement.entity';
import { MatchProfileEntity } from './match-profile.entity';
import { MatchmakingSettingsEntity } from './matchmaking-settings.entity';

export * from './match-meeting.entity';
export * from './match-placement.entity';
export * from './match-profile.entity';
export * from './matchmaking-settings.entity';
export const MATCHMAKING_ENTITIES = [
  MatchmakingSettingsEntity,
  MatchProfileEntity,
  MatchMeetingEntity,
  MatchSlotEntity,
  MatchSeatEntity,
];
