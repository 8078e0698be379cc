/** Provided by the notifications module when a queue is configured. */
export const QUEUE_HEALTH = Symbol('QUEUE_HEALTH');

export interface QueueHealth {
  state(): Promise<'up' | 'down'>;
}
