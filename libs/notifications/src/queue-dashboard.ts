import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@app/core';
import { NotificationQueue } from './notification.queue';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * Optional extra check the app may provide (e.g. identity verifying an admin's Bearer token):
 * receives the Authorization header, resolves true to let the request through.
 */
export const QUEUE_DASHBOARD_AUTH = Symbol('QUEUE_DASHBOARD_AUTH');
export type QueueDashboardAuth = (authorization: string) => Promise<boolean>;

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** `Basic base64(email:password)` against ADMIN_EMAIL / ADMIN_PASSWORD, in constant time. */
export function checkBasicAuth(header: string | undefined, email?: string, password?: string): boolean {
  if (!header || !email || !password) return false;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const okEmail = same(decoded.slice(0, colon).trim().toLowerCase(), email);
  const okPassword = same(decoded.slice(colon + 1), password);
  return okEmail && okPassword;
}

/**
 * Mounts Bull Board at /api/admin/queues (API process, REDIS_URL set only). It is a raw Fastify
 * plugin outside Nest's guards, so it carries its own onRequest check: HTTP Basic with the
 * configured administrator (browsers prompt for it), or whatever {@link QUEUE_DASHBOARD_AUTH} accepts.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger(QueueDashboard.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly queue: NotificationQueue,
    @Optional() @Inject(QUEUE_DASHBOARD_AUTH) private readonly extraAuth?: QueueDashboardAuth,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify || typeof fastify.register !== 'function') return; // not an HTTP app (worker, scripts)
    if (!this.config.adminEmail && !this.extraAuth) {
      this.logger.warn(`${QUEUE_DASHBOARD_PATH} refuses everyone: set ADMIN_EMAIL and ADMIN_PASSWORD`);
    }
    const board = new BullBoardFastifyAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(this.queue.queue)],
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'Notifications' } },
    });
    void fastify.register(
      async (scope) => {
        scope.addHook('onRequest', (req, reply) => this.authorize(req, reply));
        await scope.register(board.registerPlugin());
      },
      { prefix: QUEUE_DASHBOARD_PATH },
    );
  }

  private async authorize(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = req.headers.authorization;
    if (checkBasicAuth(header, this.config.adminEmail, this.config.adminPassword)) return;
    if (header && this.extraAuth && (await this.extraAuth(header).catch(() => false))) return;
    await reply
      .status(401)
      .header('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"')
      .send({ statusCode: 401, error: 'Unauthorized', message: 'Administrator credentials required' });
  }
}
