import { startTestApp, TestApp } from '@app/testing/test-app';
import { fuzzApi } from './support/fuzz-run';

/** A smaller pass of the same fuzzing on MariaDB, where types and limits differ from SQLite. */
describe('API fuzz (MariaDB)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('mysql');
  });
  afterAll(() => t?.close());

  it('answers malformed requests without a 5xx and without changing a row', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261130) + 1;
    const report = await fuzzApi(t, Number(process.env.FUZZ_MYSQL_REQUESTS ?? 800), seed);
    expect(report.serverErrors).toEqual([]);
    expect(report.changedTables).toEqual([]);
    expect(report.requests).toBeGreaterThanOrEqual(800);
  }, 120_000);
});
