import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['admin', 'organizer', 'checkin_staff'] as const;
export type Role = (typeof ROLES)[number];

/** A staff account. Enterprises and PhDs have none: they hold manage tokens. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn() id!: number;
  /** stored trimmed and lower-cased; unique, which also makes the admin bootstrap race-safe */
  @Column({ type: 'varchar', length: 254, unique: true }) email!: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 255 }) passwordHash!: string;
  @Column({ type: 'varchar', length: 20 }) role!: Role;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  /** bumped when the password changes, so tokens issued before stop working */
  @Column({ name: 'token_version', type: 'integer', default: 0 }) tokenVersion!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
