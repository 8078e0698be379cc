/** Provided by the notifications module when a queue is configured. */
export const QUEUE_HEALTH = Symbol('QUEUE_HEALTH');

/** A Redis ping with a short timeout: `GET /api/health` reports it, `GET /api/health/ready` requires it. */
export interface QueueHealth {
  state(): Promise<'up' | 'down'>;
}
