import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthorized } from '@app/core';
import { Role } from '../entities';
import { UsersService } from '../users/users.service';
import { AuthRequest, AuthUser } from './auth-user';
import { ROLES_KEY } from './roles.decorator';
import { TokenService } from './token.service';

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/**
 * The one authentication guard, global. Routes without `@Roles` are public; a token sent to
 * them is still checked (a bad one is a 401) so that `@CurrentUser()` and the audit log see
 * who acted. The user is loaded on every request: disabling an account takes effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<AuthRequest>();
    const header = req.headers.authorization;
    if (header === undefined) {
      if (roles) throw unauthorized();
      return true;
    }
    req.user = await this.authenticate(header);
    if (roles && roles.length > 0 && req.user.role !== 'admin' && !roles.includes(req.user.role)) throw forbidden();
    return true;
  }

  private async authenticate(header: string | string[]): Promise<AuthUser> {
    const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
    if (!match) throw unauthorized('Malformed Authorization header: expected "Bearer <token>"').as('token_invalid');
    const claims = await this.tokens.verify(match[1]!);
    const loaded = await this.users.loadForRequest(claims.userId);
    if (!loaded || loaded.disabled || loaded.tokenVersion !== claims.ver)
      throw unauthorized('Token no longer valid').as('token_invalid');
    return loaded.user;
  }
}
