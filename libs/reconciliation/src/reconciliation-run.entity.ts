import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One reconciliation pass: when, why, and how many cached counts it repaired. */
@Entity('reconciliation_runs')
@Index(['finishedAt'])
export class ReconciliationRunEntity {
  @PrimaryGeneratedColumn() id!: number;
  /** schedule, cli or api */
  @Column({ type: 'varchar', length: 16 }) cause!: string;
  @Column({ name: 'started_at', type: 'datetime', precision: 3 }) startedAt!: Date;
  @Column({ name: 'finished_at', type: 'datetime', precision: 3 }) finishedAt!: Date;
  @Column({ type: 'integer' }) repaired!: number;
  /** the repairs, as JSON (check, key, from, to) */
  @Column({ type: 'simple-json' }) repairs!: unknown[];
}
