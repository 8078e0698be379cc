import { ApiProperty } from '@nestjs/swagger';
import { ReconciliationLastRunResponse } from '@app/reconciliation';

/** Response classes of the health routes. */

const QUEUE_STATES = ['up', 'down', 'in_process'];

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) db!: 'up' | 'down';
  @ApiProperty({ enum: QUEUE_STATES, description: 'in_process when no Redis is configured' })
  queue!: 'up' | 'down' | 'in_process';
  @ApiProperty({
    type: ReconciliationLastRunResponse,
    nullable: true,
    description: 'the last reconciliation of counters and tallies; null before the first',
  })
  reconciliation!: ReconciliationLastRunResponse | null;
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ready', 'not_ready'] }) status!: string;
  @ApiProperty({ enum: ['up', 'down'] }) db!: string;
  @ApiProperty({ enum: QUEUE_STATES }) queue!: string;
  @ApiProperty({ type: 'array', items: { type: 'string', enum: ['database', 'redis'] }, description: 'what is down' })
  down!: string[];
}
