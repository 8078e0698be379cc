import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface Safeguard {
  label: string;
  title: string;
  text: string;
}

/** One plan document. */
@Entity('programs')
export class ProgramEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 64, unique: true }) code!: string;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ name: 'document_number', type: 'varchar', length: 100, nullable: true }) documentNumber!: string | null;
  @Column({ name: 'notice_title', type: 'varchar', length: 300, nullable: true }) noticeTitle!: string | null;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn!: string;
  @Column({ name: 'period_start', type: 'date' }) periodStart!: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd!: string;
  @Column({ name: 'period_text', type: 'varchar', length: 100 }) periodText!: string;
  /** issuing unit ids in document order */
  @Column({ name: 'issuing_unit_ids', type: 'simple-json' }) issuingUnitIds!: number[];
  /** the notice's addressees and body */
  @Column({ name: 'notice_text', type: 'text', nullable: true }) noticeText!: string | null;
  @Column({ type: 'text', nullable: true }) preamble!: string | null;
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  @Column({ type: 'simple-json', nullable: true }) safeguards!: Safeguard[] | null;
}
