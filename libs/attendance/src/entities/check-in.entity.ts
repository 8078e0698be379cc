import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const CHECK_IN_METHODS = ['code', 'staff', 'walk_in'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

/**
 * One attendance at a session. `registrationId` is unique: the database, not Node, decides
 * which of two simultaneous scans is the first. Category and level are copied from the
 * registration so tallies can be corrected on undo without reading another module's table.
 */
@Entity('check_ins')
@Index(['sessionId', 'checkedInAt'])
export class CheckInEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'registration_id', type: 'integer', unique: true }) registrationId!: number;
  @Column({ name: 'session_id', type: 'integer' }) sessionId!: number;
  @Column({ name: 'activity_id', type: 'integer' }) activityId!: number;
  @Column({ type: 'varchar', length: 20 }) category!: string;
  /** participant level ('' when none), as on the registration */
  @Column({ type: 'varchar', length: 16 }) level!: string;
  @Column({ type: 'varchar', length: 10 }) method!: CheckInMethod;
  @Column({ name: 'checked_in_at', type: 'datetime', precision: 3 }) checkedInAt!: Date;
  @Column({ name: 'by_user_id', type: 'integer', nullable: true }) byUserId!: number | null;
}
