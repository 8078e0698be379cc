import { checkInRefusal } from './check-in.window';

describe(checkInRefusal.name, () => {
  const startsAt = new Date('2026-03-10T09:00:00Z');
  const endsAt = new Date('2026-03-10T12:00:00Z');
  const session = { status: 'scheduled', startsAt, endsAt };
  const at = (iso: string) => new Date(iso);

  it('opens the configured minutes before the start and closes at the end', () => {
    expect(checkInRefusal(session, at('2026-03-10T07:00:00Z'), 120)).toBeNull();
    expect(checkInRefusal(session, at('2026-03-10T12:00:00Z'), 120)).toBeNull();
    expect(checkInRefusal(session, at('2026-03-10T06:59:59Z'), 120)).toMatch(/opens at 2026-03-10T07:00:00.000Z/);
    expect(checkInRefusal(session, at('2026-03-10T12:00:01Z'), 120)).toMatch(/closed/);
  });

  it('honours a zero lead time', () => {
    expect(checkInRefusal(session, at('2026-03-10T08:59:00Z'), 0)).toMatch(/opens/);
  });

  it('refuses cancelled and postponed sessions whatever the time', () => {
    const now = at('2026-03-10T10:00:00Z');
    expect(checkInRefusal({ ...session, status: 'cancelled' }, now, 120)).toMatch(/cancelled/);
    expect(checkInRefusal({ ...session, status: 'postponed' }, now, 120)).toMatch(/postponed/);
  });

  it('accepts a completed session that is still within its times', () => {
    expect(checkInRefusal({ ...session, status: 'completed' }, at('2026-03-10T11:00:00Z'), 120)).toBeNull();
  });
});
