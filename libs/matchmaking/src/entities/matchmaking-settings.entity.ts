import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The organizer's switch for one session: meeting length, slots, tables, request deadline, limits. */
@Entity('matchmaking_settings')
export class MatchmakingSettingsEntity {
  @PrimaryColumn({ name: 'session_id', type: 'integer' }) sessionId!: number;
  @Column({ type: 'boolean' }) enabled!: boolean;
  @Column({ name: 'meeting_minutes', type: 'integer' }) meetingMinutes!: number;
  @Column({ name: 'first_slot_at', type: 'datetime', precision: 3 }) firstSlotAt!: Date;
  @Column({ name: 'slot_count', type: 'integer' }) slotCount!: number;
  @Column({ name: 'table_count', type: 'integer' }) tableCount!: number;
  @Column({ name: 'request_deadline', type: 'datetime', precision: 3 }) requestDeadline!: Date;
  @Column({ name: 'max_open_requests', type: 'integer' }) maxOpenRequests!: number;
  /** grows with every schedule change: agenda mails are keyed by it */
  @Column({ name: 'schedule_version', type: 'integer' }) scheduleVersion!: number;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
