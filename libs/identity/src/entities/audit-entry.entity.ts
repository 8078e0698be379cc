import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One write by a signed-in user. The actor's email is copied so the entry stays readable
 * whatever later happens to the account; there is no foreign key for the same reason.
 */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'actor_id', type: 'integer' }) actorId!: number;
  @Column({ name: 'actor_email', type: 'varchar', length: 254 }) actorEmail!: string;
  @Column({ type: 'varchar', length: 120 }) action!: string;
  @Column({ type: 'varchar', length: 64 }) entity!: string;
  /** text, because a few entities are keyed by code; numeric ids are stored as their digits */
  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true }) entityId!: string | null;
  @Column({ type: 'datetime', precision: 3 }) at!: Date;
  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true }) requestId!: string | null;
}
