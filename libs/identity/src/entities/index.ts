import { AuditEntryEntity } from './audit-entry.entity';
import { UserSessionEntity } from './user-session.entity';
import { UserUnitEntity } from './user-unit.entity';
import { UserEntity } from './user.entity';

export { AuditEntryEntity, UserEntity, UserSessionEntity, UserUnitEntity };
export { ROLES, type Role } from './user.entity';
export const IDENTITY_ENTITIES = [UserEntity, UserUnitEntity, UserSessionEntity, AuditEntryEntity];
