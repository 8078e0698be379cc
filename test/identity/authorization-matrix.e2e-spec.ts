import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AccessService, AuthUser } from '@app/identity';
import { startTestApp, TestApp } from '@app/testing/test-app';
import {
  Actor,
  ACTORS,
  AWAITING_ROWS,
  MATRIX,
  MATRIX_ACTIVITY,
  MATRIX_PROGRAM,
  MATRIX_UNITS,
  MatrixContext,
  PUBLIC_ROUTES,
  SignedInActor,
} from './authorization-matrix';
import { bearer, loginAdmin, strongPassword, uniqueEmail, unitIdsByCode, login } from './identity-helpers';

interface RecordedWrite {
  actor: { id: number; email: string };
  route: string;
  entityId: number | string | null;
}

const ROLE_OF: Record<SignedInActor, { role: string; unit?: 'own' | 'other' }> = {
  admin: { role: 'admin' },
  organizerOwn: { role: 'organizer', unit: 'own' },
  organizerOther: { role: 'organizer', unit: 'other' },
  checkinOwn: { role: 'checkin_staff', unit: 'own' },
  checkinOther: { role: 'checkin_staff', unit: 'other' },
};

describe('authorization matrix (MariaDB)', () => {
  let t: TestApp;
  let ctx: MatrixContext;
  const writes: RecordedWrite[] = [];
  let seq = 0;

  const send = (method: string, path: string, token: string | undefined, body?: object) => {
    const req = t.http[method.toLowerCase() as 'get'](path);
    if (token) req.set(bearer(token));
    return body === undefined ? req : req.send(body);
  };
  const record = (actor: SignedInActor, route: string, res: { status: number; body: any }, path: string) => {
    if (route.startsWith('GET ') || res.status >= 300) return;
    const paramId = /\/(\d+)(?:\/|$)/.exec(path)?.[1];
    writes.push({ actor: ctx.users[actor], route, entityId: res.body?.id ?? (paramId ? Number(paramId) : null) });
  };

  beforeAll(async () => {
    t = await startTestApp('mysql');
    const adminToken = await loginAdmin(t.http);
    const units = await unitIdsByCode(t.http);
    const program = (await t.http.get(`/api/programs/${MATRIX_PROGRAM}`).expect(200)).body;
    const activity = program.series
      .flatMap((s: { activities: { id: number; code: string }[] }) => s.activities)
      .find((a: { code: string }) => a.code === MATRIX_ACTIVITY);
    const me = (await t.http.get('/api/me').set(bearer(adminToken)).expect(200)).body;

    ctx = {
      http: t.http,
      tokens: { admin: adminToken } as MatrixContext['tokens'],
      users: { admin: { id: me.id, email: me.email } } as MatrixContext['users'],
      units: { own: units.get(MATRIX_UNITS.own)!, other: units.get(MATRIX_UNITS.other)! },
      activity: { id: activity.id, code: activity.code },
      unique: (prefix) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++seq}`,
      asAdmin: async (method, path, body) => {
        const res = await send(method, path, adminToken, body);
        if (res.status >= 300) throw new Error(`setup ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
        record('admin', `${method.toUpperCase()} ${path}`, res, path);
        return res;
      },
    };
    for (const actor of ACTORS) {
      if (actor === 'anonymous' || actor === 'admin') continue;
      const { role, unit } = ROLE_OF[actor];
      const email = uniqueEmail(actor.toLowerCase());
      const password = strongPassword();
      const res = await ctx.asAdmin('post', '/api/users', { email, password, role, unitIds: [ctx.units[unit!]] });
      ctx.users[actor] = { id: res.body.id, email };
      ctx.tokens[actor] = await login(t.http, email, password);
    }
  });
  afterAll(() => t?.close());

  describe.each(MATRIX.map((row) => [`${row.route}${row.note ? ` (${row.note})` : ''}`, row] as const))(
    '%s',
    (_name, row) => {
      const [method] = row.route.split(' ');
      it.each(ACTORS.map((a) => [a, row.expect[a]] as const))('as %s → %i', async (actor: Actor, expected) => {
        const { path, body } = await row.request(ctx, actor);
        const res = await send(method!, path, actor === 'anonymous' ? undefined : ctx.tokens[actor], body);
        if (res.status !== expected)
          throw new Error(`expected ${expected}, got ${res.status}: ${JSON.stringify(res.body)}`);
        if (expected >= 400) {
          expect(res.body).toMatchObject({
            statusCode: expected,
            error: expect.any(String),
            message: expect.any(String),
          });
        }
        if (actor !== 'anonymous') record(actor, row.route, res, path);
      });
    },
  );

  it('covers every write route and every route behind @Roles', () => {
    const doc = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
    const rows = new Set([...MATRIX.map((r) => r.route), ...PUBLIC_ROUTES]);
    const stale = AWAITING_ROWS.filter((r) => rows.has(r));
    if (stale.length) throw new Error(`remove from AWAITING_ROWS, they have rows now:\n  ${stale.join('\n  ')}`);
    const known = new Set([...rows, ...AWAITING_ROWS]);
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, { security?: unknown[] }>)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        const protectedRoute = (op.security?.length ?? 0) > 0;
        if ((method !== 'get' || protectedRoute) && !known.has(route)) missing.push(route);
      }
    }
    if (missing.length) {
      throw new Error(
        `routes missing from test/identity/authorization-matrix.ts (add a MATRIX row, or PUBLIC_ROUTES for a ` +
          `deliberately public write):\n  ${missing.join('\n  ')}`,
      );
    }
  });

  describe('AccessService on the real plan data (泉博会: 市人社局 vs 市市场监管局)', () => {
    let access: AccessService;
    const user = (actor: SignedInActor, sessionIds: number[] = []): AuthUser => {
      const { role, unit } = ROLE_OF[actor];
      return {
        id: ctx.users[actor].id,
        email: ctx.users[actor].email,
        role: role as AuthUser['role'],
        unitIds: unit ? [ctx.units[unit]] : [],
        sessionIds,
      };
    };
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { statusCode?: number }) => e.statusCode,
      );
    beforeAll(() => {
      access = t.app.get(AccessService);
    });

    it('manage activity: admin and organizer of its unit only', async () => {
      const got: Record<string, unknown> = {};
      for (const a of ACTORS) {
        got[a] = await outcome(
          access.assertCanManageActivity(a === 'anonymous' ? undefined : user(a), ctx.activity.id),
        );
      }
      expect(got).toEqual({
        anonymous: 401,
        admin: 'ok',
        organizerOwn: 'ok',
        organizerOther: 403,
        checkinOwn: 403,
        checkinOther: 403,
      });
    });

    it('check in: admin, organizer of the activity, staff of its unit or of the session', async () => {
      const at = { activityId: ctx.activity.id, sessionId: 987654 };
      const got: Record<string, unknown> = {};
      for (const a of ACTORS)
        got[a] = await outcome(access.assertCanCheckIn(a === 'anonymous' ? undefined : user(a), at));
      expect(got).toEqual({
        anonymous: 401,
        admin: 'ok',
        organizerOwn: 'ok',
        organizerOther: 403,
        checkinOwn: 'ok',
        checkinOther: 403,
      });
      expect(await outcome(access.assertCanCheckIn(user('checkinOther', [at.sessionId]), at))).toBe('ok');
      expect(await outcome(access.assertCanCheckIn(user('organizerOther', [at.sessionId]), at))).toBe(403);
    });

    it('report for responsible units: admin and organizers of those units', async () => {
      const got: Record<string, unknown> = {};
      for (const a of ACTORS) {
        got[a] = await outcome(access.assertCanReportFor(a === 'anonymous' ? undefined : user(a), [ctx.units.own]));
      }
      expect(got).toEqual({
        anonymous: 401,
        admin: 'ok',
        organizerOwn: 'ok',
        organizerOther: 403,
        checkinOwn: 403,
        checkinOther: 403,
      });
    });

    it('personal data: visible to admin and organizers of the activity', async () => {
      const got: Record<string, boolean> = {};
      for (const a of ACTORS)
        got[a] = await access.canSeePersonalData(a === 'anonymous' ? undefined : user(a), ctx.activity.id);
      expect(got).toEqual({
        anonymous: false,
        admin: true,
        organizerOwn: true,
        organizerOther: false,
        checkinOwn: false,
        checkinOther: false,
      });
    });
  });

  // declared last, so it runs after every row above (jest runs tests in declaration order)
  it('every write made above is in the audit log with its actor', async () => {
    const writtenRoutes = MATRIX.filter((r) => !r.route.startsWith('GET ') && r.expect.admin < 300).map((r) => r.route);
    expect(writes.map((w) => w.route)).toEqual(expect.arrayContaining(writtenRoutes));
    const res = await t.http.get('/api/audit?pageSize=500').set(bearer(ctx.tokens.admin)).expect(200);
    const entries = res.body.items as { actor: { id: number; email: string }; entityId: unknown; action: string }[];
    expect(res.body.total).toBeGreaterThanOrEqual(writes.length);
    for (const w of writes) {
      expect(entries).toContainEqual(
        expect.objectContaining({ actor: { id: w.actor.id, email: w.actor.email }, entityId: w.entityId }),
      );
    }
  });
});
