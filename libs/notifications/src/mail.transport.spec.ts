import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { classifySendError, composeBytes, mailAddress, mailDomain, notificationMessageId } from './mail.transport';
import { qrCodePng } from './templates/qr-png';

describe(classifySendError.name, () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 550 }, 'permanent'],
    [{ code: 'EMESSAGE', responseCode: 554 }, 'permanent'],
    [{ code: 'EENVELOPE', responseCode: 421 }, 'temporary'],
    [{ code: 'EMESSAGE', responseCode: 451 }, 'temporary'],
    [{ code: 'ECONNECTION' }, 'temporary'],
    [{ code: 'ETIMEDOUT' }, 'temporary'],
    [{ code: 'EAUTH', responseCode: 535 }, 'temporary'],
    [new Error('socket hang up'), 'temporary'],
  ])('%j → %s', (error, expected) => {
    expect(classifySendError(error)).toBe(expected);
  });
});

describe(mailDomain.name, () => {
  it('takes the domain of the sender address', () => {
    expect(mailDomain('泉州人才活动平台 <no-reply@Talent.Quanzhou.example>')).toBe('talent.quanzhou.example');
    expect(mailDomain('bare@mail.example')).toBe('mail.example');
    expect(mailDomain('no address')).toBe('localhost');
    expect(mailAddress('平台 <no-reply@mail.example>')).toBe('no-reply@mail.example');
  });

  it('derives a stable Message-ID from the notification id', () => {
    expect(notificationMessageId(42, 'mail.example')).toBe('<notification-42@mail.example>');
  });
});

describe(composeBytes.name, () => {
  const date = new Date('2026-03-15T01:00:00Z');
  const message = (extra: Mail.Options) =>
    new MailComposer({
      baseBoundary: 'b0b0b0',
      date,
      messageId: '<m-1@mail.example>',
      from: { name: '泉州人才活动平台', address: 'no-reply@mail.example' },
      to: { name: '王博士', address: 'phd@example.test' },
      subject: '报名成功：企业与博士对接专场',
      ...extra,
    }).compile();

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
  ])('%s: the same bytes as build()', async (_name, extra) => {
    const bytes = await composeBytes(message(extra));
    expect(bytes.toString('latin1')).toBe((await message(extra).build()).toString('latin1'));
    expect(bytes.at(-1)).toBe(0x0a);
  });
});
