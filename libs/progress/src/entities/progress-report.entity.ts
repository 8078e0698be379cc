import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A number a responsible unit reports for work done outside the system (audited on create). */
@Entity('progress_reports')
@Index(['programId', 'targetId'])
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
  @Column({ name: 'reported_by', type: 'integer' }) reportedBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
