import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { concatMap, Observable } from 'rxjs';
import { AuthRequest } from '../auth/auth-user';
import { AUDIT_KEY, AuditMeta } from './audit.decorator';
import { AuditService } from './audit.service';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The parts of a Fastify request the log needs (Nest hands us Fastify's request object). */
interface AuditedRequest extends AuthRequest {
  method: string;
  url: string;
  id?: string;
  raw?: { id?: unknown };
  params?: Record<string, string | undefined>;
  routeOptions?: { url?: string };
}

/**
 * Records every successful write by a signed-in user, after the handler and before the
 * response goes out, so a client that got its answer finds the entry. A failure to record
 * is logged, not returned: the change itself is already committed.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<AuditedRequest>();
    if (READS.has(req.method)) return next.handle();
    const meta = this.reflector.get<AuditMeta | undefined>(AUDIT_KEY, ctx.getHandler());
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        if (req.user) await this.write(req, meta, body);
        return body;
      }),
    );
  }

  private async write(req: AuditedRequest, meta: AuditMeta | undefined, body: unknown): Promise<void> {
    const route = req.routeOptions?.url ?? req.url.split('?')[0]!;
    try {
      await this.audit.record({
        actor: req.user!,
        action: meta?.action ?? `${req.method} ${route}`,
        entity: meta?.entity ?? entityOfRoute(route),
        entityId: createdId(body) ?? req.params?.id ?? null,
        requestId: requestIdOf(req),
      });
    } catch (error) {
      this.logger.error(`audit entry not written for ${req.method} ${route}: ${(error as Error).message}`);
    }
  }
}

/** `/api/sessions/:id/registrations` → `registrations`: the last literal segment. */
export function entityOfRoute(route: string): string {
  const literal = route.split('/').filter((s) => s && !s.startsWith(':') && s !== 'api');
  return literal.at(-1) ?? 'unknown';
}

function createdId(body: unknown): string | number | undefined {
  const id = (body as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'number' || (typeof id === 'string' && id !== '') ? id : undefined;
}

function requestIdOf(req: AuditedRequest): string | null {
  const header = req.headers['x-request-id'];
  const id = (Array.isArray(header) ? header[0] : header) ?? req.raw?.id ?? req.id;
  return id === undefined || id === null ? null : String(id);
}
