import { IdempotencyKeyEntity, IdempotencySchema1764000000500, SchemaParts } from '@app/core';
import { CATALOG_ENTITIES, CatalogSchema1764000000000, TargetMeasure1764000012100 } from '@app/catalog';
import { IDENTITY_ENTITIES, IdentitySchema1764000001000, RefreshTokens1764000001100 } from '@app/identity';
import {
  RegistrationConsent1764000010300,
  ParticipationCounts1764000020000,
  REGISTRATION_ENTITIES,
  RegistrationSchema1764000003000,
} from '@app/registration';
import { NOTIFICATION_ENTITIES, NotificationsSchema1764000002000 } from '@app/notifications';
import {
  ATTENDANCE_ENTITIES,
  AttendanceSchema1764000004000,
  CheckedInRegistrations1764000020100,
} from '@app/attendance';
import { OUTCOME_ENTITIES, OutcomeDedupe1764000020200, OutcomesSchema1764000005000 } from '@app/outcomes';
import { MATCHMAKING_ENTITIES, MatchmakingSchema1764000014000 } from '@app/matchmaking';
import { RECONCILIATION_ENTITIES, ReconciliationSchema1764000020300 } from '@app/reconciliation';
import { BULLETIN_ENTITIES, BulletinsSchema1764000013000 } from '@app/bulletins';
import { PROGRESS_ENTITIES, ProgressSchema1764000006000, ReportCorrections1764000012200 } from '@app/progress';

/**
 * Every module's entities and migrations, in dependency order. This lib sits above all others
 * so that both apps (API and worker) and the scripts share one list.
 */
export const SCHEMA: SchemaParts = {
  entities: [
    IdempotencyKeyEntity,
    ...CATALOG_ENTITIES,
    ...IDENTITY_ENTITIES,
    ...REGISTRATION_ENTITIES,
    ...NOTIFICATION_ENTITIES,
    ...ATTENDANCE_ENTITIES,
    ...OUTCOME_ENTITIES,
    ...MATCHMAKING_ENTITIES,
    ...PROGRESS_ENTITIES,
    ...RECONCILIATION_ENTITIES,
    ...BULLETIN_ENTITIES,
  ],
  migrations: [
    CatalogSchema1764000000000,
    IdempotencySchema1764000000500,
    IdentitySchema1764000001000,
    RefreshTokens1764000001100,
    RegistrationSchema1764000003000,
    NotificationsSchema1764000002000,
    AttendanceSchema1764000004000,
    OutcomesSchema1764000005000,
    ProgressSchema1764000006000,
    RegistrationConsent1764000010300,
    TargetMeasure1764000012100,
    ReportCorrections1764000012200,
    BulletinsSchema1764000013000,
    MatchmakingSchema1764000014000,
    ParticipationCounts1764000020000,
    CheckedInRegistrations1764000020100,
    OutcomeDedupe1764000020200,
    ReconciliationSchema1764000020300,
  ],
};
