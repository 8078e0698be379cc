import ExcelJS from 'exceljs';
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { BulletinEntity } from '@app/bulletins';
import { Clock } from '@app/core';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { createTestDatabase, TestDatabase } from '@app/testing/test-db';
import { repoRoot } from '@app/testing/repo-root';
import { bearer, createUser, CreatedUser, loginAdmin, unitIdsByCode } from '../identity/identity-helpers';
import {
  RedisProcess,
  SmtpSink,
  spawnWorker,
  startRedis,
  startSmtpSink,
  waitFor,
  WorkerProcess,
} from '../notifications/support';

const PLAN_2022 = 'qz-2022-five-hundreds';

/** The workers load every lib (bulletins sit on progress): build when any source is newer than dist. */
function ensureFullBuild(): void {
  const root = repoRoot();
  const sources = execSync(`find libs apps -path '*/src/*' -name '*.ts' ! -name '*.spec.ts'`, { cwd: root })
    .toString()
    .split('\n')
    .filter(Boolean);
  const stale = sources.some((src) => {
    const out = join(root, 'dist', src.replace(/\.ts$/, '.js'));
    return !existsSync(out) || statSync(out).mtimeMs < statSync(join(root, src)).mtimeMs;
  });
  if (stale) execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
}
const JULY_1_0900_BEIJING = '2022-07-01T01:00:00Z';

/**
 * Issue 13's schedule across processes: MariaDB, a private Redis, a real SMTP server, the API
 * in-process and two worker PROCESSES whose clocks read 2022-07-01 09:00 Beijing time; one of them
 * is restarted in the middle. The 2022 plan's half-yearly schedule owes its 2022-H1 bulletin.
 */
describe('bulletin schedule in two worker processes (MariaDB, Redis, SMTP)', () => {
  let db: TestDatabase;
  let redis: RedisProcess;
  let sink: SmtpSink;
  let api: TestApp;
  let workers: WorkerProcess[] = [];
  let admin: string;
  const organizers: { user: CreatedUser; unit: string }[] = [];

  beforeAll(async () => {
    ensureFullBuild();
    [db, redis, sink] = await Promise.all([createTestDatabase('mysql'), startRedis(), startSmtpSink()]);
    api = await startTestApp('mysql', { REDIS_URL: redis.url, SMTP_URL: sink.url, NOTIFY_POLL_MS: '200' }, db);
    api.app.get(Clock).now = () => new Date(JULY_1_0900_BEIJING);
    admin = await loginAdmin(api.http);
    const units = await unitIdsByCode(api.http);
    for (const [code, name] of [
      ['qz-hrss', '市人社局'],
      ['qz-hrss', '市人社局'],
      ['qz-org-dept', '市委组织部'],
      ['qz-sci-tech', '市科技局'],
    ] as const) {
      organizers.push({
        user: await createUser(api.http, admin, { role: 'organizer', unitIds: [units.get(code)!] }),
        unit: name,
      });
    }
    await api.http
      .put(`/api/programs/${PLAN_2022}/bulletin-schedule`)
      .set(bearer(admin))
      .send({ frequency: 'half_yearly' })
      .expect(200);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await api?.close();
    await Promise.all([redis?.stop(), sink?.close()]);
    await db?.drop();
  });

  const start = () =>
    spawnWorker(db, {
      REDIS_URL: redis.url,
      SMTP_URL: sink.url,
      NOTIFY_POLL_MS: '200',
      WORKER_CONCURRENCY: '4',
      TEST_CLOCK: JULY_1_0900_BEIJING,
      BULLETIN_TICK_MS: '300',
    });
  const bulletins = () => api.app.get(DataSource).getRepository(BulletinEntity).find();

  it('issues the 2022-H1 bulletin once and mails each lead unit’s organizers once, their section first', async () => {
    workers = [start(), start()];
    await waitFor('a bulletin', async () => (await bulletins()).length > 0, 60_000);
    // restart one worker in the middle: it upserts the same job scheduler and goes on ticking
    expect(await workers[0]!.stop()).toBe(0);
    workers[0] = start();
    const expected = organizers.length + 1; // and the administrator
    await waitFor(`${expected} mails`, () => sink.count >= expected, 60_000);
    await new Promise((r) => setTimeout(r, 2_000)); // many more ticks of both workers
    const all = await bulletins();
    expect(all.map((b) => b.periodLabel)).toEqual(['2022-H1']);
    expect(all[0]!.trigger).toBe('schedule');
    expect(sink.count).toBe(expected);

    const progress = (await api.http.get(`/api/programs/${PLAN_2022}/progress`).set(bearer(admin))).body;
    for (const { user, unit } of organizers) {
      const mine = sink.messages.filter((m) => m.to.includes(user.email));
      expect(mine).toHaveLength(1);
      const sections = mine[0]!.text.split(/\r?\n\r?\n/);
      expect(sections[2]).toMatch(new RegExp(`^一、${unit}牵头的目标任务`));
      const xlsx = mine[0]!.attachments.find((a) => a.filename.endsWith('.xlsx'))!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.content as unknown as ArrayBuffer);
      const codes: string[] = [];
      wb.getWorksheet('全部目标任务')!.eachRow((row, n) => n > 2 && codes.push(String(row.getCell(14).value)));
      expect(codes.sort()).toEqual(progress.targets.map((x: { code: string }) => x.code).sort());
    }
    const again = await api.http.post(`/api/programs/${PLAN_2022}/bulletins`).set(bearer(admin)).send({}).expect(200);
    expect(again.body.id).toBe(all[0]!.id);
  }, 180_000);
});
