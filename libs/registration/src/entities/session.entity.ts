import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SESSION_LEVELS = ['grassroots', 'county', 'city', 'provincial', 'national'] as const;
export type SessionLevel = (typeof SESSION_LEVELS)[number];
export const SESSION_MODES = ['offline', 'online', 'hybrid'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];
export const SESSION_STATUSES = ['scheduled', 'postponed', 'cancelled', 'completed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** One dated occurrence of an activity. `version` grows with every change registrants must hear about. */
@Entity('sessions')
@Index(['activityId'])
@Index(['startsAt'])
export class SessionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'activity_id', type: 'integer' }) activityId!: number;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ type: 'varchar', length: 16 }) level!: SessionLevel;
  @Column({ name: 'starts_at', type: 'datetime', precision: 3 }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'datetime', precision: 3 }) endsAt!: Date;
  @Column({ type: 'varchar', length: 300, nullable: true }) venue!: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) city!: string | null;
  @Column({ type: 'varchar', length: 10 }) mode!: SessionMode;
  @Column({ name: 'online_url', type: 'varchar', length: 500, nullable: true }) onlineUrl!: string | null;
  @Column({ name: 'registration_opens_at', type: 'datetime', precision: 3 }) registrationOpensAt!: Date;
  @Column({ name: 'registration_closes_at', type: 'datetime', precision: 3 }) registrationClosesAt!: Date;
  @Column({ name: 'requires_approval', type: 'boolean' }) requiresApproval!: boolean;
  @Column({ name: 'waitlist_enabled', type: 'boolean' }) waitlistEnabled!: boolean;
  @Column({ type: 'varchar', length: 16 }) status!: SessionStatus;
  @Column({ type: 'integer' }) version!: number;
  /** the start time reminders were last enqueued for (null: not yet) */
  @Column({ name: 'reminded_for', type: 'datetime', precision: 3, nullable: true }) remindedFor!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
