import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const REGISTRATION_STATUSES = ['confirmed', 'pending_approval', 'waitlisted', 'cancelled', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = ['confirmed', 'pending_approval', 'waitlisted'];

/**
 * A participant's place in a session. `activeKey` is the participant id while the
 * registration is active and NULL otherwise, so the unique (session, activeKey) index
 * forbids a second active registration but allows registering again after cancelling.
 */
@Entity('registrations')
@Index(['sessionId', 'activeKey'], { unique: true })
@Index(['sessionId', 'category', 'status', 'waitlistSeq'])
@Index(['participantId'])
export class RegistrationEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'session_id', type: 'integer' }) sessionId!: number;
  @Column({ name: 'participant_id', type: 'integer' }) participantId!: number;
  @Column({ type: 'varchar', length: 20 }) category!: string;
  /** skilled-talent level, for targets scoped by level */
  @Column({ type: 'varchar', length: 16, nullable: true }) level!: string | null;
  @Column({ type: 'varchar', length: 20 }) status!: RegistrationStatus;
  @Column({ name: 'active_key', type: 'integer', nullable: true }) activeKey!: number | null;
  @Column({ name: 'waitlist_seq', type: 'integer', nullable: true }) waitlistSeq!: number | null;
  /** random; the manage token is an HMAC of it, so it can be put in later mails without storing the token */
  @Column({ name: 'token_nonce', type: 'varchar', length: 32 }) tokenNonce!: string;
  @Column({ name: 'check_in_code', type: 'varchar', length: 16, unique: true }) checkInCode!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 254 }) email!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  @Column({ name: 'id_number', type: 'varchar', length: 18, nullable: true }) idNumber!: string | null;
  @Column({ type: 'varchar', length: 8 }) locale!: string;
  @Column({ type: 'simple-json' }) profile!: Record<string, unknown>;
  @Column({ type: 'simple-json', nullable: true }) answers!: Record<string, unknown> | null;
  /** version of the 个人信息保护 notice the registrant accepted, and when (NULL: not asked) */
  @Column({ name: 'consent_version', type: 'varchar', length: 40, nullable: true }) consentVersion!: string | null;
  @Column({ name: 'consented_at', type: 'datetime', precision: 3, nullable: true }) consentedAt!: Date | null;
  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true }) statusReason!: string | null;
  /** how the registration came in: online form, or walk-in at the door */
  @Column({ type: 'varchar', length: 10 }) channel!: 'online' | 'walk_in';
  /** set by attendance in the check-in transaction, cleared by its undo: a checked-in place stays counted */
  @Column({ name: 'checked_in_at', type: 'datetime', precision: 3, nullable: true }) checkedInAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
