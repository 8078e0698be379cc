import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { checkReadiness, probeDatabase, Readiness } from '@app/core';
import { ReconciliationService } from '@app/reconciliation';
import { HealthResponse, ReadinessResponse } from './health.responses';
import { QUEUE_HEALTH, QueueHealth } from './queue-health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reconciliation: ReconciliationService,
    @Optional() @Inject(QUEUE_HEALTH) private readonly queue?: QueueHealth,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness with database and queue state' })
  @ApiOkResponse({ type: HealthResponse })
  async health() {
    const db = await this.db
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const queue = this.queue ? await this.queue.state() : ('in_process' as const);
    // the last reconciliation of counters and tallies: {at, repaired}, null before the first
    const reconciliation = db === 'up' ? await this.reconciliation.lastRun().catch(() => null) : null;
    return { status: db === 'up' ? 'ok' : 'degraded', db, queue, reconciliation };
  }

  /**
   * Readiness: a real query on the database and, with REDIS_URL, a Redis ping. 503 names what is
   * down, so a load balancer stops sending traffic here until it is back (liveness stays 200).
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 when the database (and Redis, if configured) answer, else 503' })
  @ApiOkResponse({ description: 'Every dependency answers', type: ReadinessResponse })
  @ApiServiceUnavailableResponse({ description: '`down` names the dependencies that do not', type: ReadinessResponse })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const queue = this.queue;
    const readiness = await checkReadiness({
      db: () => probeDatabase(this.db),
      redis: queue ? () => queue.state() : undefined,
    });
    if (readiness.status !== 'ready') reply.status(503).header('Retry-After', '5');
    reply.header('Cache-Control', 'no-store');
    return readiness;
  }
}
