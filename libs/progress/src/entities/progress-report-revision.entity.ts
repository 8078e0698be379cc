import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ReportAction = 'filed' | 'corrected' | 'withdrawn' | 'refiled';

/** The history of one report: every filing, correction and withdrawal, append-only. */
@Entity('progress_report_revisions')
@Index('ux_progress_report_revisions', ['reportId', 'revision'], { unique: true })
export class ProgressReportRevisionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'report_id', type: 'integer' }) reportId!: number;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'varchar', length: 16 }) action!: ReportAction;
  /** the value the report held after this action (the withdrawn value for a withdrawal) */
  @Column({ type: 'double' }) value!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) evidence!: string | null;
  @Column({ name: 'actor_id', type: 'integer' }) actorId!: number;
  @Column({ type: 'datetime', precision: 3 }) at!: Date;
}
