import { DataSource } from 'typeorm';
import { activityId, createSession, enterprise, login, phd } from '@app/testing/fixtures';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { createTestDatabase, TestDatabase } from '@app/testing/test-db';
import {
  ensureWorkerBuild,
  RedisProcess,
  SmtpSink,
  spawnWorker,
  startRedis,
  startSmtpSink,
  waitFor,
  WorkerProcess,
} from './support';

/**
 * Real registrations through the HTTP API → outbox → BullMQ (private redis-server) → a worker
 * process → a real SMTP server: every registrant hears once, in their language, with the facts.
 */
describe('registration mail end to end (MariaDB, Redis, worker, SMTP)', () => {
  let db: TestDatabase;
  let redis: RedisProcess;
  let sink: SmtpSink;
  let t: TestApp;
  let worker: WorkerProcess;
  let admin: string;
  let fair: number;

  beforeAll(async () => {
    ensureWorkerBuild();
    [db, redis] = await Promise.all([createTestDatabase('mysql'), startRedis()]);
    sink = await startSmtpSink();
    const env = { REDIS_URL: redis.url, SMTP_URL: sink.url, NOTIFY_POLL_MS: '200', NOTIFY_BACKOFF_MS: '150' };
    t = await startTestApp('mysql', env, db);
    worker = spawnWorker(db, { ...env, WORKER_CONCURRENCY: '20' });
    admin = await login(t.http);
    fair = await activityId(t.http, '2021-2-2');
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await Promise.all([sink?.close(), redis?.stop(), db?.drop()]);
  });

  const mailTo = (email: string) => sink.messages.filter((m) => m.to.includes(email));

  it('sends N registrations exactly N confirmations with session facts, manage link and check-in code', async () => {
    const s = await createSession(t.http, admin, fair, {
      quotas: [
        { category: 'enterprise', capacity: 10 },
        { category: 'phd', capacity: 10 },
      ],
    });
    const before = sink.count;
    const zh = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.http
          .post(`/api/sessions/${s.id}/registrations`)
          .send(enterprise(500 + i))
          .expect(201),
      ),
    );
    const en = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        t.http
          .post(`/api/sessions/${s.id}/registrations`)
          .set('Accept-Language', 'en-US,en;q=0.9')
          .send(phd(500 + i))
          .expect(201),
      ),
    );
    await waitFor(() => sink.count >= before + 10, 30_000);
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive now
    expect(sink.count - before).toBe(10);

    const [zhMail] = mailTo(enterprise(500).email);
    expect(mailTo(enterprise(500).email)).toHaveLength(1);
    expect(zhMail!.subject).toMatch(/[\u4e00-\u9fa5]/);
    expect(zhMail!.text).toContain('泉州市博士人才项目对接会');
    expect(zhMail!.text).toContain('泉州市人力资源市场');
    const reg = await t.http.get(`/api/registrations/${zh[0]!.body.id}?token=${zh[0]!.body.manageToken}`).expect(200);
    expect(zhMail!.text).toContain(reg.body.checkInCode);
    expect(zhMail!.text).toContain(`/r/${zh[0]!.body.id}?token=${zh[0]!.body.manageToken}`);

    const [enMail] = mailTo(phd(500).email);
    expect(enMail!.subject.startsWith('Registration confirmed')).toBe(true);
    expect(zhMail!.subject.startsWith('Registration confirmed')).toBe(false);
    expect(en).toHaveLength(4);
  });

  it('tells each of 1,000 registrants once when their session is rescheduled, without holding the PATCH', async () => {
    const s = await createSession(t.http, admin, fair, { quotas: [{ category: 'phd', capacity: 1000 }] });
    for (let i = 0; i < 1000; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, k) =>
          t.http
            .post(`/api/sessions/${s.id}/registrations`)
            .send(phd(10_000 + i + k))
            .expect(201),
        ),
      );
    }
    await waitFor(() => mailTo('@university.example.edu').length >= 1004, 120_000);
    const before = sink.count;

    const started = Date.now();
    const newStart = new Date(Date.now() + 96 * 3600_000);
    await t.http
      .patch(`/api/sessions/${s.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({
        startsAt: newStart.toISOString(),
        endsAt: new Date(newStart.getTime() + 4 * 3600_000).toISOString(),
        reason: '场地调整',
      })
      .expect(200);
    // no timing assertion (speed lives in the bench): the PATCH committed 1,000 outbox rows and
    // left the sending to the relay and the worker
    console.log(`PATCH with 1,000 registrants answered in ${Date.now() - started} ms`);
    const owed = await t.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS n FROM notifications WHERE session_id = ? AND type = 'session_changed'`, [s.id]);
    expect(Number(owed[0].n)).toBe(1000);

    await waitFor(() => sink.count >= before + 1000, 120_000);
    await new Promise((r) => setTimeout(r, 1000));
    const changed = sink.messages.slice(before);
    expect(changed).toHaveLength(1000);
    expect(new Set(changed.map((m) => m.to)).size).toBe(1000);
    expect(changed[0]!.text).toContain('场地调整');
    // every change carries the updated calendar entry: same UID, a higher SEQUENCE
    const ics = changed[0]!.attachments.find((a) => a.filename === 'session.ics')!.content.toString();
    expect(ics).toContain(`UID:session-${s.id}@`);
    expect(ics).toContain('SEQUENCE:2\r\n');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain(
      `DTSTART:${newStart
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}`,
    );
  }, 300_000);
});
