import { ADMIN, testEnv } from '@app/testing/test-app';
import { createTestDatabase, TestDatabase } from '@app/testing/test-db';
import { ApiProcess, startApiProcess } from '@app/testing/api-process';
import { enterprise, phd, PLAN_2021, sessionBody } from '@app/testing/fixtures';
import { OpenApiValidator } from '@app/testing/openapi-validator';

interface Reply {
  status: number;
  body: any;
}

const openapi = OpenApiValidator.committed();

const call = async (url: string, method: string, path: string, body?: unknown, token?: string): Promise<Reply> => {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const reply = { status: res.status, body: await res.json().catch(() => null) };
  openapi.assert(method, path, { ...reply, headers: { 'content-type': res.headers.get('content-type') ?? '' } });
  return reply;
};

describe('quotas across two API processes on one MariaDB', () => {
  let db: TestDatabase;
  let apis: ApiProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    const env = testEnv(db, { LOG_LEVEL: 'warn' });
    // started together: migrations and the plan import are serialized by a database lock
    apis = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  });
  afterAll(async () => {
    process.stdout.write(`OpenAPI: ${openapi.checked} responses validated against the document\n`);
    await Promise.all(apis.map((a) => a.stop()));
    await db?.drop();
  });

  it('confirms exactly 200 + 100 of 390 parallel registrations, waitlists the rest gaplessly, and promotes the first k waiting', async () => {
    const [a, b] = apis.map((p) => p.url) as [string, string];
    const token = (await call(a, 'POST', '/api/auth/login', ADMIN)).body.accessToken as string;
    const plan = (await call(b, 'GET', `/api/programs/${PLAN_2021}`)).body;
    const fair = plan.series[1].activities.find((x: { code: string }) => x.code === '2021-2-2').id;
    const session = (await call(a, 'POST', `/api/activities/${fair}/sessions`, sessionBody(), token)).body;

    const bodies = [
      ...Array.from({ length: 260 }, (_, i) => enterprise(1000 + i)),
      ...Array.from({ length: 130 }, (_, i) => phd(1000 + i)),
    ];
    const replies = await Promise.all(
      bodies.map((body, i) => call(i % 2 ? a : b, 'POST', `/api/sessions/${session.id}/registrations`, body)),
    );
    expect(replies.filter((r) => r.status >= 500)).toEqual([]);
    expect(replies.every((r) => r.status === 201)).toBe(true);

    const quotas = (await call(b, 'GET', `/api/sessions/${session.id}`)).body.quotas;
    expect(quotas).toEqual(
      expect.arrayContaining([
        { category: 'enterprise', capacity: 200, confirmed: 200, pending: 0, waitlisted: 60, available: 0 },
        { category: 'phd', capacity: 100, confirmed: 100, pending: 0, waitlisted: 30, available: 0 },
      ]),
    );
    const byStatus = (category: string, status: string) =>
      replies.filter((r, i) => bodies[i]!.category === category && r.body.status === status);
    expect(byStatus('enterprise', 'confirmed')).toHaveLength(200);
    expect(byStatus('phd', 'confirmed')).toHaveLength(100);

    const waiting = async (category: string) => {
      const list = await call(
        a,
        'GET',
        `/api/sessions/${session.id}/registrations?status=waitlisted&category=${category}&pageSize=500`,
        undefined,
        token,
      );
      return (list.body.items as { id: number; waitlistPosition: number }[]).sort(
        (x, y) => x.waitlistPosition - y.waitlistPosition,
      );
    };
    const queue = await waiting('enterprise');
    expect(queue.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect((await waiting('phd')).map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    // cancel k = 10 confirmed enterprises in parallel across both processes
    const confirmed = byStatus('enterprise', 'confirmed').slice(0, 10);
    const cancels = await Promise.all(
      confirmed.map((r, i) =>
        call(i % 2 ? a : b, 'POST', `/api/registrations/${r.body.id}/cancel?token=${r.body.manageToken}`, {}),
      ),
    );
    expect(cancels.map((c) => c.status)).toEqual(Array(10).fill(200));

    const firstTen = new Set(queue.slice(0, 10).map((r) => r.id));
    const list = await call(
      a,
      'GET',
      `/api/sessions/${session.id}/registrations?category=enterprise&status=confirmed&pageSize=500`,
      undefined,
      token,
    );
    const nowConfirmed = new Set((list.body.items as { id: number }[]).map((r) => r.id));
    expect(nowConfirmed.size).toBe(200);
    for (const id of firstTen) expect(nowConfirmed.has(id)).toBe(true);
    const rest = await waiting('enterprise');
    expect(rest.map((r) => r.id)).toEqual(queue.slice(10).map((r) => r.id));
    expect(rest.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
