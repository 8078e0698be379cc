import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One identity across sessions: an enterprise by its 统一社会信用代码, a person by email
 * (`identityKey` = `uscc:<code>` or `email:<address>`).
 */
@Entity('participants')
export class ParticipantEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'identity_key', type: 'varchar', length: 200, unique: true }) identityKey!: string;
  @Column({ type: 'varchar', length: 20 }) category!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 254 }) email!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  @Column({ name: 'id_number', type: 'varchar', length: 18, nullable: true }) idNumber!: string | null;
  @Column({ type: 'varchar', length: 8 }) locale!: string;
  @Column({ type: 'simple-json' }) profile!: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
