import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where and when a meeting takes place. Unique (session, table, slot): no table is double-booked. */
@Entity('match_slots')
@Index(['sessionId', 'tableNo', 'slotNo'], { unique: true })
export class MatchSlotEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'integer' }) meetingId!: number;
  @Column({ name: 'session_id', type: 'integer' }) sessionId!: number;
  @Column({ name: 'table_no', type: 'integer' }) tableNo!: number;
  @Column({ name: 'slot_no', type: 'integer' }) slotNo!: number;
}

/** One row per participant per placed meeting. Primary key (session, registration, slot): nobody is double-booked. */
@Entity('match_seats')
@Index(['meetingId'])
export class MatchSeatEntity {
  @PrimaryColumn({ name: 'session_id', type: 'integer' }) sessionId!: number;
  @PrimaryColumn({ name: 'registration_id', type: 'integer' }) registrationId!: number;
  @PrimaryColumn({ name: 'slot_no', type: 'integer' }) slotNo!: number;
  @Column({ name: 'meeting_id', type: 'integer' }) meetingId!: number;
}
