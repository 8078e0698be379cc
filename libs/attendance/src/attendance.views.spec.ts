import { attendanceView, rate } from './attendance.views';

describe(attendanceView.name, () => {
  it('sums quotas and tallies per category and in total', () => {
    const sut = attendanceView(
      [
        { category: 'enterprise', capacity: 200, confirmed: 200 },
        { category: 'phd', capacity: 100, confirmed: 100 },
        { category: 'enterprise', capacity: 50, confirmed: 10 },
      ],
      [
        { category: 'enterprise', checkedIn: 160 },
        { category: 'phd', checkedIn: 90 },
      ],
    );
    expect(sut.byCategory).toEqual([
      { category: 'enterprise', capacity: 250, registered: 210, checkedIn: 160, rate: 0.7619 },
      { category: 'phd', capacity: 100, registered: 100, checkedIn: 90, rate: 0.9 },
    ]);
    expect(sut.total).toEqual({ capacity: 350, registered: 310, checkedIn: 250, rate: 0.8065 });
  });

  it('answers zeros for an empty session', () => {
    expect(attendanceView([], [])).toEqual({
      byCategory: [],
      total: { capacity: 0, registered: 0, checkedIn: 0, rate: 0 },
    });
  });

  it('rate is 0 when nobody is registered', () => {
    expect(rate(3, 0)).toBe(0);
  });
});
