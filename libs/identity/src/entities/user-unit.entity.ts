import { Entity, PrimaryColumn } from 'typeorm';

/** The units a user works for: an organizer's or check-in staff's scope. */
@Entity('user_units')
export class UserUnitEntity {
  @PrimaryColumn({ name: 'user_id', type: 'integer' }) userId!: number;
  @PrimaryColumn({ name: 'unit_id', type: 'integer' }) unitId!: number;
}
