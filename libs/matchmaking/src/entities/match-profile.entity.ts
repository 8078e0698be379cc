import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a registrant offers or seeks. Contact data is never stored here: it stays on the registration. */
export interface MatchProfileDetails {
  technicalNeeds?: string;
  positionNeeds?: string;
  cooperationModes?: string[];
  expertise?: string;
  researchProjects?: string[];
}

/**
 * A registrant's matchmaking profile. `openRequests` is the counter of its outgoing requests
 * still open; it is moved by atomic conditional UPDATEs (never read-then-write).
 */
@Entity('match_profiles')
@Index(['sessionId', 'side', 'published'])
export class MatchProfileEntity {
  @PrimaryColumn({ name: 'registration_id', type: 'integer' }) registrationId!: number;
  @Column({ name: 'session_id', type: 'integer' }) sessionId!: number;
  @Column({ name: 'participant_id', type: 'integer' }) participantId!: number;
  @Column({ type: 'varchar', length: 20 }) side!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 200 }) displayName!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) organization!: string | null;
  @Column({ type: 'boolean' }) published!: boolean;
  @Column({ type: 'varchar', length: 300, nullable: true }) headline!: string | null;
  @Column({ type: 'simple-json' }) tags!: string[];
  @Column({ type: 'simple-json' }) keywords!: string[];
  @Column({ type: 'simple-json' }) details!: MatchProfileDetails;
  @Column({ name: 'open_requests', type: 'integer' }) openRequests!: number;
  /** agrees to be given meetings with top suggestions in free slots (both sides must agree) */
  @Column({ name: 'accepts_suggested', type: 'boolean' }) acceptsSuggested!: boolean;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
