import { ParticipantEntity } from './participant.entity';
import { ParticipationEntity, ParticipationTotalEntity } from './participation.entity';
import { RegistrationEntity } from './registration.entity';
import { SessionQuotaEntity } from './session-quota.entity';
import { SessionEntity } from './session.entity';

export * from './participant.entity';
export * from './participation.entity';
export * from './registration.entity';
export * from './session-quota.entity';
export * from './session.entity';
export const REGISTRATION_ENTITIES = [
  SessionEntity,
  SessionQuotaEntity,
  ParticipantEntity,
  RegistrationEntity,
  ParticipationEntity,
  ParticipationTotalEntity,
];
