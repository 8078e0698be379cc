import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MeetingResult, MeetingStatus } from '../vocabulary';

/**
 * A 1:1 meeting request between an enterprise and a PhD (or school). `openKey` is the pair
 * while the request is open and NULL otherwise: the unique (session, openKey) index forbids a
 * second open request between the same two.
 */
@Entity('match_meetings')
@Index(['sessionId', 'openKey'], { unique: true })
@Index(['sessionId', 'status'])
@Index(['enterpriseRegistrationId'])
@Index(['partnerRegistrationId'])
export class MatchMeetingEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'session_id', type: 'integer' }) sessionId!: number;
  @Column({ name: 'enterprise_registration_id', type: 'integer' }) enterpriseRegistrationId!: number;
  /** the PhD or institution */
  @Column({ name: 'partner_registration_id', type: 'integer' }) partnerRegistrationId!: number;
  @Column({ name: 'requester_registration_id', type: 'integer' }) requesterRegistrationId!: number;
  @Column({ type: 'varchar', length: 12 }) status!: MeetingStatus;
  @Column({ type: 'varchar', length: 1000, nullable: true }) message!: string | null;
  @Column({ name: 'open_key', type: 'varchar', length: 40, nullable: true }) openKey!: string | null;
  @Column({ name: 'enterprise_result', type: 'varchar', length: 12, nullable: true })
  enterpriseResult!: MeetingResult | null;
  @Column({ name: 'partner_result', type: 'varchar', length: 12, nullable: true }) partnerResult!: MeetingResult | null;
  @Column({ name: 'outcome_id', type: 'integer', nullable: true }) outcomeId!: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
