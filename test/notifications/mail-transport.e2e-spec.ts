import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '@app/core';
import { MailTransport } from '@app/notifications/mail.transport';
import { freePort } from './support';

interface Received {
  from: string;
  to: string[];
  bytes: Buffer;
}

/** A real SMTP server keeping each message's envelope and bytes exactly as they arrived. */
async function startRecorder() {
  const port = await freePort();
  const received: Received[] = [];
  const server = new SMTPServer({
    disableReverseLookup: true,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          bytes: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

const mail = (notificationId: number) => ({
  notificationId,
  messageId: `<m-${notificationId}@talent.quanzhou.example>`,
  to: { name: '王博士', address: `phd${notificationId}@example.test` },
  subject: '报名成功：企业与博士对接专场',
  // plain ASCII goes 7bit: a line that starts with a dot is dot-stuffed on the wire
  text: 'Hello\n.a line that starts with a dot\n..and one with two\n',
  html: '<p>您好</p>',
  attachments: [
    { filename: 'session.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar' },
  ],
});

/**
 * The transport composes each message once: the same bytes go to SMTP as to the .eml file,
 * handed to nodemailer's pool directly (not through its Mailer). Both modes, one message each.
 */
describe('MailTransport (a real SMTP server, and .eml files)', () => {
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  let dataDir: string;

  beforeAll(async () => {
    recorder = await startRecorder();
    dataDir = mkdtempSync(join(tmpdir(), 'tep-mail-'));
  });

  afterAll(async () => {
    await recorder.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends over SMTP the envelope, the Message-ID and the composed bytes, dot lines intact', async () => {
    const smtp = new MailTransport(loadConfig({ DATA_DIR: dataDir, SMTP_URL: recorder.url }));
    try {
      await expect(smtp.send(mail(7))).resolves.toBe('<m-7@talent.quanzhou.example>');
      await expect(smtp.send(mail(8))).resolves.toBe('<m-8@talent.quanzhou.example>');
    } finally {
      smtp.close();
    }
    expect(recorder.received.map((r) => [r.from, r.to])).toEqual([
      ['no-reply@talent.quanzhou.example', ['phd7@example.test']],
      ['no-reply@talent.quanzhou.example', ['phd8@example.test']],
    ]);
    const wire = recorder.received[0]!.bytes.toString('utf8');
    expect(wire).toMatch(/^Message-ID: <m-7@talent\.quanzhou\.example>\r$/m);
    expect(wire).toMatch(/^X-Notification-ID: 7\r$/m);
    expect(wire.endsWith('\r\n')).toBe(true);

    // the same message in file mode: what SMTP delivered is what the file holds, but for the
    // per-message parts (Date, boundaries) and the line ends SMTP makes CRLF (7bit text keeps LF)
    const files = new MailTransport(loadConfig({ DATA_DIR: dataDir }));
    await files.send(mail(7));
    const eml = readFileSync(join(dataDir, 'mail', 'notification-7.eml'), 'utf8');
    const stable = (s: string) =>
      s
        .replace(/\r?\n/g, '\r\n')
        .replace(/^Date: .*$/m, 'Date: -')
        .replace(/_NmP-[0-9a-f]+-Part_/g, '_NmP-x-Part_');
    expect(stable(wire)).toBe(stable(eml));
    expect(wire).toContain('\r\n\r\nHello\r\n.a line that starts with a dot\r\n..and one with two\r\n');
  });
});
