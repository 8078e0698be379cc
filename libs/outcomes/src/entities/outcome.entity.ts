import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AgreementType, OutcomeParties, OutcomeStatus } from '../outcome.types';

export * from '../outcome.types';

/** One thing an activity produced: a cooperation intent, an apprenticeship agreement, an award … */
@Entity('outcomes')
@Index(['activityId', 'type', 'status'])
@Index('uq_outcomes_dedupe', ['activityId', 'dedupeKey'], { unique: true })
@Index('ix_outcomes_import_batch', ['importBatch'])
export class OutcomeEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'activity_id', type: 'integer' }) activityId!: number;
  @Column({ name: 'session_id', type: 'integer', nullable: true }) sessionId!: number | null;
  @Column({ type: 'varchar', length: 32 }) type!: string;
  @Column({ name: 'agreement_type', type: 'varchar', length: 32, nullable: true }) agreementType!: AgreementType | null;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ type: 'varchar', length: 12 }) status!: OutcomeStatus;
  @Column({ name: 'signed_on', type: 'date', nullable: true }) signedOn!: string | null;
  @Column({ type: 'simple-json', nullable: true }) parties!: OutcomeParties | null;
  @Column({ type: 'simple-json', nullable: true }) details!: Record<string, unknown> | null;
  @Column({ name: 'registration_ids', type: 'simple-json', nullable: true }) registrationIds!: number[] | null;
  /** `api` or `import` */
  @Column({ type: 'varchar', length: 10 }) origin!: string;
  @Column({ name: 'created_by', type: 'integer', nullable: true }) createdBy!: number | null;
  /** type + parties + date (outcomeKey); NULL once cancelled, so a cancelled record can be filed again */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 64, nullable: true }) dedupeKey!: string | null;
  /** the import that wrote the row (null for API records) */
  @Column({ name: 'import_batch', type: 'varchar', length: 32, nullable: true }) importBatch!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
