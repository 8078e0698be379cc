import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '@app/notifications';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { parseMail } from './mime';
import { enqueueInTx, sampleNotification, SmtpSink, startSmtpSink, waitFor } from './support';

const emlFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.eml')) : []);

describe('in-process delivery (no REDIS_URL)', () => {
  describe('embedded default: SQLite, no SMTP_URL → .eml files under mailDir', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp('sqlite', { NOTIFY_POLL_MS: '100' });
    });
    afterAll(() => api?.close());

    it('writes the same messages as .eml files, once each, in the recipient language', async () => {
      const zh = Array.from({ length: 5 }, (_, i) => sampleNotification(i, { tag: 'eml' }));
      const en = Array.from({ length: 2 }, (_, i) => sampleNotification(10 + i, { tag: 'eml', locale: 'en' }));
      for (const n of zh) await enqueueInTx(api.app, [n]);
      await enqueueInTx(api.app, en);
      await enqueueInTx(api.app, [zh[0]!]); // deduped

      const dir = api.config.mailDir;
      await waitFor('7 .eml files', () => emlFiles(dir).length === 7);
      const rows = api.app.get(DataSource).getRepository(NotificationEntity);
      await waitFor('rows sent', async () => (await rows.countBy({ status: 'sent' })) === 7);
      const mails = await Promise.all(emlFiles(dir).map((f) => parseMail(readFileSync(join(dir, f), 'utf8'))));
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(7);

      const zhMail = mails.find((m) => m.to.includes(zh[3]!.recipientEmail))!;
      expect(zhMail.subject).toBe('报名成功：泉州人才港湾博览会 · 第一场：企业与博士对接');
      expect(zhMail.text).toContain('签到码：CK100003');
      expect(zhMail.text).toContain('地点：泉州海峡体育中心\n');
      expect(zhMail.from).toBe('泉州人才活动平台 <no-reply@talent.quanzhou.example>');
      expect(zhMail.text).toContain('https://talent.example/registrations/1003?token=tok3');
      expect(zhMail.attachments.map((a) => a.contentType).sort()).toEqual(['image/png', 'text/calendar']);
      const enMail = mails.find((m) => m.to.includes(en[0]!.recipientEmail))!;
      expect(enMail.subject).toBe('Registration confirmed: 泉州人才港湾博览会 · 第一场：企业与博士对接');
      const row = await rows.findOneByOrFail({ recipientEmail: en[0]!.recipientEmail });
      expect(enMail.messageId).toBe(row.messageId);
      expect(enMail.messageId).toMatch(/^<[0-9a-f-]{36}@talent\.quanzhou\.example>$/);
      expect(enMail.from).toBe('Quanzhou Talent Events Platform <no-reply@talent.quanzhou.example>');
      expect(readdirSync(dir)).toContain(`notification-${row.id}.eml`);
      // mail holds personal data: owner-only, like everything in DATA_DIR
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, `notification-${row.id}.eml`)).mode & 0o777).toBe(0o600);
      expect((await api.http.get('/api/health').expect(200)).body.queue).toBe('in_process');
      await api.http.get('/api/admin/queues').expect(404);
    });
  });

  describe('MariaDB with SMTP_URL: the same sender and retry rules, scheduled by the relay', () => {
    let api: TestApp;
    let sink: SmtpSink;
    beforeAll(async () => {
      sink = await startSmtpSink({
        reject: (address, attempt) => {
          if (address.startsWith('tempfail') && attempt <= 2) return { code: 451, message: 'Local problem, try later' };
          if (address.startsWith('reject')) return { code: 550, message: 'Mailbox unavailable' };
          return undefined;
        },
      });
      api = await startTestApp('mysql', { SMTP_URL: sink.url, NOTIFY_POLL_MS: '100', NOTIFY_BACKOFF_MS: '150' });
    });
    afterAll(async () => {
      await api?.close();
      await sink?.close();
    });

    it('sends over SMTP in-process, retries a 4xx with backoff and fails a 5xx after one attempt', async () => {
      const ok = sampleNotification(1, { tag: 'inproc' });
      const temp = sampleNotification(2, { tag: 'inproc', email: 'tempfail-2@example.test' });
      const bad = sampleNotification(3, { tag: 'inproc', email: 'reject-3@example.test', locale: 'en' });
      await enqueueInTx(api.app, [ok, temp, bad]);
      const rows = api.app.get(DataSource).getRepository(NotificationEntity);
      const row = (email: string) => rows.findOneByOrFail({ recipientEmail: email });
      await waitFor(
        'settled',
        async () =>
          (await rows.countBy({ status: 'sent' })) === 2 && (await row(bad.recipientEmail)).status === 'failed',
      );
      expect(await row(ok.recipientEmail)).toMatchObject({ status: 'sent', attempts: 1 });
      const retried = await row(temp.recipientEmail);
      expect(retried).toMatchObject({ status: 'sent', attempts: 3 });
      expect(retried.lastError).toContain('451');
      const failed = await row(bad.recipientEmail);
      expect(failed.attempts).toBe(1);
      expect(failed.lastError).toContain('550');
      expect(sink.rcptAttempts.get(bad.recipientEmail)).toBe(1);
      expect(sink.messages.map((m) => m.to.includes('tempfail') && m.messageId).filter(Boolean)).toEqual([
        retried.messageId,
      ]);
    });
  });
});
