import { startTestApp, TestApp } from '@app/testing/test-app';
import { fuzzApi } from './support/fuzz-run';

/**
 * Property-based fuzzing of every route in the OpenAPI document (fast-check): malformed bodies,
 * params, query strings, raw bodies and media types, as admin, organizer, anonymous and with a
 * garbage token. Nothing answers 5xx and no table changes.
 */
describe('API fuzz (SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t?.close());

  it('answers 5,000+ malformed requests without a 5xx and without changing a row', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261130);
    const report = await fuzzApi(t, Number(process.env.FUZZ_REQUESTS ?? 5200), seed);
    expect(report.serverErrors).toEqual([]);
    expect(report.changedTables).toEqual([]);
    expect(report.requests).toBeGreaterThanOrEqual(5000);
    // the requests reached the validators and the access rules, not only the router
    expect(report.byStatus[400]).toBeGreaterThan(1000);
    expect((report.byStatus[401] ?? 0) + (report.byStatus[403] ?? 0)).toBeGreaterThan(100);
  }, 120_000);
});
