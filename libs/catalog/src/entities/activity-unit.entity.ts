import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ActivityUnitRole = 'lead' | 'host';

/** Lead and host units of an activity, in document order. Organizer scope is decided here. */
@Entity('activity_units')
export class ActivityUnitEntity {
  @PrimaryColumn({ name: 'activity_id', type: 'integer' }) activityId!: number;
  @PrimaryColumn({ type: 'varchar', length: 8 }) role!: ActivityUnitRole;
  @PrimaryColumn({ type: 'integer' }) position!: number;
  @Column({ name: 'unit_id', type: 'integer' }) unitId!: number;
}
