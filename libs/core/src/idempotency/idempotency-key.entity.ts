import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A remembered response to a POST that carried an Idempotency-Key. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 }) scope!: string;
  @PrimaryColumn({ name: 'idem_key', type: 'varchar', length: 200 }) key!: string;
  @Column({ name: 'request_hash', type: 'varchar', length: 64 }) requestHash!: string;
  @Column({ name: 'status_code', type: 'integer', nullable: true }) statusCode!: number | null;
  @Column({ type: 'text', nullable: true }) response!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
