import QRCode from 'qrcode';
import { inflateSync } from 'node:zlib';
import { NOTIFICATION_TYPES, NotificationFacts } from '../notification.types';
import { facts, session } from './render.fixtures';
import { formatTimeRange, formatWhere } from './format';
import { qrCodePng } from './qr-png';
import { renderNotification, toLocale } from './render';

const render = (type: (typeof NOTIFICATION_TYPES)[number], locale: string, f: NotificationFacts = facts) =>
  renderNotification({ id: 5, type, locale, facts: f, createdAt: new Date('2025-03-01T00:00:00Z') }, 'mail.example');

/** Decodes a non-interlaced 8-bit RGBA or 1-bit grayscale PNG into "is dark" per pixel. */
function darkPixels(png: Buffer): { width: number; dark: boolean[] } {
  let pos = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let depth = 0;
  let colorType = 0;
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('ascii', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') [width, depth, colorType] = [data.readUInt32BE(0), data[8]!, data[9]!];
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : 1;
  const stride = depth === 1 ? Math.ceil(width / 8) : width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  const dark: boolean[] = [];
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < width; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const [a, b, c] = [i >= bpp ? line[i - bpp]! : 0, prev[i]!, i >= bpp ? prev[i - bpp]! : 0];
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      line[i] = (line[i]! + [0, a, b, (a + b) >> 1, paeth][filter]!) & 0xff;
    }
    for (let x = 0; x < width; x++)
      dark.push(depth === 1 ? !((line[x >> 3]! >> (7 - (x & 7))) & 1) : line[x * bpp]! < 128);
    prev = line;
  }
  return { width, dark };
}

describe(renderNotification.name, () => {
  // staff messages have facts of their own: bulletin.templates.spec.ts
  const registrantTypes = NOTIFICATION_TYPES.filter((t) => t !== 'bulletin_issued');
  it.each(registrantTypes.flatMap((t) => [[t, 'zh-CN'] as const, [t, 'en'] as const]))(
    '%s renders in %s with the facts and no holes',
    async (type, locale) => {
      const mail = await render(type, locale);
      expect(mail.subject).toContain('泉州人才港湾博览会');
      expect(mail.text).toContain(locale === 'en' ? 'Dear 王芳,' : '王芳，您好');
      expect(mail.text).toContain(locale === 'en' ? 'Beijing time' : '北京时间');
      expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/undefined|null|NaN|\[object/);
      expect(mail.html).toContain('<p>');
    },
  );

  it('speaks Chinese unless the row says en', () => {
    expect([toLocale('en'), toLocale('zh-CN'), toLocale('fr'), toLocale(null)]).toEqual([
      'en',
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ]);
  });

  it('puts the check-in code, its QR code and the manage link in a confirmation', async () => {
    const mail = await render('registration_confirmed', 'zh-CN');
    expect(mail.subject).toBe('报名成功：泉州人才港湾博览会 · 企业对接专场');
    expect(mail.text).toContain('签到码：K7Q2M9');
    expect(mail.text).toContain('查看或取消报名：https://talent.example/api/registrations/12?token=abc');
    expect(mail.html).toContain('<a href="https://talent.example/api/registrations/12?token=abc">');
    expect(mail.html).toContain('src="cid:check-in-qr"');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['check-in-K7Q2M9.png', 'session.ics']);
  });

  it('leaves out the code and the QR when the registration has none (pending, waitlisted)', async () => {
    const { checkInCode: _omit, ...pending } = facts;
    const mail = await render('registration_waitlisted', 'en', pending);
    expect(mail.text).toContain('position 3');
    expect(mail.text).not.toContain('Check-in code');
    expect(mail.attachments).toEqual([]);
  });

  it('shows before and after for a change, and the reason for a cancellation', async () => {
    const changed = await render('session_postponed', 'zh-CN');
    expect(changed.text).toContain('变更前：\n时间：2025年3月14日（周五） 09:00–17:30（北京时间）');
    expect(changed.text).toContain('时间：2025年3月15日（周六） 09:00–17:30（北京时间）');
    const cancelled = await render('session_cancelled', 'en');
    expect(cancelled.subject).toBe('Session cancelled: 泉州人才港湾博览会 · 企业对接专场');
    expect(cancelled.text).toContain('Reason: 名额调整');
    expect(cancelled.attachments.map((a) => a.filename)).toEqual(['session.ics']);
  });

  const ics = (mail: { attachments: { filename: string; content: Buffer | string; contentType: string }[] }) =>
    mail.attachments.find((a) => a.filename === 'session.ics');

  it.each(['session_changed', 'session_postponed', 'session_moved_online'] as const)(
    '%s carries the updated calendar entry with the session sequence',
    async (type) => {
      const mail = await render(type, 'zh-CN', { ...facts, session: { ...session, sequence: 3 } });
      const entry = ics(mail)!;
      expect(entry.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
      expect(String(entry.content)).toContain('UID:session-7@mail.example\r\nSEQUENCE:3\r\n');
      expect(String(entry.content)).toContain('ORGANIZER:mailto:no-reply@mail.example');
    },
  );

  it.each(['session_cancelled', 'registration_cancelled'] as const)(
    '%s takes the entry off the calendar with METHOD:CANCEL',
    async (type) => {
      const entry = ics(await render(type, 'en', { ...facts, session: { ...session, sequence: 4 } }))!;
      expect(entry.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
      expect(String(entry.content)).toContain('METHOD:CANCEL');
      expect(String(entry.content)).toContain('SEQUENCE:4');
      expect(String(entry.content)).toContain('STATUS:CANCELLED');
    },
  );

  it('does not swallow a closing bracket or sentence punctuation into a link', async () => {
    const mail = await render('registration_rejected', 'zh-CN', {
      ...facts,
      reason:
        '详见公告（https://talent.example/qbh2026）。另见 (https://talent.example/a_(b)) 和 https://talent.example/x.',
    });
    expect(mail.html).toContain('<a href="https://talent.example/qbh2026">https://talent.example/qbh2026</a>）。');
    expect(mail.html).toContain('(<a href="https://talent.example/a_(b)">https://talent.example/a_(b)</a>)');
    expect(mail.html).toContain('<a href="https://talent.example/x">https://talent.example/x</a>.');
    const ascii = await render('registration_rejected', 'en', {
      ...facts,
      reason: 'see https://talent.example/qbh2026)',
    });
    expect(ascii.html).toContain('<a href="https://talent.example/qbh2026">https://talent.example/qbh2026</a>)');
    expect(mail.html).toContain('<a href="https://talent.example/api/registrations/12?token=abc">');
  });

  it('an online session says how to join, not to show the code at the entrance, and has no QR image', async () => {
    const online = { ...session, mode: 'online' as const, onlineUrl: 'https://meet.example/qbh' };
    for (const type of ['registration_confirmed', 'session_reminder'] as const) {
      const zh = await render(type, 'zh-CN', { ...facts, session: online });
      expect(zh.text).not.toContain('入场');
      expect(zh.text).toContain('签到码：K7Q2M9（本场为线上活动，请通过链接参加：https://meet.example/qbh）');
      expect(zh.attachments.map((a) => a.contentType)).not.toContain('image/png');
      const en = await render(type, 'en', { ...facts, session: online });
      expect(en.text).not.toContain('entrance');
      expect(en.text).toContain('join at https://meet.example/qbh');
    }
    const offline = await render('registration_confirmed', 'zh-CN');
    expect(offline.text).toContain('签到码：K7Q2M9（入场时出示签到码或附件中的二维码）');
  });

  it('names the sender in English in an English mail only', async () => {
    expect((await render('registration_confirmed', 'en')).senderName).toBe('Quanzhou Talent Events Platform');
    expect((await render('registration_confirmed', 'zh-CN')).senderName).toBeUndefined();
  });

  it('escapes HTML from the facts', async () => {
    const mail = await render('registration_confirmed', 'en', { ...facts, recipientName: '<script>x</script>' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});

describe(formatTimeRange.name, () => {
  it('formats in Asia/Shanghai whatever the server zone', () => {
    expect(formatTimeRange('2025-03-15T16:30:00Z', '2025-03-16T01:00:00Z', 'zh-CN')).toBe(
      '2025年3月16日（周日） 00:30–09:00（北京时间）',
    );
    expect(formatTimeRange('2025-03-15T01:00:00Z', '2025-03-17T09:00:00Z', 'en')).toBe(
      'Sat 15 Mar 2025 09:00 – Mon 17 Mar 2025 17:00 (Beijing time, UTC+8)',
    );
  });

  it('remembers a range by its locale, start and end, and formats it again once emptied', () => {
    const start = '2025-03-15T01:00:00Z';
    const range = (end: string, locale: 'zh-CN' | 'en') => formatTimeRange(start, end, locale);
    expect(range('2025-03-15T09:00:00Z', 'zh-CN')).toBe('2025年3月15日（周六） 09:00–17:00（北京时间）');
    expect(range('2025-03-15T09:00:00Z', 'en')).toBe('Sat 15 Mar 2025, 09:00–17:00 (Beijing time, UTC+8)');
    expect(range('2025-03-15T10:00:00Z', 'zh-CN')).toBe('2025年3月15日（周六） 09:00–18:00（北京时间）');
    expect(formatTimeRange('2025-03-16T01:00:00Z', '2025-03-16T09:00:00Z', 'zh-CN')).toBe(
      '2025年3月16日（周日） 09:00–17:00（北京时间）',
    );
    // many more ranges than are kept, then the first ones again
    for (let minute = 0; minute < 600; minute++)
      range(new Date(Date.parse(start) + minute * 60_000).toISOString(), 'en');
    expect(range('2025-03-15T09:00:00Z', 'zh-CN')).toBe('2025年3月15日（周六） 09:00–17:00（北京时间）');
    expect(range('2025-03-15T09:00:00Z', 'en')).toBe('Sat 15 Mar 2025, 09:00–17:00 (Beijing time, UTC+8)');
  });
});

describe(formatWhere.name, () => {
  it('does not repeat the city a venue already names', () => {
    expect(formatWhere({ ...session, venue: '泉州海峡体育中心' }, 'zh-CN')).toBe('泉州海峡体育中心');
    expect(formatWhere({ ...session, venue: '泉州市海峡体育中心' }, 'en')).toBe('泉州市海峡体育中心');
    expect(formatWhere({ ...session, venue: '晋江市会展中心' }, 'zh-CN')).toBe('泉州市 晋江市会展中心');
    expect(formatWhere({ ...session, venue: null }, 'zh-CN')).toBe('泉州市');
  });

  it('names the venue, the link, or both', () => {
    expect(formatWhere(session, 'zh-CN')).toBe('泉州市 海峡体育中心');
    expect(formatWhere(session, 'en')).toBe('海峡体育中心, 泉州市');
    expect(formatWhere({ ...session, mode: 'online', onlineUrl: 'https://meet.example/1' }, 'en')).toBe(
      'Online: https://meet.example/1',
    );
    expect(formatWhere({ ...session, mode: 'hybrid', onlineUrl: 'https://meet.example/1' }, 'zh-CN')).toBe(
      '泉州市 海峡体育中心（也可线上参加：https://meet.example/1）',
    );
  });
});

describe(qrCodePng.name, () => {
  it('draws the same symbol as the qrcode package, pixel for pixel', async () => {
    const ours = darkPixels(qrCodePng('K7Q2M9'));
    const theirs = darkPixels(
      await QRCode.toBuffer('K7Q2M9', { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 }),
    );
    expect(ours.width).toBe(theirs.width);
    expect(ours.dark).toEqual(theirs.dark);
    expect(ours.dark.filter(Boolean).length).toBeGreaterThan(1000);
  });
});
