import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Outcome count per (activity, type, agreement type, status), moved in the same transaction
 * as every create, import and status change. Progress reads these rows only.
 */
@Entity('outcome_tallies')
export class OutcomeTallyEntity {
  @PrimaryColumn({ name: 'activity_id', type: 'integer' }) activityId!: number;
  @PrimaryColumn({ type: 'varchar', length: 32 }) type!: string;
  /** '' when the type has no agreement type (a primary key column cannot be NULL) */
  @PrimaryColumn({ name: 'agreement_type', type: 'varchar', length: 32 }) agreementType!: string;
  @PrimaryColumn({ type: 'varchar', length: 12 }) status!: string;
  @Column({ type: 'integer' }) count!: number;
}
