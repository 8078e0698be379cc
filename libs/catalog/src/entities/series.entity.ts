import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A numbered group of activities or measures (一、二、三 / （一）…（五）). */
@Entity('series')
@Index(['programId', 'ordinal'], { unique: true })
export class SeriesEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'program_id', type: 'integer' }) programId!: number;
  @Column({ type: 'integer' }) ordinal!: number;
  @Column({ type: 'varchar', length: 20 }) label!: string;
  @Column({ type: 'varchar', length: 300 }) title!: string;
}
