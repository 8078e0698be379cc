import { DataSource } from 'typeorm';
import { TransactionService } from '@app/core';
import { NotificationEntity, NotificationsService } from '@app/notifications';
import { login } from '@app/testing/fixtures';
import { ADMIN, startTestApp, TestApp } from '@app/testing/test-app';
import { createTestDatabase, TestDatabase } from '@app/testing/test-db';
import {
  enqueueInTx,
  ensureWorkerBuild,
  RedisProcess,
  sampleNotification,
  SmtpSink,
  spawnWorker,
  startRedis,
  startSmtpSink,
  waitFor,
  WorkerProcess,
} from './support';

/**
 * The whole pipeline on real engines: MariaDB outbox → relay (API) → BullMQ on a private
 * redis-server → a worker PROCESS → a real SMTP server. Notifications are enqueued the way the
 * registration module does: through NotificationsService inside TransactionService.
 */
describe('notifications pipeline (MariaDB, Redis, worker process, SMTP)', () => {
  let db: TestDatabase;
  let redis: RedisProcess;
  let sink: SmtpSink;
  let api: TestApp;
  let worker: WorkerProcess;
  const env = () => ({ REDIS_URL: redis.url, SMTP_URL: sink.url, NOTIFY_BACKOFF_MS: '150', NOTIFY_POLL_MS: '200' });
  const rows = () => api.app.get(DataSource).getRepository(NotificationEntity);
  const rowFor = (email: string) => rows().findOneByOrFail({ recipientEmail: email });

  beforeAll(async () => {
    ensureWorkerBuild();
    [db, redis] = await Promise.all([createTestDatabase('mysql'), startRedis()]);
    sink = await startSmtpSink({
      reject: (address, attempt) => {
        if (address.startsWith('tempfail') && attempt <= 2) return { code: 421, message: 'Try again later' };
        if (address.startsWith('reject')) return { code: 550, message: 'No such user here' };
        return undefined;
      },
    });
    api = await startTestApp('mysql', env(), db);
    worker = spawnWorker(db, { ...env(), WORKER_CONCURRENCY: '10' });
  }, 120_000);

  afterAll(async () => {
    const code = await worker?.stop();
    await api?.close();
    await Promise.all([sink?.close(), redis?.stop(), db?.drop()]);
    // a clean SIGTERM exit: active jobs finished, pool and connections closed
    expect(code).toBe(0);
  });

  it('delivers N enqueued notifications exactly once each, in the recipient language, with the facts', async () => {
    const zh = Array.from({ length: 6 }, (_, i) => sampleNotification(i, { locale: 'zh-CN', tag: 'lang' }));
    const en = Array.from({ length: 4 }, (_, i) => sampleNotification(10 + i, { locale: 'en', tag: 'lang' }));
    for (const n of [...zh, ...en]) await enqueueInTx(api.app, [n]);
    // the same event again (a retried transaction) is not owed twice
    await enqueueInTx(api.app, [zh[0]!]);

    await waitFor('10 messages', () => sink.messages.filter((m) => m.to.includes('-lang@')).length >= 10);
    await new Promise((r) => setTimeout(r, 500));
    const got = sink.messages.filter((m) => m.to.includes('-lang@'));
    expect(got).toHaveLength(10);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(10);

    const zhMail = got.find((m) => m.to.includes(zh[2]!.recipientEmail))!;
    expect(zhMail.subject).toBe('报名成功：泉州人才港湾博览会 · 第一场：企业与博士对接');
    expect(zhMail.text).toContain('测试用户2，您好');
    expect(zhMail.text).toContain('活动：泉州人才港湾博览会');
    expect(zhMail.text).toContain('场次：第一场：企业与博士对接');
    expect(zhMail.text).toContain('时间：2025年3月15日（周六） 09:00–17:00（北京时间）');
    expect(zhMail.text).toContain('地点：泉州海峡体育中心\n');
    expect(zhMail.from).toBe('泉州人才活动平台 <no-reply@talent.quanzhou.example>');
    expect(zhMail.text).toContain('签到码：CK100002');
    expect(zhMail.text).toContain('https://talent.example/registrations/1002?token=tok2');
    const qr = zhMail.attachments.find((a) => a.contentType === 'image/png')!;
    expect(qr.content.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(zhMail.attachments.find((a) => a.filename === 'session.ics')?.content.toString()).toContain(
      'DTSTART:20250315T010000Z',
    );

    const enMail = got.find((m) => m.to.includes(en[1]!.recipientEmail))!;
    expect(enMail.subject).toBe('Registration confirmed: 泉州人才港湾博览会 · 第一场：企业与博士对接');
    expect(enMail.text).toContain('Dear Tester 11,');
    expect(enMail.from).toBe('Quanzhou Talent Events Platform <no-reply@talent.quanzhou.example>');
    expect(enMail.text).toContain('Time: Sat 15 Mar 2025, 09:00–17:00 (Beijing time, UTC+8)');
    expect(enMail.text).toContain('Check-in code: CK100011');
    expect(enMail.text).toContain('https://talent.example/registrations/1011?token=tok11');

    const row = await rowFor(en[1]!.recipientEmail);
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      // random per message, fixed with the row: no two installations share one
      messageId: expect.stringMatching(/^<[0-9a-f-]{36}@talent\.quanzhou\.example>$/),
    });
    expect(enMail.messageId).toBe(row.messageId);
    expect(await rows().countBy({ dedupeKey: zh[0]!.dedupeKey })).toBe(1);
  });

  it('retries a 421 with backoff until delivered', async () => {
    const n = sampleNotification(1, { email: 'tempfail-1@example.test' });
    await enqueueInTx(api.app, [n]);
    await waitFor('the 421 message', async () => (await rowFor(n.recipientEmail)).status === 'sent');
    const row = await rowFor(n.recipientEmail);
    expect(row.attempts).toBe(3);
    // on a fresh connection the row keeps the 421 reply; on a pooled one nodemailer 10 reports the
    // close that a 421 forces (RFC 5321 4.2), before any byte of the message went out
    expect(row.lastError).toMatch(/421|connection was closed/);
    expect(sink.messages.filter((m) => m.to.includes(n.recipientEmail))).toHaveLength(1);
    expect(sink.rcptAttempts.get(n.recipientEmail)).toBe(3);
  });

  it('fails a 550 after exactly one attempt, lists it for the admin, and retries it on request', async () => {
    const n = sampleNotification(1, { email: 'reject-1@example.test' });
    await enqueueInTx(api.app, [n]);
    await waitFor('the 550 failure', async () => (await rowFor(n.recipientEmail)).status === 'failed');
    await new Promise((r) => setTimeout(r, 600)); // longer than a backoff: nothing more happens
    const row = await rowFor(n.recipientEmail);
    expect(row.attempts).toBe(1);
    expect(sink.rcptAttempts.get(n.recipientEmail)).toBe(1);

    await api.http.get('/api/notifications?status=failed').expect(401);
    const token = await login(api.http, ADMIN.email, ADMIN.password);
    const auth = { Authorization: `Bearer ${token}` };
    const list = await api.http.get('/api/notifications?status=failed').set(auth).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(list.body.items[0]).toMatchObject({
      id: row.id,
      recipient: n.recipientEmail,
      type: 'registration_confirmed',
      status: 'failed',
      attempts: 1,
      sentAt: null,
      messageId: null,
    });
    expect(list.body.items[0].lastError).toMatch(/550/);
    expect(typeof list.body.items[0].createdAt).toBe('string');
    const byRegistration = await api.http
      .get(`/api/notifications?registrationId=${n.registrationId}&type=registration_confirmed`)
      .set(auth);
    expect(byRegistration.body.items.map((i: { recipient: string }) => i.recipient)).toContain(n.recipientEmail);
    await api.http.get('/api/notifications?status=lost').set(auth).expect(400);

    const retried = await api.http.post(`/api/notifications/${row.id}/retry`).set(auth).expect(200);
    expect(retried.body).toMatchObject({ id: row.id, attempts: 0 });
    expect(['pending', 'queued', 'failed']).toContain(retried.body.status);
    // the job was removed and queued again: the server still refuses, after one more attempt
    await waitFor('the second refusal', () => sink.rcptAttempts.get(n.recipientEmail) === 2);
    await waitFor('failed again', async () => (await rowFor(n.recipientEmail)).status === 'failed');

    const sent = await rows().findOneByOrFail({ status: 'sent' });
    await api.http.post(`/api/notifications/${sent.id}/retry`).set(auth).expect(409);
    await api.http.post('/api/notifications/99999999/retry').set(auth).expect(404);
  });

  it('commits 1,000 rows from enqueueMany in one quick transaction and delivers one message to each', async () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      sampleNotification(i, { tag: 'bulk', type: 'session_changed' }),
    );
    for (const n of many)
      n.facts.previousSession = {
        ...n.facts.session,
        startsAt: '2025-03-14T01:00:00.000Z',
        endsAt: '2025-03-14T09:00:00.000Z',
      };
    const started = Date.now();
    await api.app
      .get(TransactionService)
      .withTransaction((tx) => api.app.get(NotificationsService).enqueueMany(tx, many));
    const txMs = Date.now() - started;
    expect(txMs).toBeLessThan(3000);
    expect(await rows().countBy({ type: 'session_changed' })).toBe(1000);

    await waitFor('1000 messages', () => sink.messages.filter((m) => m.to.includes('-bulk@')).length >= 1000, 60_000);
    await new Promise((r) => setTimeout(r, 300));
    const got = sink.messages.filter((m) => m.to.includes('-bulk@'));
    expect(got).toHaveLength(1000);
    expect(new Set(got.map((m) => m.to)).size).toBe(1000);
    expect(got[0]!.subject).toBe('活动信息变更：泉州人才港湾博览会 · 第一场：企业与博士对接');
    expect(got[0]!.text).toContain('变更前：\n时间：2025年3月14日（周五） 09:00–17:00（北京时间）');
  }, 90_000);

  it('holds a reminder until its due time and attaches the calendar entry', async () => {
    const dueAt = new Date(Date.now() + 1500);
    const n = sampleNotification(1, { type: 'session_reminder', locale: 'en', tag: 'remind', dueAt });
    const withdrawn = sampleNotification(2, { type: 'session_reminder', tag: 'remind', dueAt });
    withdrawn.sessionId = 78;
    await enqueueInTx(api.app, [n, withdrawn]);
    // a rescheduled session withdraws its old reminders before enqueueing new ones
    const cancelled = await api.app
      .get(TransactionService)
      .withTransaction((tx) =>
        api.app.get(NotificationsService).cancelPending(tx, { sessionId: 78, types: ['session_reminder'] }),
      );
    expect(cancelled).toBe(1);

    await new Promise((r) => setTimeout(r, 800));
    expect(sink.messages.filter((m) => m.to.includes('-remind@'))).toHaveLength(0);
    await waitFor('the reminder', () => sink.messages.some((m) => m.to.includes('-remind@')));
    const arrived = Date.now();
    expect(arrived).toBeGreaterThanOrEqual(dueAt.getTime());
    const mail = sink.messages.find((m) => m.to.includes('-remind@'))!;
    expect(mail.subject).toBe(
      'Reminder: 泉州人才港湾博览会 · 第一场：企业与博士对接 starts Sat 15 Mar 2025, 09:00–17:00 (Beijing time, UTC+8)',
    );
    const ics = mail.attachments.find((a) => a.filename === 'session.ics')!.content.toString();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('UID:session-77@talent.quanzhou.example');
    expect(ics).toContain('DTEND:20250315T090000Z');
    await new Promise((r) => setTimeout(r, 400));
    expect(sink.messages.filter((m) => m.to.includes('-remind@'))).toHaveLength(1);
    expect((await rowFor(withdrawn.recipientEmail)).status).toBe('cancelled');
  });

  it('reports the queue in health and protects the queue dashboard', async () => {
    const health = await api.http.get('/api/health').expect(200);
    expect(health.body).toMatchObject({ db: 'up', queue: 'up' });

    await api.http.get('/api/admin/queues').expect(401);
    await api.http.get('/api/admin/queues').auth(ADMIN.email, 'wrong-password').expect(401);
    const page = await api.http.get('/api/admin/queues').auth(ADMIN.email, ADMIN.password).expect(200);
    expect(page.text).toContain('<html');
    const queues = await api.http.get('/api/admin/queues/api/queues').auth(ADMIN.email, ADMIN.password).expect(200);
    expect(JSON.stringify(queues.body)).toContain('notifications');
  });
});
