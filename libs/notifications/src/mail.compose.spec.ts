import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { composeBytes } from './mail.compose';
import { NOTIFICATION_TYPES } from './notification.types';
import { qrCodePng } from './templates/qr-png';
import { facts } from './templates/render.fixtures';
import { renderNotification } from './templates/render';

const date = new Date('2026-03-15T01:00:00Z');
/** A message as MailTransport builds one; two calls build two equal trees. */
const message = (extra: Mail.Options) =>
  new MailComposer({
    baseBoundary: 'b0b0b0',
    date,
    messageId: '<m-1@mail.example>',
    from: { name: '泉州人才活动平台', address: 'no-reply@mail.example' },
    to: { name: '王博士', address: 'phd@example.test' },
    subject: '报名成功：企业与博士对接专场',
    headers: { 'X-Notification-Id': '1' },
    ...extra,
  }).compile();

async function expectSameAsBuild(extra: Mail.Options): Promise<Buffer> {
  const bytes = await composeBytes(message(extra));
  expect(bytes.toString('latin1')).toBe((await message(extra).build()).toString('latin1'));
  expect(bytes.at(-1)).toBe(0x0a);
  return bytes;
}

describe(composeBytes.name, () => {
  it.each<[string, Mail.Options]>([
    [
      'a ticket: text, html, a QR image and a calendar entry',
      {
        text: '您好，王博士：\n报名成功。\n',
        html: '<p>您好</p><img src="cid:check-in-qr">',
        attachments: [
          { filename: 'check-in-B1.png', content: qrCodePng('B100001'), contentType: 'image/png', cid: 'check-in-qr' },
          { filename: 'session.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar' },
        ],
      },
    ],
    ['one ASCII part without a last line end', { text: 'no line end' }],
    ['one part ending in a line end', { text: 'a line end\n' }],
    ['one part ending in a carriage return', { text: 'a carriage return\r' }],
    ['a Chinese part (base64)', { text: '泉州'.repeat(200) }],
    ['nothing but headers', { text: '' }],
    ['a long ASCII line (quoted-printable)', { text: `${'word '.repeat(40)}\ncafé au lait \t\nend  ` }],
    ['a text part given as a Buffer', { text: Buffer.from('您好\r\n') }],
    ['html alone', { html: '<p>泉州 '.repeat(50) }],
    [
      'attachments of every length modulo 3, one over 57 bytes a line many times',
      {
        text: 'x',
        attachments: [1, 2, 3, 57, 58, 10_001].map((n, i) => ({
          filename: `f${i}.bin`,
          content: randomBytes(n),
        })),
      },
    ],
    ['an attachment given as a string', { text: 'x', attachments: [{ filename: 'a.txt', content: '附件\n' }] }],
  ])('%s: the same bytes as build()', async (_name, extra) => {
    await expectSameAsBuild(extra);
  });

  // staff bulletins carry facts of their own; their workbook is a large base64 part like the one above
  const registrantTypes = NOTIFICATION_TYPES.filter((type) => type !== 'bulletin_issued');
  const encodings = new Set<string>();
  it.each(registrantTypes.flatMap((type) => ['zh-CN', 'en'].map((locale) => [type, locale] as const)))(
    'a rendered %s mail in %s: the same bytes as build()',
    async (type, locale) => {
      const mail = await renderNotification(
        { id: 5, type, locale, facts, createdAt: new Date('2025-03-01T00:00:00Z') },
        'mail.example',
      );
      const bytes = await expectSameAsBuild(mail);
      for (const [, encoding] of bytes.toString('latin1').matchAll(/^Content-Transfer-Encoding: (\S+)/gm)) {
        encodings.add(encoding!);
      }
    },
  );
  it('the rendered mails above took both encoders', () => {
    expect([...encodings].sort()).toEqual(['base64', 'quoted-printable']);
  });

  it('streams a body that is a stream, with the same bytes as build()', async () => {
    const body = () => Readable.from([Buffer.from('第一段，'), Buffer.from('第二段。\n')]);
    const bytes = await composeBytes(message({ text: 'x', attachments: [{ filename: 's.txt', content: body() }] }));
    const built = await message({ text: 'x', attachments: [{ filename: 's.txt', content: body() }] }).build();
    expect(bytes.toString('latin1')).toBe(built.toString('latin1'));
    expect(bytes.toString('latin1')).toContain(Buffer.from('第一段，第二段。\n').toString('base64'));
  });

  it('streams a non-text part in quoted-printable, whose lone line ends are data', async () => {
    const extra: Mail.Options = {
      text: 'x',
      attachments: [
        {
          filename: 'd.bin',
          content: Buffer.from('a\nb\rc\r\nd'),
          contentType: 'application/octet-stream',
          contentTransferEncoding: 'quoted-printable',
        },
      ],
    };
    const bytes = await expectSameAsBuild(extra);
    expect(bytes.toString('latin1')).toContain('a=0Ab=0Dc\r\nd');
  });

  it('streams a raw part as it is', async () => {
    const raw = 'Content-Type: text/plain\r\n\r\nraw body\r\n';
    const bytes = await expectSameAsBuild({ text: 'x', attachments: [{ raw }] });
    expect(bytes.toString()).toContain(raw);
  });
});
