export * from './entities';
export * from './identifiers';
export * from './dto/registration.dto';
export * from './dto/session.dto';
export * from './registration.module';
export * from './registrations.service';
export * from './registration.stats';
export * from './registration.views';
export * from './session.views';
export * from './sessions.service';
export * from './reminder.scheduler';
export { RegistrationSchema1764000003000 } from './migrations/1764000003000-registration-schema';
export { RegistrationConsent1764000010300 } from './migrations/1764000010300-registration-consent';
export * from './counting/participation.sql';
export {
  ParticipationCounts1764000020000,
  backfillParticipations,
} from './migrations/1764000020000-participation-counts';
export * from './counting/count-check';
export * from './counting/registration.checks';
export * from './registration.responses';
