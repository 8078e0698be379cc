import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How often a program's bulletins go out; a program without a row goes monthly. */
@Entity('bulletin_schedules')
export class BulletinScheduleEntity {
  @PrimaryColumn({ name: 'program_id', type: 'integer' }) programId!: number;
  /** monthly | quarterly | half_yearly */
  @Column({ type: 'varchar', length: 16 }) frequency!: string;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @Column({ name: 'updated_by', type: 'integer', nullable: true }) updatedBy!: number | null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
