import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Capacity of one participant category in one session, with counters kept in the same
 * transaction as every registration change. Seats are taken by an atomic conditional
 * UPDATE on this row (see QuotaCounters); the row lock is what serializes a category.
 */
@Entity('session_quotas')
export class SessionQuotaEntity {
  @PrimaryColumn({ name: 'session_id', type: 'integer' }) sessionId!: number;
  @PrimaryColumn({ type: 'varchar', length: 20 }) category!: string;
  @Column({ type: 'integer' }) capacity!: number;
  @Column({ type: 'integer' }) confirmed!: number;
  @Column({ type: 'integer' }) pending!: number;
  @Column({ type: 'integer' }) waitlisted!: number;
  /** monotonic ticket counter: FIFO order of the waitlist */
  @Column({ name: 'waitlist_seq', type: 'integer' }) waitlistSeq!: number;
}
