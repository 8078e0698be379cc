import type { Locale, SessionFacts } from '../notification.types';

/** Times are always shown in the city's own zone, whatever the server's. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

// building a DateTimeFormat costs far more than using one
const formatters = new Map<Locale, Intl.DateTimeFormat>();
const formatter = (locale: Locale): Intl.DateTimeFormat => {
  let fmt = formatters.get(locale);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: DISPLAY_TIME_ZONE,
      year: 'numeric',
      month: locale === 'en' ? 'short' : 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(locale, fmt);
  }
  return fmt;
};

const parts = (date: Date, locale: Locale) => {
  const all = new Map(
    formatter(locale)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const get = (type: Intl.DateTimeFormatPartTypes) => all.get(type) ?? '';
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    weekday: get('weekday'),
    time: `${get('hour')}:${get('minute')}`,
  };
};

const dayText = (p: ReturnType<typeof parts>, locale: Locale): string =>
  locale === 'en' ? `${p.weekday} ${p.day} ${p.month} ${p.year}` : `${p.year}年${p.month}月${p.day}日（${p.weekday}）`;

/**
 * Recent ranges: the messages about one session (its confirmations, a reminder to every
 * registrant) all show the same range, and formatting one costs more than the rest of the text.
 */
const ranges = new Map<string, string>();
const RANGES_KEPT = 256;

/** "2025年3月15日（周六）09:00–17:00（北京时间）" / "Sat 15 Mar 2025, 09:00–17:00 (Beijing time, UTC+8)" */
export function formatTimeRange(startsAt: string, endsAt: string, locale: Locale): string {
  const key = `${locale} ${startsAt} ${endsAt}`;
  let text = ranges.get(key);
  if (text === undefined) {
    if (ranges.size >= RANGES_KEPT) ranges.clear();
    text = formatRange(startsAt, endsAt, locale);
    ranges.set(key, text);
  }
  return text;
}

function formatRange(startsAt: string, endsAt: string, locale: Locale): string {
  const start = parts(new Date(startsAt), locale);
  const end = parts(new Date(endsAt), locale);
  const sameDay = start.year === end.year && start.month === end.month && start.day === end.day;
  const range = sameDay
    ? `${dayText(start, locale)}${locale === 'en' ? ', ' : ' '}${start.time}–${end.time}`
    : `${dayText(start, locale)} ${start.time} – ${dayText(end, locale)} ${end.time}`;
  return locale === 'en' ? `${range} (Beijing time, UTC+8)` : `${range}（北京时间）`;
}

/** 泉州市 → 泉州: the name a venue would start with. */
const cityStem = (city: string): string => city.replace(/(市|县|区|City)$/i, '').trim();

/** The venue, with the city in front only when the venue does not already name it. */
export function formatPlace(session: Pick<SessionFacts, 'city' | 'venue'>, locale: Locale): string {
  const venue = session.venue?.trim() ?? '';
  const city = session.city?.trim() ?? '';
  if (!city) return venue;
  if (!venue) return city;
  const stem = cityStem(city);
  if (venue.includes(city) || (stem && venue.includes(stem))) return venue;
  return locale === 'en' ? `${venue}, ${city}` : `${city} ${venue}`;
}

/** Venue, online link, or both for a hybrid session. */
export function formatWhere(session: SessionFacts, locale: Locale): string {
  const place = formatPlace(session, locale);
  const online = session.onlineUrl ?? '';
  if (session.mode === 'online') return locale === 'en' ? `Online: ${online}` : `线上：${online}`;
  if (session.mode === 'hybrid' && online) {
    return locale === 'en' ? `${place} (or online: ${online})` : `${place}（也可线上参加：${online}）`;
  }
  return place || (locale === 'en' ? 'to be announced' : '待定');
}

/** "泉博会 · 第一场" — the session title only when it adds something. */
export function sessionName(session: SessionFacts): string {
  return session.title && session.title !== session.activityTitle
    ? `${session.activityTitle} · ${session.title}`
    : session.activityTitle;
}

/** The facts every message about a session repeats, one line each. */
export function sessionLines(session: SessionFacts, locale: Locale): string[] {
  return locale === 'en'
    ? [
        `Activity: ${session.activityTitle}`,
        `Session: ${session.title}`,
        `Time: ${formatTimeRange(session.startsAt, session.endsAt, locale)}`,
        `Where: ${formatWhere(session, locale)}`,
      ]
    : [
        `活动：${session.activityTitle}`,
        `场次：${session.title}`,
        `时间：${formatTimeRange(session.startsAt, session.endsAt, locale)}`,
        `地点：${formatWhere(session, locale)}`,
      ];
}

/**
 * What to do with the check-in code, by the way the session is held: at the door for an offline
 * session, through the link for an online one (no door, no QR), either for a hybrid one.
 */
export function checkInLine(code: string, session: SessionFacts, locale: Locale): string {
  const en = locale === 'en';
  const url = session.onlineUrl;
  if (session.mode === 'online') {
    if (en) return `Check-in code: ${code} (the session is online: ${url ? `join at ${url}` : 'the link will follow'})`;
    return `签到码：${code}（本场为线上活动，${url ? `请通过链接参加：${url}` : '参加链接将另行通知'}）`;
  }
  if (session.mode === 'hybrid' && url) {
    return en
      ? `Check-in code: ${code} (on site, show it or the attached QR code at the entrance; or join online at ${url})`
      : `签到码：${code}（现场参加请在入场时出示签到码或附件中的二维码；也可通过链接线上参加：${url}）`;
  }
  return en
    ? `Check-in code: ${code} (show it or the attached QR code at the entrance)`
    : `签到码：${code}（入场时出示签到码或附件中的二维码）`;
}

export const greeting = (name: string, locale: Locale): string =>
  locale === 'en' ? `Dear ${name},` : `${name}，您好：`;

export const signature = (locale: Locale): string =>
  locale === 'en' ? 'Quanzhou Talent Events Platform' : '泉州人才活动平台';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}
