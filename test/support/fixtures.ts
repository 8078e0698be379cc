import TestAgent from 'supertest/lib/agent';
import { ADMIN } from './test-app';
import { makeUscc } from './identities';

export const PLAN_2021 = 'qz-2021-talent-activities';

export async function login(http: TestAgent, email = ADMIN.email, password = ADMIN.password): Promise<string> {
  const res = await http.post('/api/auth/login').send({ email, password });
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** Id of an activity of the 2021 plan by its code, e.g. 2021-2-2 (泉博会). */
export async function activityId(http: TestAgent, code: string, program = PLAN_2021): Promise<number> {
  const res = await http.get(`/api/programs/${program}`).expect(200);
  for (const s of res.body.series) for (const a of s.activities) if (a.code === code) return a.id as number;
  throw new Error(`no activity ${code}`);
}

export interface SessionOptions {
  quotas?: { category: string; capacity: number }[];
  requiresApproval?: boolean;
  waitlistEnabled?: boolean;
  startsInHours?: number;
  mode?: 'offline' | 'online' | 'hybrid';
}

export function sessionBody(o: SessionOptions = {}) {
  const now = Date.now();
  const startsAt = new Date(now + (o.startsInHours ?? 72) * 3600_000);
  return {
    title: '2021泉州市博士人才项目对接会',
    level: 'city',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 8 * 3600_000).toISOString(),
    venue: '泉州市人力资源市场',
    city: '泉州市',
    mode: o.mode ?? 'offline',
    ...(o.mode && o.mode !== 'offline' ? { onlineUrl: 'https://meeting.example.cn/qbh' } : {}),
    registrationOpensAt: new Date(now - 3600_000).toISOString(),
    registrationClosesAt: new Date(startsAt.getTime() - 3600_000).toISOString(),
    requiresApproval: o.requiresApproval ?? false,
    waitlistEnabled: o.waitlistEnabled ?? true,
    quotas: o.quotas ?? [
      { category: 'enterprise', capacity: 200 },
      { category: 'phd', capacity: 100 },
    ],
  };
}

export async function createSession(http: TestAgent, token: string, activity: number, o: SessionOptions = {}) {
  const res = await http
    .post(`/api/activities/${activity}/sessions`)
    .set('Authorization', `Bearer ${token}`)
    .send(sessionBody(o));
  if (res.status !== 201) throw new Error(`session create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    id: number;
    quotas: {
      category: string;
      capacity: number;
      confirmed: number;
      pending: number;
      waitlisted: number;
      available: number;
    }[];
  };
}

export function enterprise(n: number, extra: Record<string, unknown> = {}) {
  return {
    category: 'enterprise',
    name: `泉州测试企业${n}有限公司`,
    email: `hr${n}@enterprise${n}.example.cn`,
    phone: `1380000${String(n).padStart(4, '0')}`,
    profile: { uscc: makeUscc(n), contactName: `联系人${n}` },
    ...extra,
  };
}

export function phd(n: number, extra: Record<string, unknown> = {}) {
  return {
    category: 'phd',
    name: `博士${n}`,
    email: `phd${n}@university.example.edu`,
    profile: { institution: '华侨大学', field: '材料科学' },
    ...extra,
  };
}

/** The actual value of one target in a program's progress, as an organizer or admin reads it. */
export async function targetActual(http: TestAgent, token: string, code: string, program = PLAN_2021): Promise<number> {
  const res = await http.get(`/api/programs/${program}/progress`).set('Authorization', `Bearer ${token}`).expect(200);
  const target = (res.body.targets as { code: string; actual: number }[]).find((x) => x.code === code);
  if (!target) throw new Error(`no target ${code} in ${program}`);
  return target.actual;
}
