import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BulletinSnapshot } from '../bulletin.snapshot';

/** One 通报: an immutable snapshot of a program's progress. Exactly one per program and period. */
@Entity('bulletins')
@Index('ux_bulletins_program_period', ['programId', 'periodLabel'], { unique: true })
@Index('ix_bulletins_program_as_of', ['programId', 'asOf'])
export class BulletinEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'program_id', type: 'integer' }) programId!: number;
  @Column({ name: 'period_label', type: 'varchar', length: 16 }) periodLabel!: string;
  /** schedule | manual */
  @Column({ type: 'varchar', length: 16 }) trigger!: string;
  /** the administrator who issued it on demand */
  @Column({ name: 'issued_by', type: 'integer', nullable: true }) issuedBy!: number | null;
  @Column({ name: 'as_of', type: 'datetime', precision: 3 }) asOf!: Date;
  @Column({ type: 'simple-json' }) snapshot!: BulletinSnapshot;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
