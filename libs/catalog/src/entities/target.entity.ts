import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TargetScopeRow } from './target-scope';

export type { TargetScopeRow } from './target-scope';

/** A planned number. Program-level targets have no activity. */
@Entity('targets')
@Index(['programId', 'code'], { unique: true })
export class TargetEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'program_id', type: 'integer' }) programId!: number;
  @Column({ name: 'series_id', type: 'integer', nullable: true }) seriesId!: number | null;
  @Column({ name: 'activity_id', type: 'integer', nullable: true }) activityId!: number | null;
  @Column({ type: 'varchar', length: 64 }) code!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'varchar', length: 100 }) metric!: string;
  @Column({ type: 'varchar', length: 200 }) label!: string;
  @Column({ type: 'integer' }) value!: number;
  @Column({ type: 'varchar', length: 16 }) comparator!: string;
  @Column({ type: 'varchar', length: 8 }) unit!: string;
  @Column({ type: 'varchar', length: 16 }) period!: string;
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn!: string | null;
  @Column({ type: 'varchar', length: 20 }) source!: string;
  /** flow (reports of different periods add up) or stock (the latest report stands) */
  @Column({ type: 'varchar', length: 8, default: 'flow' }) measure!: string;
  @Column({ type: 'simple-json' }) scope!: TargetScopeRow;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) qualifier!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** responsible unit ids, lead first: the target's own, else the activity's lead units */
  @Column({ name: 'responsible_unit_ids', type: 'simple-json' }) responsibleUnitIds!: number[];
}
