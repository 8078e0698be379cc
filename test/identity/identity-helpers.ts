import TestAgent from 'supertest/lib/agent';
import { ADMIN } from '@app/testing/test-app';
import { activityByCode, createSession, PLAN_2021, sessionBody } from '../attendance/event-fixtures';

/** A password that passes the policy; unique per call so accounts never share one. */
let passwordSeq = 0;
export const strongPassword = (): string => `quanzhou-fair-${Date.now().toString(36)}-${++passwordSeq}`;

let emailSeq = 0;
/** An email unique across test runs and processes. */
export const uniqueEmail = (prefix: string): string =>
  `${prefix}-${process.pid}-${Date.now().toString(36)}-${++emailSeq}@test.example`;

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function login(http: TestAgent, email: string, password: string): Promise<string> {
  const res = await http.post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { accessToken: string }).accessToken;
}

export const loginAdmin = (http: TestAgent): Promise<string> => login(http, ADMIN.email, ADMIN.password);

export interface CreatedUser {
  id: number;
  email: string;
  password: string;
  token: string;
}

/** Creates a user as admin and signs it in. */
export async function createUser(
  http: TestAgent,
  adminToken: string,
  body: { role: string; unitIds?: number[]; sessionIds?: number[]; email?: string },
): Promise<CreatedUser> {
  const email = body.email ?? uniqueEmail(body.role);
  const password = strongPassword();
  const res = await http
    .post('/api/users')
    .set(bearer(adminToken))
    .send({ ...body, email, password });
  if (res.status !== 201) throw new Error(`create user: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: (res.body as { id: number }).id, email, password, token: await login(http, email, password) };
}

/** Unit ids by code, from the public unit list. */
export async function unitIdsByCode(http: TestAgent): Promise<Map<string, number>> {
  const res = await http.get('/api/units').expect(200);
  return new Map((res.body as { id: number; code: string }[]).map((u) => [u.code, u.id]));
}

/**
 * `n` real sessions of 泉博会 (2021-2-2), created as admin, ascending: check-in staff can only be
 * scoped to sessions that exist.
 */
export async function createSessions(http: TestAgent, adminToken: string, n: number): Promise<number[]> {
  const activity = await activityByCode(http, PLAN_2021, '2021-2-2');
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const body = sessionBody({ startsIn: 24 * 60, quotas: [{ category: 'phd', capacity: 5 }] });
    ids.push(await createSession(http, adminToken, activity.id, body));
  }
  return ids.sort((a, b) => a - b);
}
