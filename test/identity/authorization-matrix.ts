/**
 * THE authorization matrix: one row per protected or write route, one expected status per actor.
 * `authorization-matrix.e2e-spec.ts` runs every row for every actor, and fails when the API has a
 * write route (or a route behind `@Roles`) that is neither here nor in PUBLIC_ROUTES.
 *
 * Adding a route: append a row to MATRIX (below), e.g.
 *
 *   {
 *     route: 'POST /api/activities/:id/sessions',
 *     request: (ctx) => ({ path: `/api/activities/${ctx.activity.id}/sessions`, body: sessionBody() }),
 *     expect: organizerOfActivity(201),
 *   },
 *
 * `route` is the method and the route pattern exactly as declared (`:param` style, with the
 * `/api` prefix). `request` is called once per actor, so a row that changes state can build a
 * fresh target each time (see PATCH /api/users/:id). Expectation helpers state the policy;
 * everything they do not allow is 403 for signed-in actors and 401 for anonymous.
 */
import TestAgent from 'supertest/lib/agent';
import { enterprise, phd, sessionBody } from '../support/fixtures';

/**
 * Who asks. "Own" means a unit of the matrix activity (市人社局, lead and host of 泉博会);
 * "other" a unit with nothing to do with it (市市场监管局 hosts nothing in 2021).
 */
export const ACTORS = ['anonymous', 'admin', 'organizerOwn', 'organizerOther', 'checkinOwn', 'checkinOther'] as const;
export type Actor = (typeof ACTORS)[number];
export type SignedInActor = Exclude<Actor, 'anonymous'>;

export const MATRIX_UNITS = { own: 'qz-hrss', other: 'qz-samr' } as const;
export const MATRIX_PROGRAM = 'qz-2021-talent-activities';
/** 泉博会 (2021 plan, series 二, item 2): led and hosted by 市人社局 */
export const MATRIX_ACTIVITY = '2021-2-2';

export interface MatrixContext {
  http: TestAgent;
  /** tokens of the signed-in actors */
  tokens: Record<SignedInActor, string>;
  users: Record<SignedInActor, { id: number; email: string }>;
  units: { own: number; other: number };
  activity: { id: number; code: string };
  /** sends a request as the admin (for setting up a row's target); recorded for the audit check */
  asAdmin(
    method: 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body?: object,
  ): Promise<{ status: number; body: any }>;
  /** a string unique in this run */
  unique(prefix: string): string;
}

export interface MatrixRequest {
  path: string;
  body?: object;
}

export interface MatrixRow {
  /** e.g. 'PATCH /api/users/:id' */
  route: string;
  /** extra words for the test name when a route has several rows */
  note?: string;
  request(ctx: MatrixContext, actor: Actor): MatrixRequest | Promise<MatrixRequest>;
  expect: Record<Actor, number>;
}

/** Statuses for the actors named; 403 for every other signed-in actor, 401 for anonymous. */
export const expectFor = (allowed: Partial<Record<SignedInActor, number>>): Record<Actor, number> => ({
  anonymous: 401,
  admin: 403,
  organizerOwn: 403,
  organizerOther: 403,
  checkinOwn: 403,
  checkinOther: 403,
  ...allowed,
});
export const adminOnly = (status: number) => expectFor({ admin: status });
/** admin, and organizers of one of the activity's lead or host units */
export const organizerOfActivity = (status: number) => expectFor({ admin: status, organizerOwn: status });
/** organizers of the activity and check-in staff of its units */
export const checkInStaffOfActivity = (status: number) =>
  expectFor({ admin: status, organizerOwn: status, checkinOwn: status });
export const anySignedIn = (status: number) =>
  expectFor({ admin: status, organizerOwn: status, organizerOther: status, checkinOwn: status, checkinOther: status });

/** Non-GET routes that anyone may call on purpose (they are throttled with @PublicWrite instead). */
export const PUBLIC_ROUTES: string[] = [
  'POST /api/auth/login',
  // the refresh token in the body is the credential (the access token may have expired)
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  'POST /api/sessions/:id/registrations',
];

/**
 * Routes of other modules that existed before they had a row. A ratchet: this list may only
 * shrink. Replace an entry with a MATRIX row (or move it to PUBLIC_ROUTES); a new route must
 * never be added here.
 */
export const AWAITING_ROWS: string[] = [
  'GET /api/notifications',
  'GET /api/notifications/:id',
  'POST /api/notifications/:id/retry',
];

export const MATRIX: MatrixRow[] = [
  {
    route: 'GET /api/me',
    request: () => ({ path: '/api/me' }),
    expect: anySignedIn(200),
  },
  {
    route: 'GET /api/me/activities',
    request: () => ({ path: '/api/me/activities' }),
    expect: anySignedIn(200),
  },
  {
    route: 'POST /api/users',
    note: 'an organizer of the own unit',
    request: (ctx) => ({
      path: '/api/users',
      body: {
        email: `${ctx.unique('matrix-new')}@test.example`,
        password: `matrix-password-${ctx.unique('p')}`,
        role: 'organizer',
        unitIds: [ctx.units.own],
      },
    }),
    expect: adminOnly(201),
  },
  {
    route: 'GET /api/users',
    request: () => ({ path: '/api/users?page=1&pageSize=5' }),
    expect: adminOnly(200),
  },
  {
    route: 'GET /api/users/:id',
    request: (ctx) => ({ path: `/api/users/${ctx.users.organizerOwn.id}` }),
    expect: adminOnly(200),
  },
  {
    route: 'PATCH /api/users/:id',
    note: 'move a fresh organizer to the other unit',
    request: async (ctx) => {
      const created = await ctx.asAdmin('post', '/api/users', {
        email: `${ctx.unique('matrix-target')}@test.example`,
        password: `matrix-password-${ctx.unique('p')}`,
        role: 'organizer',
        unitIds: [ctx.units.own],
      });
      return { path: `/api/users/${created.body.id}`, body: { unitIds: [ctx.units.other] } };
    },
    expect: adminOnly(200),
  },
  {
    route: 'POST /api/users/:id/unlock',
    request: (ctx) => ({ path: `/api/users/${ctx.users.organizerOther.id}/unlock` }),
    expect: adminOnly(204),
  },
  {
    route: 'GET /api/audit',
    request: () => ({ path: '/api/audit?pageSize=5' }),
    expect: adminOnly(200),
  },
  ...registrationRows(),
  ...attendanceRows(),
  ...outcomeRows(),
  ...progressRows(),
  ...matchmakingRows(),
  ...bulletinRows(),
];

/** A fresh session of the matrix activity and, when asked, one registration in it (created as admin). */
async function freshRegistration(ctx: MatrixContext, requiresApproval: boolean) {
  const session = await ctx.asAdmin(
    'post',
    `/api/activities/${ctx.activity.id}/sessions`,
    sessionBody({ requiresApproval }),
  );
  const n = Number(ctx.unique('').replace(/\D/g, '').slice(-6));
  const reg = await ctx.asAdmin('post', `/api/sessions/${session.body.id}/registrations`, phd(n));
  return { sessionId: session.body.id as number, registrationId: reg.body.id as number };
}

function registrationRows(): MatrixRow[] {
  return [
    {
      route: 'POST /api/activities/:id/sessions',
      request: (ctx) => ({ path: `/api/activities/${ctx.activity.id}/sessions`, body: sessionBody() }),
      expect: organizerOfActivity(201),
    },
    {
      route: 'PATCH /api/sessions/:id',
      note: 'rename a fresh session',
      request: async (ctx) => {
        const { sessionId } = await freshRegistration(ctx, false);
        return { path: `/api/sessions/${sessionId}`, body: { title: '改期后的对接会' } };
      },
      expect: organizerOfActivity(200),
    },
    {
      route: 'GET /api/sessions/:id/registrations',
      note: "another unit's registrations are not readable",
      request: async (ctx) => ({
        path: `/api/sessions/${(await freshRegistration(ctx, false)).sessionId}/registrations`,
      }),
      expect: organizerOfActivity(200),
    },
    {
      route: 'POST /api/registrations/:id/cancel',
      note: 'without a manage token',
      request: async (ctx) => ({
        path: `/api/registrations/${(await freshRegistration(ctx, false)).registrationId}/cancel`,
        body: {},
      }),
      expect: organizerOfActivity(200),
    },
    {
      route: 'POST /api/registrations/:id/approve',
      request: async (ctx) => ({
        path: `/api/registrations/${(await freshRegistration(ctx, true)).registrationId}/approve`,
        body: {},
      }),
      expect: organizerOfActivity(200),
    },
    {
      route: 'POST /api/registrations/:id/reject',
      request: async (ctx) => ({
        path: `/api/registrations/${(await freshRegistration(ctx, true)).registrationId}/reject`,
        body: {},
      }),
      expect: organizerOfActivity(200),
    },
    {
      route: 'POST /api/registrations/:id/reopen',
      note: 'a rejected registration goes back to pending',
      request: async (ctx) => {
        const { registrationId } = await freshRegistration(ctx, true);
        await ctx.asAdmin('post', `/api/registrations/${registrationId}/reject`, {});
        return { path: `/api/registrations/${registrationId}/reopen`, body: {} };
      },
      expect: organizerOfActivity(200),
    },
    {
      route: 'POST /api/reconciliation/runs',
      request: () => ({ path: '/api/reconciliation/runs', body: {} }),
      expect: adminOnly(201),
    },
  ];
}

/** Organizers of any unit (and admins): program-wide reads. */
function anyOrganizer(status: number) {
  return expectFor({ admin: status, organizerOwn: status, organizerOther: status });
}

/** A session of the matrix activity whose check-in is open now (it starts in 90 minutes). */
async function openRegistration(ctx: MatrixContext) {
  const session = await ctx.asAdmin(
    'post',
    `/api/activities/${ctx.activity.id}/sessions`,
    sessionBody({ startsInHours: 1.5 }),
  );
  const n = Number(ctx.unique('').replace(/\D/g, '').slice(-6));
  const reg = await ctx.asAdmin('post', `/api/sessions/${session.body.id}/registrations`, phd(n));
  return { sessionId: session.body.id as number, registrationId: reg.body.id as number };
}

function attendanceRows(): MatrixRow[] {
  return [
    {
      route: 'POST /api/sessions/:id/check-ins',
      request: async (ctx) => {
        const { sessionId, registrationId } = await openRegistration(ctx);
        return { path: `/api/sessions/${sessionId}/check-ins`, body: { registrationId } };
      },
      expect: checkInStaffOfActivity(201),
    },
    {
      route: 'POST /api/sessions/:id/walk-ins',
      request: async (ctx) => {
        const { sessionId } = await openRegistration(ctx);
        const n = Number(ctx.unique('').replace(/\D/g, '').slice(-6)) + 500_000;
        return { path: `/api/sessions/${sessionId}/walk-ins`, body: phd(n) };
      },
      expect: checkInStaffOfActivity(201),
    },
    {
      route: 'DELETE /api/sessions/:id/check-ins/:registrationId',
      request: async (ctx) => {
        const { sessionId, registrationId } = await openRegistration(ctx);
        await ctx.asAdmin('post', `/api/sessions/${sessionId}/check-ins`, { registrationId });
        return { path: `/api/sessions/${sessionId}/check-ins/${registrationId}` };
      },
      expect: checkInStaffOfActivity(204),
    },
    {
      route: 'GET /api/sessions/:id/roster',
      request: async (ctx) => ({
        path: `/api/sessions/${(await freshRegistration(ctx, false)).sessionId}/roster?checkedIn=false`,
      }),
      expect: organizerOfActivity(200),
    },
    {
      route: 'GET /api/sessions/:id/registrations.xlsx',
      request: async (ctx) => ({
        path: `/api/sessions/${(await freshRegistration(ctx, false)).sessionId}/registrations.xlsx`,
      }),
      expect: organizerOfActivity(200),
    },
    {
      route: 'GET /api/sessions/:id/attendance',
      request: async (ctx) => ({ path: `/api/sessions/${(await freshRegistration(ctx, false)).sessionId}/attendance` }),
      expect: checkInStaffOfActivity(200),
    },
    {
      route: 'GET /api/activities/:id/attendance',
      request: (ctx) => ({ path: `/api/activities/${ctx.activity.id}/attendance` }),
      expect: organizerOfActivity(200),
    },
    {
      route: 'GET /api/programs/:code/attendance',
      request: () => ({ path: `/api/programs/${MATRIX_PROGRAM}/attendance` }),
      expect: anyOrganizer(200),
    },
  ];
}

let intentSeq = 0;
/** A new intent each time: a record repeating another (same type, parties and date) is a 409 duplicate. */
function intentBody() {
  return {
    type: 'cooperation_intent',
    title: '人才引进和项目合作意向',
    status: 'intent',
    parties: { enterpriseName: `泉州某新材料有限公司${++intentSeq}`, phdName: '陈博士' },
  };
}

function outcomeRows(): MatrixRow[] {
  return [
    {
      route: 'POST /api/activities/:id/outcomes',
      request: (ctx) => ({ path: `/api/activities/${ctx.activity.id}/outcomes`, body: intentBody() }),
      expect: organizerOfActivity(201),
    },
    {
      route: 'PATCH /api/outcomes/:id',
      note: 'sign a fresh intent',
      request: async (ctx) => {
        const created = await ctx.asAdmin('post', `/api/activities/${ctx.activity.id}/outcomes`, intentBody());
        return { path: `/api/outcomes/${created.body.id}`, body: { status: 'signed', signedOn: '2021-03-20' } };
      },
      expect: organizerOfActivity(200),
    },
    {
      route: 'POST /api/activities/:id/outcomes/import',
      note: 'JSON instead of a file: rights are checked before the upload is read',
      request: (ctx) => ({ path: `/api/activities/${ctx.activity.id}/outcomes/import`, body: {} }),
      expect: organizerOfActivity(400),
    },
  ];
}

/** months from 2022-07 on, one per call, so each actor of the withdraw row withdraws a report of its own */
let matrixMonth = 6;
const nextMatrixMonth = () => {
  const n = matrixMonth++;
  return `${2022 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};

/** A `reported` target of the 2022 plan with the own unit (市人社局) among its responsible units. */
async function ownReportedTarget(ctx: MatrixContext): Promise<number> {
  const plan = (await ctx.http.get('/api/programs/qz-2022-five-hundreds').expect(200)).body as {
    targets: { id: number; source: string; responsibleUnits: { id: number }[] }[];
  };
  const target = plan.targets.find(
    (t) => t.source === 'reported' && t.responsibleUnits.some((u) => u.id === ctx.units.own),
  );
  if (!target) throw new Error('no reported target of the own unit in the 2022 plan');
  return target.id;
}

function progressRows(): MatrixRow[] {
  return [
    {
      route: 'POST /api/targets/:id/reports',
      note: 'a first report for a period of its own (filing the same period again corrects it: 200)',
      request: async (ctx, actor) => ({
        path: `/api/targets/${await ownReportedTarget(ctx)}/reports`,
        body: { unitId: ctx.units.own, periodLabel: actor === 'admin' ? '2023' : '2024', value: 12 },
      }),
      expect: organizerOfActivity(201),
    },
    {
      route: 'POST /api/reports/:id/withdraw',
      note: 'a fresh report of the own unit',
      request: async (ctx) => {
        const filed = await ctx.asAdmin('post', `/api/targets/${await ownReportedTarget(ctx)}/reports`, {
          unitId: ctx.units.own,
          periodLabel: nextMatrixMonth(),
          value: 1,
        });
        return { path: `/api/reports/${filed.body.id}/withdraw`, body: {} };
      },
      expect: organizerOfActivity(200),
    },
    {
      route: 'GET /api/reports/:id/history',
      request: async (ctx) => {
        const filed = await ctx.asAdmin('post', `/api/targets/${await ownReportedTarget(ctx)}/reports`, {
          unitId: ctx.units.own,
          periodLabel: '2025',
          value: 3,
        });
        return { path: `/api/reports/${filed.body.id}/history` };
      },
      expect: anyOrganizer(200),
    },
    {
      route: 'GET /api/targets/:id/reports',
      request: async (ctx) => ({ path: `/api/targets/${await ownReportedTarget(ctx)}/reports` }),
      expect: anyOrganizer(200),
    },
    ...['progress', 'progress.csv', 'progress.xlsx'].map((variant): MatrixRow => ({
      route: `GET /api/programs/:code/${variant}`,
      request: () => ({ path: `/api/programs/${MATRIX_PROGRAM}/${variant}` }),
      expect: anyOrganizer(200),
    })),
  ];
}

/** A fresh session of the matrix activity running matchmaking, with one enterprise and one PhD (tokens kept). */
async function matchmakingSession(ctx: MatrixContext, withAcceptedMeeting = false) {
  const session = await ctx.asAdmin('post', `/api/activities/${ctx.activity.id}/sessions`, sessionBody());
  const startsAt = new Date(session.body.startsAt as string);
  await ctx.asAdmin('put', `/api/sessions/${session.body.id}/matchmaking`, {
    enabled: true,
    meetingMinutes: 20,
    firstSlotAt: startsAt.toISOString(),
    slotCount: 4,
    tableCount: 2,
    requestDeadline: new Date(startsAt.getTime() - 3600_000).toISOString(),
  });
  const sessionId = session.body.id as number;
  if (!withAcceptedMeeting) return { sessionId, meetingId: 0 };
  const n = Number(ctx.unique('').replace(/\D/g, '').slice(-4));
  const e = (await ctx.http.post(`/api/sessions/${sessionId}/registrations`).send(enterprise(n))).body;
  const p = (await ctx.http.post(`/api/sessions/${sessionId}/registrations`).send(phd(n))).body;
  const mm = (r: { id: number; manageToken: string }, rest: string) =>
    `/api/registrations/${r.id}/matchmaking/${rest}?token=${r.manageToken}`;
  await ctx.http
    .put(mm(e, 'profile'))
    .send({ tags: ['新材料'], technicalNeeds: '碳纤维复合材料' })
    .expect(200);
  await ctx.http
    .put(mm(p, 'profile'))
    .send({ tags: ['新材料'], expertise: '复合材料' })
    .expect(200);
  const meeting = (await ctx.http.post(mm(e, 'requests')).send({ toRegistrationId: p.id }).expect(201)).body;
  await ctx.http.post(mm(p, `requests/${meeting.id}/accept`)).expect(200);
  return { sessionId, meetingId: meeting.id as number };
}

function matchmakingRows(): MatrixRow[] {
  const participant = (route: string, path: string, body?: object): MatrixRow => ({
    route,
    note: 'without a manage token',
    request: () => ({ path, body }),
    // participant routes act only with the registration's manage token: without it nobody may (401 / 403)
    expect: expectFor({}),
  });
  return [
    {
      route: 'PUT /api/sessions/:id/matchmaking',
      request: async (ctx) => {
        const session = await ctx.asAdmin('post', `/api/activities/${ctx.activity.id}/sessions`, sessionBody());
        const startsAt = new Date(session.body.startsAt as string);
        return {
          path: `/api/sessions/${session.body.id}/matchmaking`,
          body: {
            enabled: true,
            meetingMinutes: 20,
            firstSlotAt: startsAt.toISOString(),
            slotCount: 16,
            tableCount: 12,
            requestDeadline: new Date(startsAt.getTime() - 3600_000).toISOString(),
          },
        };
      },
      expect: organizerOfActivity(200),
    },
    {
      route: 'POST /api/sessions/:id/matchmaking/schedule',
      request: async (ctx) => ({
        path: `/api/sessions/${(await matchmakingSession(ctx, true)).sessionId}/matchmaking/schedule`,
      }),
      expect: organizerOfActivity(200),
    },
    {
      route: 'PATCH /api/matchmaking/meetings/:id/placement',
      request: async (ctx) => ({
        path: `/api/matchmaking/meetings/${(await matchmakingSession(ctx, true)).meetingId}/placement`,
        body: { tableNo: 2, slotNo: 3 },
      }),
      expect: organizerOfActivity(200),
    },
    {
      route: 'POST /api/sessions/:id/matchmaking/agenda-mails',
      request: async (ctx) => ({
        path: `/api/sessions/${(await matchmakingSession(ctx)).sessionId}/matchmaking/agenda-mails`,
      }),
      expect: organizerOfActivity(200),
    },
    {
      route: 'GET /api/sessions/:id/matchmaking/matrix',
      request: async (ctx) => ({
        path: `/api/sessions/${(await matchmakingSession(ctx)).sessionId}/matchmaking/matrix`,
      }),
      expect: organizerOfActivity(200),
    },
    {
      route: 'GET /api/sessions/:id/matchmaking/matrix.xlsx',
      request: async (ctx) => ({
        path: `/api/sessions/${(await matchmakingSession(ctx)).sessionId}/matchmaking/matrix.xlsx`,
      }),
      expect: organizerOfActivity(200),
    },
    participant('PUT /api/registrations/:id/matchmaking/profile', '/api/registrations/1/matchmaking/profile', {
      tags: ['新材料'],
      expertise: '复合材料',
    }),
    participant('POST /api/registrations/:id/matchmaking/requests', '/api/registrations/1/matchmaking/requests', {
      toRegistrationId: 2,
    }),
    ...['accept', 'decline', 'withdraw'].map((verb) =>
      participant(
        `POST /api/registrations/:id/matchmaking/requests/:meetingId/${verb}`,
        `/api/registrations/1/matchmaking/requests/1/${verb}`,
      ),
    ),
    participant(
      'PUT /api/registrations/:id/matchmaking/meetings/:meetingId/result',
      '/api/registrations/1/matchmaking/meetings/1/result',
      { result: 'intent' },
    ),
  ];
}

/** A bulletin of the matrix program (2021 plan) for a month of its own, issued by the admin. */
async function matrixBulletin(ctx: MatrixContext, month: string): Promise<number> {
  const issued = await ctx.asAdmin('post', `/api/programs/${MATRIX_PROGRAM}/bulletins`, { periodLabel: month });
  if (issued.status !== 201 && issued.status !== 200) throw new Error(`bulletin not issued: ${issued.status}`);
  return issued.body.id as number;
}

function bulletinRows(): MatrixRow[] {
  return [
    {
      route: 'POST /api/programs/:code/bulletins',
      note: 'a period of the 2021 plan (201 for the first, 200 answering it after)',
      request: () => ({ path: `/api/programs/${MATRIX_PROGRAM}/bulletins`, body: { periodLabel: '2021-03' } }),
      expect: adminOnly(201),
    },
    {
      route: 'GET /api/programs/:code/bulletins',
      request: () => ({ path: `/api/programs/${MATRIX_PROGRAM}/bulletins` }),
      expect: anyOrganizer(200),
    },
    {
      route: 'GET /api/bulletins/:id',
      request: async (ctx) => ({ path: `/api/bulletins/${await matrixBulletin(ctx, '2021-04')}` }),
      expect: anyOrganizer(200),
    },
    {
      route: 'GET /api/bulletins/:id.xlsx',
      request: async (ctx) => ({ path: `/api/bulletins/${await matrixBulletin(ctx, '2021-05')}.xlsx` }),
      expect: anyOrganizer(200),
    },
    {
      route: 'GET /api/programs/:code/bulletin-schedule',
      request: () => ({ path: `/api/programs/${MATRIX_PROGRAM}/bulletin-schedule` }),
      expect: adminOnly(200),
    },
    {
      route: 'PUT /api/programs/:code/bulletin-schedule',
      request: () => ({ path: `/api/programs/${MATRIX_PROGRAM}/bulletin-schedule`, body: { frequency: 'monthly' } }),
      expect: adminOnly(200),
    },
  ];
}
