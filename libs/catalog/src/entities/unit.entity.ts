import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A bureau, union, school, association or a group such as 各县（市、区）. One list across all plans. */
@Entity('units')
export class UnitEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 64, unique: true }) code!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ name: 'full_name', type: 'varchar', length: 200, nullable: true }) fullName!: string | null;
  @Column({ type: 'varchar', length: 20 }) kind!: string;
  @Column({ type: 'simple-json' }) aliases!: string[];
}
