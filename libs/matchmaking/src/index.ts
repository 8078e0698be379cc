export * from './entities';
export * from './vocabulary';
export * from './matchmaking.module';
export * from './matchmaking.dto';
export * from './matching';
export * from './scheduler';
export { MatchmakingSchema1764000014000 } from './migrations/1764000014000-matchmaking-schema';
