import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';
import MimeNode from 'nodemailer/lib/mime-node';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { APP_CONFIG, AppConfig, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '@app/core';
import { composeBytes } from './mail.compose';

export interface OutgoingMail {
  notificationId: number;
  /** the row's Message-ID; rows written before it was stored fall back to {@link notificationMessageId} */
  messageId?: string | null;
  /** the sender's display name in the recipient's language; default MAIL_FROM's */
  senderName?: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  attachments: Mail.Attachment[];
}

/** Whether trying the same message again later can succeed. */
export type FailureKind = 'temporary' | 'permanent';

/**
 * SMTP 5xx rejects the message for good; 4xx, timeouts and broken connections are the
 * server's or the network's passing trouble. A rejected login (EAUTH) is our configuration,
 * not the message: it stays retryable so fixing SMTP_URL lets the backlog go out.
 */
export function classifySendError(error: unknown): FailureKind {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  if (code === 'EAUTH') return 'temporary';
  if (typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600) return 'permanent';
  return 'temporary';
}

/** `泉州人才活动平台 <no-reply@talent.quanzhou.example>` → `no-reply@talent.quanzhou.example` */
export const mailAddress = (mailFrom: string): string => (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();

/** `泉州人才活动平台 <no-reply@talent.quanzhou.example>` → `talent.quanzhou.example` */
export function mailDomain(mailFrom: string): string {
  return mailAddress(mailFrom).split('@')[1]?.trim().toLowerCase() || 'localhost';
}

/** The Message-ID of a row written before ids were random and stored with the row (stable per notification). */
export const notificationMessageId = (id: number, domain: string): string => `<notification-${id}@${domain}>`;

/**
 * A pooled SMTP transport: one greeting per connection, not per message (a server may pause
 * before it greets). Built as an SMTPPool because `createTransport({ url, pool })` drops every
 * option but the URL's. Sockets get TCP_NODELAY: nodemailer leaves Nagle on, and on a reused
 * connection each message then waits ~40 ms for the server's delayed ACK (20× slower).
 */
export function pooledSmtp(url: string, maxConnections: number): SMTPPool {
  return new SMTPPool({
    pool: true,
    url,
    maxConnections,
    maxMessages: 1000,
    // the outbox owns retries (backoff, attempts and the last error on the row, visible to admins);
    // nodemailer 10's pool would otherwise re-send a 421 by itself where nobody sees it
    maxRequeues: 0,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
    getSocket: (options, callback) => {
      const port = Number(options.port ?? (options.secure ? 465 : 587));
      const socket = connect({ host: options.host ?? 'localhost', port, noDelay: true });
      socket.setTimeout(options.connectionTimeout ?? 10_000, () =>
        socket.destroy(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })),
      );
      const fail = (error: Error) => callback(Object.assign(error, { code: 'ECONNECTION' }), undefined);
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.setTimeout(0);
        socket.off('error', fail);
        // nodemailer upgrades to TLS itself for smtps:// and STARTTLS
        callback(null, { connection: socket });
      });
    },
  });
}

/**
 * A finished message as the SMTP pool takes it: nodemailer's own MimeNode (the pool reads its
 * envelope and Message-ID from it), whose stream is the composed bytes in one chunk. Through the
 * Mailer, a raw node streams the same bytes again, through a pipeline and a newline transform, for
 * bytes that MailComposer already ends with CRLF: compose and send cost about 8 % less CPU without
 * it (1.01 ms against 1.10 ms a message, medians of eight alternating runs on the "afternoon" VM).
 */
class ComposedMessage extends MimeNode {
  constructor(
    private readonly bytes: Buffer,
    envelope: { from: string; to: string[] },
    messageId: string,
    baseBoundary: string,
  ) {
    // a base boundary of its own or the node draws one, unused: it has no parts
    super('message/rfc822', { baseBoundary });
    this.setEnvelope(envelope);
    this.setHeader('Message-ID', messageId);
  }

  override createReadStream(): PassThrough {
    const stream = new PassThrough();
    stream.end(this.bytes);
    return stream;
  }
}

/**
 * The one way mail leaves the platform: a pooled SMTP transport when SMTP_URL is set,
 * otherwise `.eml` files under `mailDir` (the embedded default). One instance per process.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly domain: string;
  private readonly envelopeFrom: string;
  private readonly smtp?: SMTPPool;
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.domain = mailDomain(config.mailFrom);
    this.envelopeFrom = mailAddress(config.mailFrom);
    if (config.smtpUrl) {
      this.smtp = pooledSmtp(config.smtpUrl, Math.min(config.workerConcurrency, 10));
    }
  }

  get mode(): 'smtp' | 'files' {
    return this.smtp ? 'smtp' : 'files';
  }

  get mailDomain(): string {
    return this.domain;
  }

  /** the address of MAIL_FROM (the calendar entries' ORGANIZER) */
  get senderAddress(): string {
    return this.envelopeFrom;
  }

  /**
   * Sends one message and resolves with its Message-ID. Rejects with nodemailer's error
   * (see {@link classifySendError}). In file mode a repeat overwrites the same file.
   */
  async send(mail: OutgoingMail): Promise<string> {
    if (this.closed) throw Object.assign(new Error('mail transport is closed'), { code: 'ECLOSED' });
    const messageId = mail.messageId || notificationMessageId(mail.notificationId, this.domain);
    const from = mail.senderName ? { name: mail.senderName, address: this.envelopeFrom } : this.config.mailFrom;
    // composed once into bytes: the same bytes go to SMTP or to the .eml file, and handing
    // nodemailer a finished message is much cheaper than letting it stream the parts.
    // The boundary base for the tree's root, drawn from randomUUID's buffered pool (only the
    // root's is used; nodemailer still draws 8 random bytes for each child part, unused)
    const baseBoundary = randomUUID().replaceAll('-', '');
    const raw = await composeBytes(
      new MailComposer({
        baseBoundary,
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments,
        messageId,
        headers: { 'X-Notification-Id': String(mail.notificationId) },
      }).compile(),
    );
    if (this.smtp) {
      // straight to the pool (nodemailer's transport interface), not through the Mailer: see ComposedMessage
      const message = new ComposedMessage(
        raw,
        { from: this.envelopeFrom, to: [mail.to.address] },
        messageId,
        baseBoundary,
      );
      // what the pool reads of a message; the rest of Mailer's MailMessage is the Mailer's
      const entry: Pick<MailMessage<SMTPPool.SentMessageInfo>, 'data' | 'message'> = { data: {}, message };
      const pool = this.smtp;
      await new Promise<void>((resolve, reject) =>
        pool.send(entry as MailMessage<SMTPPool.SentMessageInfo>, (error) => (error ? reject(error) : resolve())),
      );
      return messageId;
    }
    // mail holds personal data: the folder 0700, the files 0600 (DATA_DIR's rule)
    await mkdir(this.config.mailDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    await chmod(this.config.mailDir, PRIVATE_DIR_MODE);
    const file = join(this.config.mailDir, `notification-${mail.notificationId}.eml`);
    // write then rename: a reader never sees half a message
    await writeFile(`${file}.tmp`, raw, { mode: PRIVATE_FILE_MODE });
    await rename(`${file}.tmp`, file);
    return messageId;
  }

  async onApplicationShutdown(): Promise<void> {
    this.close();
  }

  /** Closes pooled connections once their current message is done. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.smtp) {
      this.smtp.close();
      this.logger.debug('SMTP pool closed');
    }
  }
}
