import TestAgent from 'supertest/lib/agent';
import { bearer } from '../identity/identity-helpers';

/** Shared by the attendance, outcomes and progress e2e files: real HTTP routes only. */
export const PLAN_2021 = 'qz-2021-talent-activities';

// GB 32100-2015 check character, written out here so the tests do not trust the code under test
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid 统一社会信用代码 for enterprise number `n` (企业, 泉州市). */
export function uscc(n: number): string {
  const first17 = `91350500${String(n).padStart(9, '0')}`;
  const sum = [...first17].reduce((s, c, i) => s + USCC_ALPHABET.indexOf(c) * USCC_WEIGHTS[i]!, 0);
  return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

const run = Date.now().toString(36);

export const enterprise = (i: number) => ({
  category: 'enterprise',
  name: `泉州测试${i}号机械有限公司`,
  email: `enterprise-${i}-${run}@test.example`,
  profile: { uscc: uscc(i), contactName: '张经理' },
});

export const phd = (i: number) => ({
  category: 'phd',
  name: `测试博士${i}`,
  email: `phd-${i}-${run}@test.example`,
  profile: { institution: '清华大学', field: '材料科学与工程' },
});

export interface ActivityRef {
  id: number;
  code: string;
  targets: { id: number; code: string; target: number; source: string }[];
}

/** An activity of a plan by its code, e.g. 2021-2-2 (泉博会). */
export async function activityByCode(http: TestAgent, program: string, code: string): Promise<ActivityRef> {
  const plan = (await http.get(`/api/programs/${program}`).expect(200)).body as {
    series: { activities: ActivityRef[] }[];
  };
  const activity = plan.series.flatMap((s) => s.activities).find((a) => a.code === code);
  if (!activity) throw new Error(`no activity ${code} in ${program}`);
  return activity;
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** A session starting `startsIn` minutes from now; registration open from an hour ago until the start. */
export function sessionBody(opts: {
  startsIn: number;
  hours?: number;
  quotas: { category: string; capacity: number }[];
  waitlistEnabled?: boolean;
  requiresApproval?: boolean;
  level?: string;
}) {
  return {
    title: `泉州市博士人才项目对接会 ${run}`,
    level: opts.level ?? 'city',
    startsAt: minutes(opts.startsIn),
    endsAt: minutes(opts.startsIn + (opts.hours ?? 4) * 60),
    venue: '泉州市海峡人力资源产业园',
    city: '泉州市',
    mode: 'offline',
    registrationOpensAt: minutes(-60),
    registrationClosesAt: minutes(Math.max(opts.startsIn, 1)),
    requiresApproval: opts.requiresApproval ?? false,
    waitlistEnabled: opts.waitlistEnabled ?? false,
    quotas: opts.quotas,
  };
}

export async function createSession(
  http: TestAgent,
  token: string,
  activityId: number,
  body: ReturnType<typeof sessionBody>,
): Promise<number> {
  const res = await http.post(`/api/activities/${activityId}/sessions`).set(bearer(token)).send(body);
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: number }).id;
}

export interface Registered {
  id: number;
  status: string;
  manageToken: string;
}

export async function register(http: TestAgent, sessionId: number, body: object): Promise<Registered> {
  const res = await http.post(`/api/sessions/${sessionId}/registrations`).send(body);
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Registered;
}

/** The holder's view shows the check-in code once confirmed. */
export async function checkInCodeOf(http: TestAgent, reg: Registered): Promise<string> {
  const res = await http.get(`/api/registrations/${reg.id}`).query({ token: reg.manageToken }).expect(200);
  const code = (res.body as { checkInCode?: string }).checkInCode;
  if (!code) throw new Error(`registration ${reg.id} has no check-in code: ${JSON.stringify(res.body)}`);
  return code;
}

/** Runs `fn` over `items`, `width` at a time, keeping order. */
export async function inBatches<T, R>(items: T[], width: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    out.push(...(await Promise.all(items.slice(i, i + width).map((item, j) => fn(item, i + j)))));
  }
  return out;
}
