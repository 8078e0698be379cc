import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthRequest, AuthUser } from './auth-user';

/**
 * The signed-in {@link AuthUser}: always set behind `@Roles(...)`; on a public route it is
 * set when a valid token came along and `undefined` otherwise.
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthUser | undefined => ctx.switchToHttp().getRequest<AuthRequest>().user,
);
