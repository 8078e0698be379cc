import { HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  AppError,
  conflict,
  FieldProblem,
  invalid,
  isUniqueViolation,
  notFound,
  Page,
  TransactionService,
} from '@app/core';
import { ACTIVITY_SESSIONS, ActivitySessionsReader, CatalogService } from '@app/catalog';
import { AuthUser } from '../auth/auth-user';
import { Role, UserEntity, UserSessionEntity, UserUnitEntity } from '../entities';

import { hashPassword, passwordProblem } from './password-policy';
import { UserScope, userView, UserView } from './users.views';

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  unitIds?: number[];
  sessionIds?: number[];
}

export interface UserPatch {
  role?: Role;
  unitIds?: number[];
  sessionIds?: number[];
  disabled?: boolean;
  password?: string;
}

/** What the guard needs to accept or refuse a token. */
export interface LoadedUser {
  user: AuthUser;
  disabled: boolean;
  tokenVersion: number;
}

/** Staff accounts and their unit/session scope. The only code that touches `users*` tables. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly catalog: CatalogService,
    // provided by the registration module (sessions live there); absent in apps without it
    @Optional() @Inject(ACTIVITY_SESSIONS) private readonly sessions?: ActivitySessionsReader,
  ) {}

  /**
   * Creates a user. Invariants: the email is unique (409 naming it, also when two requests
   * race); the password passes the policy; every unit exists (400 naming `unitIds[i]`);
   * an organizer has a unit and check-in staff a unit or a session.
   */
  async create(input: NewUser): Promise<UserView> {
    const email = input.email.trim().toLowerCase();
    const scope = { unitIds: unique(input.unitIds), sessionIds: unique(input.sessionIds) };
    const problems = [
      ...optional(passwordProblem(input.password, email)),
      ...(await this.scopeProblems(input.role, scope, input.unitIds ?? [], input.sessionIds ?? [])),
    ];
    if (problems.length) throw invalid(problems, `${problems[0]!.field}: ${problems[0]!.reason}`);
    const existing = await this.findByEmail(email);
    if (existing) throw duplicateEmail(existing);

    const passwordHash = await hashPassword(input.password);
    try {
      const id = await this.tx.withTransaction(async ({ em }) => {
        const now = new Date();
        const user = await em.save(
          em.create(UserEntity, {
            email,
            passwordHash,
            role: input.role,
            disabled: false,
            tokenVersion: 0,
            createdAt: now,
            updatedAt: now,
          }),
        );
        await this.replaceScope(em, user.id, scope);
        return user.id;
      });
      return this.get(id);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw duplicateEmail((await this.findByEmail(email)) ?? { email });
    }
  }

  /**
   * Inserts the first administrator unless a user with that email exists. Safe when several
   * processes start at once: the unique email index decides, and a duplicate means "already there".
   * Returns whether this call created it.
   */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    return (await this.createAdmin(email, password, 'ADMIN_PASSWORD')) === 'created';
  }

  /** Whether any administrator account exists (enabled or not). */
  async hasAdmin(): Promise<boolean> {
    return (await this.db.getRepository(UserEntity).countBy({ role: 'admin' })) > 0;
  }

  /**
   * The administrator with this email, created unless the email is taken; a password that fails
   * the policy throws with the reason.
   */
  async createAdmin(email: string, password: string, source = 'the password'): Promise<'created' | 'exists'> {
    const normalized = email.trim().toLowerCase();
    if (await this.findByEmail(normalized)) return 'exists';
    const problem = passwordProblem(password, normalized);
    if (problem) throw new Error(`${source} is not acceptable: it ${problem.reason}`);
    const now = new Date();
    try {
      await this.db.getRepository(UserEntity).insert({
        email: normalized,
        passwordHash: await hashPassword(password),
        role: 'admin',
        disabled: false,
        tokenVersion: 0,
        createdAt: now,
        updatedAt: now,
      });
      return 'created';
    } catch (error) {
      if (isUniqueViolation(error)) return 'exists';
      throw error;
    }
  }

  /**
   * Changes role, scope (lists are replaced), disabled flag or password. A new password or
   * disabling ends every token issued before; a disabled user is refused on the next request.
   * Admins cannot disable or demote themselves, so there is always a way back in.
   */
  async update(id: number, patch: UserPatch, actor: AuthUser): Promise<UserView> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw notFound('User', id);
    if (actor.id === id && (patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin'))) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'You cannot disable or demote your own account').as(
        'cannot_change_own_account',
      );
    }
    const current = (await this.scopes([id])).get(id)!;
    const role = patch.role ?? user.role;
    const scope = {
      unitIds: patch.unitIds ? unique(patch.unitIds) : current.unitIds,
      sessionIds: patch.sessionIds ? unique(patch.sessionIds) : current.sessionIds,
    };
    const problems = [
      ...(patch.password !== undefined ? optional(passwordProblem(patch.password, user.email)) : []),
      ...(await this.scopeProblems(role, scope, patch.unitIds ?? [], patch.sessionIds ?? [])),
    ];
    if (problems.length) throw invalid(problems, `${problems[0]!.field}: ${problems[0]!.reason}`);

    const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
    // re-enabling an account must not bring its old tokens back to life
    const endTokens = passwordHash !== undefined || (patch.disabled === true && !user.disabled);
    await this.tx.withTransaction(async ({ em }) => {
      await em.update(UserEntity, id, {
        role,
        ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        ...(endTokens ? { tokenVersion: Number(user.tokenVersion) + 1 } : {}),
        updatedAt: new Date(),
      });
      if (patch.unitIds || patch.sessionIds) await this.replaceScope(em, id, scope);
    });
    return this.get(id);
  }

  async get(id: number): Promise<UserView> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw notFound('User', id);
    return userView(user, (await this.scopes([id])).get(id)!);
  }

  /** Users by id, two queries per page whatever its size. */
  async list(page: number, pageSize: number): Promise<Page<UserView>> {
    const [users, total] = await this.db
      .getRepository(UserEntity)
      .findAndCount({ order: { id: 'ASC' }, skip: (page - 1) * pageSize, take: pageSize });
    const scopes = await this.scopes(users.map((u) => u.id));
    return { items: users.map((u) => userView(u, scopes.get(u.id)!)), total, page, pageSize };
  }

  /** The account behind a refresh token. */
  findById(id: number): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ id });
  }

  /**
   * Who staff messages go to: enabled administrators, and enabled organizers with their units
   * (only those of `unitIds`). Two queries.
   */
  async staff(unitIds: number[]): Promise<{ id: number; email: string; role: Role; unitIds: number[] }[]> {
    const users = await this.db.getRepository(UserEntity).find({
      where: [
        { role: 'admin', disabled: false },
        { role: 'organizer', disabled: false },
      ],
      order: { id: 'ASC' },
    });
    const scopes = await this.scopes(users.filter((u) => u.role === 'organizer').map((u) => u.id));
    return users
      .map((u) => ({
        id: u.id,
        email: u.email,
        role: u.role,
        unitIds: (scopes.get(u.id)?.unitIds ?? []).filter((id) => unitIds.includes(id)),
      }))
      .filter((u) => u.role === 'admin' || u.unitIds.length > 0);
  }

  /** The account for a login attempt (email compared trimmed and lower-cased). */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ email: email.trim().toLowerCase() });
  }

  /** The user behind a token, loaded fresh on every request: nothing is cached. */
  async loadForRequest(id: number): Promise<LoadedUser | undefined> {
    const [user, scopes] = await Promise.all([this.db.getRepository(UserEntity).findOneBy({ id }), this.scopes([id])]);
    if (!user) return undefined;
    const scope = scopes.get(id)!;
    return {
      user: { id: user.id, email: user.email, role: user.role, unitIds: scope.unitIds, sessionIds: scope.sessionIds },
      disabled: Boolean(user.disabled),
      tokenVersion: Number(user.tokenVersion),
    };
  }

  private async scopes(userIds: number[]): Promise<Map<number, UserScope>> {
    const result = new Map<number, UserScope>(userIds.map((id) => [id, { unitIds: [], sessionIds: [] }]));
    if (userIds.length === 0) return result;
    const [units, sessions] = await Promise.all([
      this.db.getRepository(UserUnitEntity).find({ where: { userId: In(userIds) }, order: { unitId: 'ASC' } }),
      this.db.getRepository(UserSessionEntity).find({ where: { userId: In(userIds) }, order: { sessionId: 'ASC' } }),
    ]);
    for (const u of units) result.get(u.userId)?.unitIds.push(u.unitId);
    for (const s of sessions) result.get(s.userId)?.sessionIds.push(s.sessionId);
    return result;
  }

  private async replaceScope(em: EntityManager, userId: number, scope: UserScope): Promise<void> {
    await em.delete(UserUnitEntity, { userId });
    await em.delete(UserSessionEntity, { userId });
    if (scope.unitIds.length)
      await em.insert(
        UserUnitEntity,
        scope.unitIds.map((unitId) => ({ userId, unitId })),
      );
    if (scope.sessionIds.length) {
      await em.insert(
        UserSessionEntity,
        scope.sessionIds.map((sessionId) => ({ userId, sessionId })),
      );
    }
  }

  /** Unknown units and sessions, named by their index in the request, and a scope the role cannot work with. */
  private async scopeProblems(
    role: Role,
    scope: UserScope,
    requested: number[],
    requestedSessions: number[],
  ): Promise<FieldProblem[]> {
    const known = await this.catalog.unitsByIds(requested);
    const knownSessions =
      requestedSessions.length && this.sessions ? await this.sessions.existingSessionIds(requestedSessions) : undefined;
    const problems: FieldProblem[] = [
      ...requested.flatMap((id, i) =>
        known.has(id) ? [] : [{ field: `unitIds[${i}]`, reason: `unknown unit ${id}` }],
      ),
      ...requestedSessions.flatMap((id, i) =>
        !knownSessions || knownSessions.has(id) ? [] : [{ field: `sessionIds[${i}]`, reason: `unknown session ${id}` }],
      ),
    ];
    if (problems.length) return problems;
    if (role === 'organizer' && scope.unitIds.length === 0) {
      problems.push({ field: 'unitIds', reason: 'an organizer needs at least one unit' });
    }
    if (role === 'checkin_staff' && scope.unitIds.length === 0 && scope.sessionIds.length === 0) {
      problems.push({ field: 'unitIds', reason: 'check-in staff need at least one unit or session' });
    }
    return problems;
  }
}

const unique = (ids: number[] | undefined): number[] => [...new Set(ids ?? [])].sort((a, b) => a - b);
const optional = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);
const duplicateEmail = (existing: { id?: number; email: string }) =>
  conflict(`User ${existing.email} already exists`, { existing: { id: existing.id, email: existing.email } }).as(
    'user_exists',
    { email: existing.email },
  );
