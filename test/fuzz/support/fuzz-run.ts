import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { activityId, createSession, enterprise, login } from '@app/testing/fixtures';
import { TestApp } from '@app/testing/test-app';
import { createUser, unitIdsByCode } from '../../identity/identity-helpers';
import { operations } from './openapi';
import { Auth, FuzzRequest, KnownIds, requestsFor } from './requests';
import { hashTables, settledHash } from './table-hash';

export interface FuzzReport {
  requests: number;
  byStatus: Record<number, number>;
  serverErrors: { request: FuzzRequest; status: number; body: string }[];
  changedTables: { route: string; tables: string[] }[];
}

/**
 * Reads that are themselves audited: a 签到表 export hands out personal data, so each one that is
 * served leaves an audit entry, malformed query or not.
 */
const AUDITED_READS = new Set(['GET /api/sessions/{id}/registrations.xlsx']);

/**
 * Sends `total` generated requests spread over every operation of the app's OpenAPI document,
 * as admin, organizer, anonymous and with a garbage token. Collects every 5xx and, per
 * operation, every table whose rows changed.
 */
export async function fuzzApi(t: TestApp, total: number, seed: number): Promise<FuzzReport> {
  const admin = await login(t.http);
  const fair = await activityId(t.http, '2021-2-2');
  const session = await createSession(t.http, admin, fair);
  const units = await unitIdsByCode(t.http);
  const organizer = await createUser(t.http, admin, { role: 'organizer', unitIds: [[...units.values()][0]!] });
  const reg = await t.http.post(`/api/sessions/${session.id}/registrations`).send(enterprise(1)).expect(201);
  const tokens: Record<Auth, string | undefined> = {
    admin,
    organizer: organizer.token,
    none: undefined,
    garbage: 'eyJhbGciOiJub25lIn0.e30.',
  };
  const known: KnownIds = {
    id: {
      id: [String(session.id), String(fair), String(reg.body.id), '1'],
      registrationId: [String(reg.body.id)],
    },
    code: ['qz-2021-talent-activities', 'qz-2022-five-hundreds'],
  };

  const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/docs-json' })).body);
  const ops = operations(doc);
  // rendering a QR PNG or an XLSX takes ~70 ms: those reads get a fifth of the share
  const heavy = (path: string) => /\.(png|xlsx)$/.test(path);
  const shares = ops.reduce((n, op) => n + (heavy(op.path) ? 0.2 : 1), 0);
  const perOp = Math.ceil(total / shares);
  const ds = t.app.get(DataSource);
  const report: FuzzReport = { requests: 0, byStatus: {}, serverErrors: [], changedTables: [] };

  let before = await settledHash(ds);
  const started = Date.now();
  const perOpMs: Record<string, number> = {};
  for (const op of ops) {
    const opStart = Date.now();
    await fc.assert(
      fc.asyncProperty(requestsFor(op, known, tokens), async (request) => {
        const res = await t.app.inject({
          method: request.method as 'GET',
          url: request.url,
          headers: request.headers,
          ...(request.payload !== undefined ? { payload: request.payload } : {}),
        });
        report.requests++;
        report.byStatus[res.statusCode] = (report.byStatus[res.statusCode] ?? 0) + 1;
        if (res.statusCode >= 500)
          report.serverErrors.push({ request, status: res.statusCode, body: res.body.slice(0, 300) });
      }),
      { numRuns: heavy(op.path) ? Math.ceil(perOp / 5) : perOp, seed, endOnFailure: true },
    );
    perOpMs[`${op.method} ${op.path}`] = Date.now() - opStart;
    // every operation is checked, reads too: a read that writes is blamed on itself, not on the next write
    const after = await hashTables(ds);
    const tables = Object.keys({ ...before, ...after })
      .filter((k) => before[k] !== after[k])
      .filter((k) => !(k === 'audit_log' && AUDITED_READS.has(`${op.method} ${op.path}`)));
    if (tables.length) report.changedTables.push({ route: `${op.method} ${op.path}`, tables });
    before = after;
  }
  if (process.env.FUZZ_VERBOSE)
    console.log(`${report.requests} requests in ${Date.now() - started} ms`, report.byStatus, perOpMs);
  return report;
}
