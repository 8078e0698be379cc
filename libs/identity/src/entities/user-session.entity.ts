import { Entity, PrimaryColumn } from 'typeorm';

/**
 * Sessions a check-in staff member may work at without a unit. No foreign key to
 * `sessions`: that table belongs to a module above identity.
 */
@Entity('user_sessions')
export class UserSessionEntity {
  @PrimaryColumn({ name: 'user_id', type: 'integer' }) userId!: number;
  @PrimaryColumn({ name: 'session_id', type: 'integer' }) sessionId!: number;
}
