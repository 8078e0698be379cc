import { beijingRange, beijingTime, bySessionState, sessionState } from '../../apps/web/src/lib/format';
import { sessionIcs } from '../../apps/web/src/lib/ics';
import type { Session } from '../../apps/web/src/api/types';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const hours = (h: number) => new Date(NOW + h * 3600_000).toISOString();

function session(o: Partial<Session> = {}): Session {
  return {
    id: 1,
    activityId: 1,
    title: '泉博会',
    level: 'city',
    startsAt: hours(48),
    endsAt: hours(56),
    venue: '泉州市人力资源市场',
    city: '泉州市',
    mode: 'offline',
    onlineUrl: null,
    registrationOpensAt: hours(-1),
    registrationClosesAt: hours(47),
    requiresApproval: false,
    waitlistEnabled: true,
    status: 'scheduled',
    version: 1,
    quotas: [{ category: 'enterprise', capacity: 2, confirmed: 0, pending: 0, waitlisted: 0, available: 2 }],
    ...o,
  };
}
const full = [{ category: 'enterprise' as const, capacity: 2, confirmed: 2, pending: 0, waitlisted: 1, available: 0 }];

describe('session states shown to registrants (报名中/即将开放/候补/已满/已结束)', () => {
  it.each([
    ['open', session()],
    ['soon', session({ registrationOpensAt: hours(1) })],
    ['waitlist', session({ quotas: full })],
    ['full', session({ quotas: full, waitlistEnabled: false })],
    ['ended', session({ registrationClosesAt: hours(-1) })],
    ['ended', session({ status: 'completed' })],
    ['cancelled', session({ status: 'cancelled' })],
  ])('%s', (state, s) => {
    expect(sessionState(s, NOW)).toBe(state);
  });

  it('puts sessions open for registration first, then by start', () => {
    const list = [
      session({ id: 1, registrationClosesAt: hours(-1) }),
      session({ id: 2, quotas: full }),
      session({ id: 3, startsAt: hours(72) }),
      session({ id: 4, registrationOpensAt: hours(2) }),
      session({ id: 5 }),
    ];
    expect(list.sort((a, b) => bySessionState(a, b, NOW)).map((s) => s.id)).toEqual([5, 3, 4, 2, 1]);
  });
});

describe('times in Beijing time', () => {
  it('shows 00:00 UTC as 08:00 whatever the zone of the machine', () => {
    expect(beijingTime('2026-06-01T00:00:00Z', 'zh-CN')).toContain('08:00');
    expect(beijingRange('2026-06-01T00:00:00Z', '2026-06-01T08:30:00Z', 'zh-CN')).toMatch(/08:00.*16:30$/);
  });
});

describe('添加到日历 (.ics)', () => {
  it('is one VEVENT in UTC with escaped text and lines folded at 75 octets', () => {
    const ics = sessionIcs(
      session(),
      '泉博会; 第一场, '.repeat(6),
      '泉州市 · 泉州市人力资源市场',
      'https://x.example/r/1',
    );
    expect(ics).toContain('DTSTART:20260603T000000Z');
    expect(ics).toContain('DTEND:20260603T080000Z');
    expect(ics).toContain('\\,');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });
});
