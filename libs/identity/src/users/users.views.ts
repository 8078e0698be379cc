import { Role } from '../entities/user.entity';
import { UserEntity } from '../entities';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: number;
  email: string;
  role: Role;
  unitIds: number[];
  sessionIds: number[];
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserScope {
  unitIds: number[];
  sessionIds: number[];
}

export const userView = (u: UserEntity, scope: UserScope): UserView => ({
  id: u.id,
  email: u.email,
  role: u.role,
  unitIds: scope.unitIds,
  sessionIds: scope.sessionIds,
  disabled: Boolean(u.disabled),
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});
