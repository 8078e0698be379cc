import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A number a responsible unit reports for work done outside the system: one row per target,
 * unit and period. Filing again corrects it (the previous values go to `progress_report_revisions`);
 * a withdrawn report stays, marked, and counts for nothing until it is filed again.
 */
@Entity('progress_reports')
@Index(['programId', 'targetId'])
@Index('ux_progress_reports_key', ['targetId', 'unitId', 'periodLabel'], { unique: true })
export class ProgressReportEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'target_id', type: 'integer' }) targetId!: number;
  /** copied from the target so a program's reports are read with one indexed query */
  @Column({ name: 'program_id', type: 'integer' }) programId!: number;
  @Column({ name: 'unit_id', type: 'integer' }) unitId!: number;
  /** 2021, 2022-H1, 2022-Q3 or 2022-07 */
  @Column({ name: 'period_label', type: 'varchar', length: 16 }) periodLabel!: string;
  /** fractional for ratio targets (翻番 = 2 倍) */
  @Column({ type: 'double' }) value!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** a URL or a short description of the evidence */
  @Column({ type: 'varchar', length: 1000, nullable: true }) evidence!: string | null;
  /** who filed the current value */
  @Column({ name: 'reported_by', type: 'integer' }) reportedBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  /** when the current value was filed (the first filing or the latest correction) */
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
  /** 1 for the first filing, +1 for every correction, withdrawal or refiling */
  @Column({ type: 'integer', default: 1 }) revision!: number;
  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3, nullable: true }) withdrawnAt!: Date | null;
  @Column({ name: 'withdrawn_by', type: 'integer', nullable: true }) withdrawnBy!: number | null;
}
