import { BulletinScheduleEntity } from './bulletin-schedule.entity';
import { BulletinEntity } from './bulletin.entity';

export * from './bulletin.entity';
export * from './bulletin-schedule.entity';
export const BULLETIN_ENTITIES = [BulletinEntity, BulletinScheduleEntity];
