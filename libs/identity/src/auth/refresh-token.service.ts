import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { TransactionService, unauthorized } from '@app/core';
import { RefreshTokenEntity, UserEntity } from '../entities';

/** A staff sign-in lasts a working day (12 hours) however often its access token is renewed. */
export const REFRESH_FAMILY_TTL_SECONDS = 12 * 60 * 60;

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Refresh tokens: opaque, stored hashed, single use. Invariants: a token is exchanged at most
 * once (conditional UPDATE decides between concurrent uses); a second use of a token revokes its
 * whole family; a family ends at its expiry, on logout, and when the user's token version moved
 * (password change, disabled).
 */
@Injectable()
export class RefreshTokenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
  ) {}

  /** Starts a family for a fresh sign-in. */
  async start(user: Pick<UserEntity, 'id' | 'tokenVersion'>, now = new Date()): Promise<string> {
    const expiresAt = new Date(now.getTime() + REFRESH_FAMILY_TTL_SECONDS * 1000);
    return this.insert(this.db.manager, user.id, randomUUID(), Number(user.tokenVersion), expiresAt, now);
  }

  /**
   * Exchanges `token` for the next one of its family and returns the user id it belongs to.
   * 401 for unknown, expired, revoked or reused tokens and for a user whose tokens ended.
   */
  async rotate(
    token: string,
    loadUser: (id: number) => Promise<Pick<UserEntity, 'id' | 'tokenVersion' | 'disabled'> | null>,
    now = new Date(),
  ): Promise<{ userId: number; refreshToken: string }> {
    const repo = this.db.getRepository(RefreshTokenEntity);
    const row = await repo.findOneBy({ tokenHash: hash(token) });
    if (!row) throw unauthorized('Invalid refresh token');
    if (row.revokedAt) throw unauthorized('Refresh token revoked');
    if (row.usedAt) {
      await this.revokeFamily(row.family, now);
      throw unauthorized('Refresh token reused: signed out everywhere this sign-in was used');
    }
    if (row.expiresAt.getTime() <= now.getTime()) throw unauthorized('Refresh token expired: sign in again');
    const user = await loadUser(row.userId);
    if (!user || user.disabled || Number(user.tokenVersion) !== Number(row.tokenVersion)) {
      await this.revokeFamily(row.family, now);
      throw unauthorized('Refresh token no longer valid');
    }
    // claim and successor commit together: a concurrent use of the same token waits on the row
    // lock, then finds it used and revokes the family, successor included
    const refreshToken = await this.tx.withTransaction(async ({ em }) => {
      const claimed = await em
        .createQueryBuilder()
        .update(RefreshTokenEntity)
        .set({ usedAt: now })
        .where({ id: row.id, usedAt: IsNull(), revokedAt: IsNull() })
        .execute();
      if (!claimed.affected) return undefined;
      return this.insert(em, row.userId, row.family, Number(row.tokenVersion), row.expiresAt, now);
    });
    if (!refreshToken) {
      await this.revokeFamily(row.family, now);
      throw unauthorized('Refresh token reused: signed out everywhere this sign-in was used');
    }
    return { userId: row.userId, refreshToken };
  }

  /** Seconds until the family of `token` ends (0 when unknown). */
  async secondsLeft(token: string, now = new Date()): Promise<number> {
    const row = await this.db.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: hash(token) });
    return row ? Math.max(0, Math.floor((row.expiresAt.getTime() - now.getTime()) / 1000)) : 0;
  }

  /** Ends the sign-in `token` belongs to. Unknown tokens are ignored (logout is idempotent). */
  async revoke(token: string, now = new Date()): Promise<void> {
    const row = await this.db.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: hash(token) });
    if (row) await this.revokeFamily(row.family, now);
  }

  /** Ends every sign-in of a user (password reset, disabled). */
  async revokeUser(userId: number, now = new Date()): Promise<void> {
    await this.db.getRepository(RefreshTokenEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: now });
  }

  private async revokeFamily(family: string, now: Date): Promise<void> {
    await this.db.getRepository(RefreshTokenEntity).update({ family, revokedAt: IsNull() }, { revokedAt: now });
  }

  private async insert(
    em: EntityManager,
    userId: number,
    family: string,
    tokenVersion: number,
    expiresAt: Date,
    now: Date,
  ) {
    const token = randomBytes(32).toString('base64url');
    await em.getRepository(RefreshTokenEntity).insert({
      userId,
      family,
      tokenHash: hash(token),
      tokenVersion,
      expiresAt,
      usedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    return token;
  }
}
