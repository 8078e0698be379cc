import type { Quota, Session } from '../api/types';

const TZ = 'Asia/Shanghai';

/** A time as people in Quanzhou read it: Beijing time, whatever the phone's zone. */
export function beijingTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

export function beijingRange(startIso: string, endIso: string, lang: string): string {
  const start = beijingTime(startIso, lang);
  const sameDay = startIso.slice(0, 10) === endIso.slice(0, 10);
  const end = sameDay
    ? new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(
        new Date(endIso),
      )
    : beijingTime(endIso, lang);
  return `${start} – ${end}`;
}

export type SessionState = 'open' | 'soon' | 'waitlist' | 'full' | 'ended' | 'cancelled';

/** Registration state of a whole session, or of one of its categories. */
export function sessionState(s: Session, now = Date.now(), quota?: Quota): SessionState {
  if (s.status === 'cancelled') return 'cancelled';
  if (s.status === 'completed' || Date.parse(s.registrationClosesAt) <= now || Date.parse(s.endsAt) <= now)
    return 'ended';
  if (Date.parse(s.registrationOpensAt) > now) return 'soon';
  const quotas = quota ? [quota] : s.quotas;
  if (quotas.some((q) => q.available > 0)) return 'open';
  return s.waitlistEnabled ? 'waitlist' : 'full';
}

/** Tag backgrounds dark enough for white text (WCAG AA). */
export const STATE_COLOR: Record<SessionState, string> = {
  open: '#237804',
  soon: '#0958d9',
  waitlist: '#ad4e00',
  full: '#a8071a',
  ended: '#595959',
  cancelled: '#595959',
};

/** Open sessions first, then opening soon, waitlist, full, ended; earlier first within a state. */
const ORDER: SessionState[] = ['open', 'soon', 'waitlist', 'full', 'ended', 'cancelled'];
export function bySessionState(a: Session, b: Session, now = Date.now()): number {
  const d = ORDER.indexOf(sessionState(a, now)) - ORDER.indexOf(sessionState(b, now));
  return d !== 0 ? d : Date.parse(a.startsAt) - Date.parse(b.startsAt);
}
