import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Checked-in count per (session, category, level), changed in the same transaction as every
 * check-in and undo. Attendance views and progress read these rows, never COUNT(*) over
 * check-ins, so their cost does not grow with the number of people.
 */
@Entity('attendance_tallies')
@Index(['activityId'])
export class AttendanceTallyEntity {
  @PrimaryColumn({ name: 'session_id', type: 'integer' }) sessionId!: number;
  @PrimaryColumn({ type: 'varchar', length: 20 }) category!: string;
  /** '' when the registration has no level (a primary key column cannot be NULL) */
  @PrimaryColumn({ type: 'varchar', length: 16 }) level!: string;
  @Column({ name: 'activity_id', type: 'integer' }) activityId!: number;
  @Column({ name: 'checked_in', type: 'integer' }) checkedIn!: number;
}
