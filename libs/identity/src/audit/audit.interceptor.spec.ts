import { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of, throwError } from 'rxjs';
import { AuthUser } from '../auth/auth-user';
import { Audit } from './audit.decorator';
import { AuditInterceptor, entityOfRoute } from './audit.interceptor';
import { AuditRecord, AuditService } from './audit.service';

class Handlers {
  @Audit('registration.approve', 'registration')
  approve() {}
  plain() {}
}

const organizer: AuthUser = { id: 7, email: 'org@test.example', role: 'organizer', unitIds: [5], sessionIds: [] };

function context(req: object, handler: keyof Handlers): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => Handlers.prototype[handler],
    getClass: () => Handlers,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}
const request = (over: object = {}) => ({
  method: 'POST',
  url: '/api/registrations/31/approve?x=1',
  headers: {} as Record<string, string>,
  params: { id: '31' },
  routeOptions: { url: '/api/registrations/:id/approve' },
  raw: { id: 'pino-req-1' },
  user: organizer,
  ...over,
});

describe(AuditInterceptor.name, () => {
  let recorded: AuditRecord[];
  let sut: AuditInterceptor;
  beforeEach(() => {
    recorded = [];
    const audit = { record: jest.fn(async (r: AuditRecord) => void recorded.push(r)) };
    sut = new AuditInterceptor(new Reflector(), audit as unknown as AuditService);
  });
  const run = (
    req: object,
    handler: keyof Handlers,
    result: CallHandler = { handle: () => of({ status: 'confirmed' }) },
  ) => lastValueFrom(sut.intercept(context(req, handler), result));

  it('records a decorated write by a signed-in user, with the route id and the request id', async () => {
    await expect(run(request(), 'approve')).resolves.toEqual({ status: 'confirmed' });
    expect(recorded).toEqual([
      {
        actor: organizer,
        action: 'registration.approve',
        entity: 'registration',
        entityId: '31',
        requestId: 'pino-req-1',
      },
    ]);
  });

  it('prefers the created id from the response and the x-request-id header', async () => {
    await run(
      request({
        headers: { 'x-request-id': 'client-42' },
        params: { id: '3' },
        routeOptions: { url: '/api/activities/:id/sessions' },
      }),
      'plain',
      { handle: () => of({ id: 901, title: 's' }) },
    );
    expect(recorded[0]).toMatchObject({
      action: 'POST /api/activities/:id/sessions',
      entity: 'sessions',
      entityId: 901,
      requestId: 'client-42',
    });
  });

  it('skips reads, anonymous writes and failed writes', async () => {
    await run(request({ method: 'GET' }), 'approve');
    await run(request({ user: undefined }), 'approve');
    await expect(run(request(), 'approve', { handle: () => throwError(() => new Error('boom')) })).rejects.toThrow(
      'boom',
    );
    expect(recorded).toEqual([]);
  });

  it('answers even when the entry cannot be written', async () => {
    const audit = { record: jest.fn().mockRejectedValue(new Error('db down')) };
    sut = new AuditInterceptor(new Reflector(), audit as unknown as AuditService);
    const logged = jest.spyOn(sut['logger'], 'error').mockImplementation(() => undefined);
    await expect(run(request(), 'approve')).resolves.toEqual({ status: 'confirmed' });
    // swallowed for the client, never for the operator: the lost entry is in the log with its cause
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]![0]).toMatch(/audit entry not written for POST .*: db down/);
  });
});

describe(entityOfRoute.name, () => {
  it.each([
    ['/api/users', 'users'],
    ['/api/users/:id', 'users'],
    ['/api/sessions/:id/registrations', 'registrations'],
    ['/api', 'unknown'],
  ])('%s → %s', (route, entity) => expect(entityOfRoute(route)).toBe(entity));
});
