import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@app/core';
import { PUBLIC_WRITE_KEY } from './public-write.decorator';
import { RateLimiter } from './rate-limiter.service';
import { tooManyRequests } from './too-many-requests';

/** Per-client-IP budget of `@PublicWrite()` routes, one minute windows. Runs before authentication. */
@Injectable()
export class PublicWriteGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    if (!this.reflector.getAllAndOverride<boolean>(PUBLIC_WRITE_KEY, [ctx.getHandler(), ctx.getClass()])) return true;
    const { ip } = ctx.switchToHttp().getRequest<{ ip: string }>();
    const decision = await this.limiter.take([{ key: `public:${ip}`, limit: this.config.throttlePublicPerMinute }], 60);
    if (!decision.allowed) {
      throw tooManyRequests('Too many requests from this address; try again later', decision.retryAfterMs / 1000);
    }
    return true;
  }
}
