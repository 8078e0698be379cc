/** What the check-in window needs to know about a session. */
export interface SessionTimes {
  status: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Why a check-in is refused at `now`, or null when the door is open: from
 * `opensMinutesBefore` before the start until the end, and never for a cancelled or
 * postponed session (a postponed one gets new times before it opens again).
 */
export function checkInRefusal(session: SessionTimes, now: Date, opensMinutesBefore: number): string | null {
  if (session.status === 'cancelled') return 'The session is cancelled';
  if (session.status === 'postponed') return 'The session is postponed';
  const opensAt = new Date(session.startsAt.getTime() - opensMinutesBefore * 60_000);
  if (now < opensAt)
    return `Check-in opens at ${opensAt.toISOString()} (${opensMinutesBefore} minutes before the start)`;
  if (now > session.endsAt) return `Check-in closed when the session ended at ${session.endsAt.toISOString()}`;
  return null;
}
