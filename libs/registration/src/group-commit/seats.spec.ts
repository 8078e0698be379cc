import { SeatRow, takeSeats } from './seats';

const row = (over: Partial<SeatRow> = {}): SeatRow => ({
  capacity: 10,
  confirmed: 0,
  pending: 0,
  waitlisted: 0,
  waitlistSeq: 0,
  ...over,
});

describe('takeSeats', () => {
  it.each([
    // capacity, confirmed, pending, wanted, waitlist → seated, waitlisted
    [10, 0, 0, 4, true, 4, 0],
    [10, 6, 0, 4, true, 4, 0], // exactly fills the last seats
    [10, 6, 1, 4, true, 3, 1], // pending seats are taken seats
    [10, 7, 1, 4, false, 2, 0], // no waitlist: the rest are refused
    [10, 10, 0, 3, true, 0, 3],
    [10, 10, 0, 3, false, 0, 0],
    [10, 9, 3, 2, true, 0, 2], // over capacity (a lowered quota): nobody is seated
    [0, 0, 0, 1, true, 0, 1],
  ])(
    'capacity %i, confirmed %i, pending %i, %i wanted, waitlist %s → %i seated, %i waitlisted',
    (capacity, confirmed, pending, wanted, waitlist, seated, waitlisted) => {
      expect(takeSeats(row({ capacity, confirmed, pending }), wanted, waitlist)).toEqual({ seated, waitlisted });
    },
  );

  it('ignores the waitlist counters: a long waitlist does not take seats', () => {
    expect(takeSeats(row({ confirmed: 5, waitlisted: 40, waitlistSeq: 90 }), 3, true)).toEqual({
      seated: 3,
      waitlisted: 0,
    });
  });
});
