import { IdempotencyKeyEntity, IdempotencySchema1764000000500, SchemaParts } from '@app/core';
import { CATALOG_ENTITIES, CatalogSchema1764000000000, TargetMeasure1764000012100 } from '@app/catalog';
import { IDENTITY_ENTITIES, IdentitySchema1764000001000, RefreshTokens1764000001100 } from '@app/identity';
import {
  REGISTRATION_ENTITIES,
  RegistrationConsent1764000010300,
  RegistrationSchema1764000003000,
} from '@app/registration';
import { NOTIFICATION_ENTITIES, NotificationsSchema1764000002000 } from '@app/notifications';
import { ATTENDANCE_ENTITIES, AttendanceSchema1764000004000 } from '@app/attendance';
import { OUTCOME_ENTITIES, OutcomesSchema1764000005000 } from '@app/outcomes';
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
    ...PROGRESS_ENTITIES,
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
  ],
};
