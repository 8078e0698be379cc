import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a participant is counted as in an activity: a registration state, or attended (checked in). */
export const PARTICIPATION_KINDS = ['confirmed', 'pending', 'waitlisted', 'attended'] as const;
export type ParticipationKind = (typeof PARTICIPATION_KINDS)[number];

/**
 * In how many sessions of an activity one participant holds one kind of place. The row exists
 * while the number is at least 1; its appearance and disappearance move the distinct total.
 */
@Entity('participations')
export class ParticipationEntity {
  @PrimaryColumn({ name: 'activity_id', type: 'integer' }) activityId!: number;
  @PrimaryColumn({ type: 'varchar', length: 20 }) category!: string;
  /** '' when the registration has no level */
  @PrimaryColumn({ type: 'varchar', length: 16 }) level!: string;
  @PrimaryColumn({ type: 'varchar', length: 12 }) kind!: ParticipationKind;
  @PrimaryColumn({ name: 'participant_id', type: 'integer' }) participantId!: number;
  @Column({ type: 'integer' }) sessions!: number;
}

/**
 * Distinct participants per (activity, category, level, kind): the number registration and
 * attendance targets count (an enterprise in two sessions of one activity is one). Kept in the
 * same transaction as every change, so progress reads these rows only.
 */
@Entity('participation_totals')
export class ParticipationTotalEntity {
  @PrimaryColumn({ name: 'activity_id', type: 'integer' }) activityId!: number;
  @PrimaryColumn({ type: 'varchar', length: 20 }) category!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) level!: string;
  @PrimaryColumn({ type: 'varchar', length: 12 }) kind!: ParticipationKind;
  @Column({ type: 'integer' }) participants!: number;
}
