import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface ActivityPartRow {
  title: string;
  leadUnitIds: number[];
}

/** One activity or measure of a plan, with its planned window (an intention, not a fence). */
@Entity('activities')
@Index(['programId', 'code'], { unique: true })
export class ActivityEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'program_id', type: 'integer' }) programId!: number;
  @Column({ name: 'series_id', type: 'integer' }) seriesId!: number;
  @Column({ type: 'varchar', length: 64 }) code!: string;
  @Column({ type: 'integer' }) ordinal!: number;
  @Column({ type: 'varchar', length: 20 }) label!: string;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ name: 'short_title', type: 'varchar', length: 100, nullable: true }) shortTitle!: string | null;
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Column({ name: 'window_start', type: 'date' }) windowStart!: string;
  @Column({ name: 'window_end', type: 'date' }) windowEnd!: string;
  @Column({ name: 'window_text', type: 'varchar', length: 100 }) windowText!: string;
  @Column({ type: 'varchar', length: 50, nullable: true }) city!: string | null;
  @Column({ type: 'varchar', length: 20 }) mode!: string;
  @Column({ type: 'boolean' }) adjustable!: boolean;
  @Column({ type: 'text' }) content!: string;
  @Column({ name: 'host_role', type: 'varchar', length: 20 }) hostRole!: string;
  @Column({ name: 'host_units_open_ended', type: 'boolean' }) hostUnitsOpenEnded!: boolean;
  @Column({ name: 'lead_note', type: 'varchar', length: 200, nullable: true }) leadNote!: string | null;
  @Column({ type: 'simple-json', nullable: true }) parts!: ActivityPartRow[] | null;
  @Column({ type: 'simple-json', nullable: true }) deliverables!: string[] | null;
  /** editorial note on how the text was modelled */
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
