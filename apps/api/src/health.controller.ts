import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QUEUE_HEALTH, QueueHealth } from './queue-health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(QUEUE_HEALTH) private readonly queue?: QueueHealth,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness with database and queue state' })
  async health() {
    const db = await this.db
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const queue = this.queue ? await this.queue.state() : ('in_process' as const);
    return { status: db === 'up' ? 'ok' : 'degraded', db, queue };
  }
}
