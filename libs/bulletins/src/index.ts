export * from './entities';
export * from './bulletin-period';
export * from './bulletin.snapshot';
export * from './bulletins.service';
export * from './bulletins.module';
export { BULLETINS_QUEUE, BULLETIN_SCHEDULER_ID } from './bulletin.worker';
export { BulletinsSchema1764000013000 } from './migrations/1764000013000-bulletins-schema';
