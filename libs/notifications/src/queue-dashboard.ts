import { AppError } from '@app/core';
import { HttpException, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, randomBytes } from 'node:crypto';
import { AuthService, UsersService } from '@app/identity';
import { NotificationQueue } from './notification.queue';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/** `Basic base64(email:password)` → its parts, or undefined when the header is not HTTP Basic. */
export function parseBasicAuth(header: string | undefined): { email: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { email: decoded.slice(0, colon).trim().toLowerCase(), password: decoded.slice(colon + 1) };
}

/** How long a verified Basic header skips the password hash (Bull Board loads a dozen assets). */
const VERIFIED_TTL_MS = 60_000;

/**
 * Mounts Bull Board at /api/admin/queues (API process, REDIS_URL set only). It is a raw Fastify
 * plugin outside Nest's guards, so it carries its own onRequest check: HTTP Basic (browsers prompt
 * for it) with an administrator's email and current password from the user table, throttled like
 * login; a disabled account, a non-admin or an old password is refused.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  /** HMAC(header) → the password hash it was verified against; a changed password or role misses */
  private readonly verified = new Map<string, { passwordHash: string; until: number }>();
  private readonly cacheKey = randomBytes(32);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queue: NotificationQueue,
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify || typeof fastify.register !== 'function') return; // not an HTTP app (worker, scripts)
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
    const credentials = parseBasicAuth(req.headers.authorization);
    if (credentials) {
      try {
        if (await this.isAdmin(req.headers.authorization!, credentials, req.ip)) return;
        await this.refuse(reply, 403, 'forbidden', 'Forbidden', 'Only administrators may see the queues');
        return;
      } catch (error) {
        if (error instanceof HttpException && error.getStatus() === 429) {
          const retryAfter = (error.getResponse() as { retryAfter?: number }).retryAfter ?? 1;
          await reply.header('Retry-After', String(retryAfter)).status(429).send({
            statusCode: 429,
            code: 'too_many_requests',
            error: 'Too Many Requests',
            message: 'Too many failed logins; try again later',
          });
          return;
        }
        // a wrong password (AppError 401 from the login check) is refused like no password at all
        if (!(error instanceof HttpException) && !(error instanceof AppError && error.statusCode === 401)) throw error;
      }
    }
    await this.refuse(reply, 401, 'unauthorized', 'Unauthorized', 'Administrator credentials required');
  }

  private async isAdmin(header: string, { email, password }: { email: string; password: string }, ip: string) {
    const key = createHmac('sha256', this.cacheKey).update(header).digest('base64');
    const hit = this.verified.get(key);
    if (hit && hit.until > Date.now()) {
      const user = await this.users.findByEmail(email);
      if (user && !user.disabled && user.passwordHash === hit.passwordHash) return user.role === 'admin';
    }
    this.verified.delete(key);
    const user = await this.auth.authenticate(email, password, ip);
    if (user.role !== 'admin') return false;
    if (this.verified.size > 1000) this.verified.clear();
    this.verified.set(key, { passwordHash: user.passwordHash, until: Date.now() + VERIFIED_TTL_MS });
    return true;
  }

  /** The API's error shape, so clients switch on `code` here as everywhere else. */
  private async refuse(
    reply: FastifyReply,
    status: number,
    code: 'unauthorized' | 'forbidden',
    error: string,
    message: string,
  ): Promise<void> {
    await reply
      .status(status)
      .header('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"')
      .send({ statusCode: status, code, error, message });
  }
}
