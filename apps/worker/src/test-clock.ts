import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '@app/core';

/**
 * Under NODE_ENV=test only: TEST_CLOCK (ISO 8601) sets the worker's clock to that instant at
 * start, ticking on from there, so an end-to-end test can run a schedule at a date of its choosing.
 */
@Injectable()
export class TestClock implements OnModuleInit {
  constructor(private readonly clock: Clock) {}

  onModuleInit(): void {
    const at = process.env.TEST_CLOCK;
    if (process.env.NODE_ENV !== 'test' || !at) return;
    const base = Date.parse(at);
    if (Number.isNaN(base)) throw new Error(`TEST_CLOCK is not an ISO 8601 instant: ${at}`);
    const started = Date.now();
    this.clock.now = () => new Date(base + (Date.now() - started));
  }
}
