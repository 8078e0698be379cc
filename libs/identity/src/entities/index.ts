import { AuditEntryEntity } from './audit-entry.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserSessionEntity } from './user-session.entity';
import { UserUnitEntity } from './user-unit.entity';
import { UserEntity } from './user.entity';

export { AuditEntryEntity, RefreshTokenEntity, UserEntity, UserSessionEntity, UserUnitEntity };
export { ROLES, type Role } from './user.entity';
export const IDENTITY_ENTITIES = [UserEntity, UserUnitEntity, UserSessionEntity, AuditEntryEntity, RefreshTokenEntity];
