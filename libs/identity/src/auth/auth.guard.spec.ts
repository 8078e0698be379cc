import { Controller, ExecutionContext, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { unauthorized } from '@app/core';
import { UsersService } from '../users/users.service';
import { AuthRequest, AuthUser } from './auth-user';
import { AuthGuard } from './auth.guard';
import { Roles } from './roles.decorator';
import { TokenService } from './token.service';

@Controller()
class Routes {
  @Get() open() {}
  @Get() @Roles() anyone() {}
  @Get() @Roles('organizer') organizers() {}
}

const users: Record<string, AuthUser & { disabled?: boolean }> = {
  admin: { id: 1, email: 'a@x.example', role: 'admin', unitIds: [], sessionIds: [] },
  org: { id: 2, email: 'o@x.example', role: 'organizer', unitIds: [5], sessionIds: [] },
  staff: { id: 3, email: 's@x.example', role: 'checkin_staff', unitIds: [5], sessionIds: [] },
  off: { id: 4, email: 'd@x.example', role: 'organizer', unitIds: [5], sessionIds: [], disabled: true },
};
// a "token" here is header.payload.sig with the user key as payload
const token = (key: string) => `Bearer h.${key}.s`;

describe(AuthGuard.name, () => {
  const tokens = {
    verify: jest.fn(async (t: string) => {
      const key = t.split('.')[1]!;
      if (!users[key]) throw unauthorized('Invalid token');
      return { userId: users[key].id, ver: 0 };
    }),
  };
  const store = {
    loadForRequest: jest.fn(async (id: number) => {
      const u = Object.values(users).find((x) => x.id === id)!;
      const { disabled, ...user } = u;
      return { user, disabled: Boolean(disabled), tokenVersion: 0 };
    }),
  };
  const sut = new AuthGuard(new Reflector(), tokens as unknown as TokenService, store as unknown as UsersService);

  const run = async (handler: keyof Routes, authorization?: string) => {
    const req: AuthRequest = { headers: authorization ? { authorization } : {} };
    const ctx = {
      getType: () => 'http',
      getHandler: () => Routes.prototype[handler],
      getClass: () => Routes,
      switchToHttp: () => ({ getRequest: () => req }),
    } as unknown as ExecutionContext;
    return sut.canActivate(ctx).then(
      // a guard that resolves false denies as surely as one that throws
      (allowed) => ({ status: allowed === true ? 'ok' : 'denied', user: req.user?.email }),
      (e: { statusCode: number }) => ({ status: e.statusCode, user: undefined }),
    );
  };

  it.each([
    ['open', undefined, 'ok'],
    ['open', token('org'), 'ok'],
    ['open', token('nobody'), 401],
    ['open', 'Basic abc', 401],
    ['anyone', undefined, 401],
    ['anyone', token('staff'), 'ok'],
    ['anyone', token('off'), 401],
    ['organizers', token('org'), 'ok'],
    ['organizers', token('admin'), 'ok'],
    ['organizers', token('staff'), 403],
    ['organizers', undefined, 401],
  ] as const)('%s with %s → %s', async (handler, header, expected) => {
    expect((await run(handler, header)).status).toBe(expected);
  });

  it('sets the user on public routes when a valid token comes along', async () => {
    expect(await run('open', token('org'))).toEqual({ status: 'ok', user: 'o@x.example' });
    expect(await run('open')).toEqual({ status: 'ok', user: undefined });
  });
});
