/** A (session, category) counter row as read under its lock. */
export interface SeatRow {
  capacity: number;
  confirmed: number;
  pending: number;
  waitlisted: number;
  waitlistSeq: number;
}

/**
 * How a batch of `wanted` registrations, in arrival order, splits: the first `seated` take the
 * free seats (confirmed + pending below capacity), the next `waitlisted` join the waitlist when
 * the session keeps one, and the rest are refused. A row already over capacity seats nobody.
 */
export function takeSeats(row: SeatRow, wanted: number, waitlist: boolean): { seated: number; waitlisted: number } {
  const free = Math.max(0, row.capacity - row.confirmed - row.pending);
  const seated = Math.min(wanted, free);
  return { seated, waitlisted: waitlist ? wanted - seated : 0 };
}
