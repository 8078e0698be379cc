import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One refresh token of a staff sign-in. Only its SHA-256 is stored. Every use marks it used and
 * issues the next one in the same `family` (one family per sign-in); a used or revoked token
 * coming back means it was copied, so the whole family is revoked. `tokenVersion` is the user's
 * at sign-in: a password change or disabling bumps the user's, which ends the family.
 */
@Entity('refresh_tokens')
@Index(['family'])
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'user_id', type: 'integer' }) userId!: number;
  @Column({ type: 'varchar', length: 36 }) family!: string;
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true }) tokenHash!: string;
  @Column({ name: 'token_version', type: 'integer' }) tokenVersion!: number;
  /** the family's end: a sign-in lasts a working day however often it is refreshed */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true }) usedAt!: Date | null;
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
