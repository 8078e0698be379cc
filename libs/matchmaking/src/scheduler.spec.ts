import fc from 'fast-check';
import { emptyOccupancy, placeMeetings } from './scheduler';

describe(placeMeetings.name, () => {
  it('never books a participant or a table twice in one slot, and fills the grid when it can', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 16, max: 30 })), { maxLength: 120 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        (pairs, tableCount, slotCount) => {
          const requests = pairs.map(([a, b], i) => ({ meetingId: i + 1, a, b }));
          const placed = placeMeetings(requests, { slotCount, tableCount }, emptyOccupancy());
          const seen = new Set<string>();
          for (const p of placed) {
            const r = requests[p.meetingId - 1]!;
            for (const key of [`t${p.tableNo}@${p.slotNo}`, `p${r.a}@${p.slotNo}`, `p${r.b}@${p.slotNo}`]) {
              expect(seen.has(key)).toBe(false);
              seen.add(key);
            }
            expect(p.tableNo).toBeLessThanOrEqual(tableCount);
            expect(p.slotNo).toBeLessThanOrEqual(slotCount);
          }
          expect(new Set(placed.map((p) => p.meetingId)).size).toBe(placed.length);
        },
      ),
    );
  });

  it('respects what is already placed', () => {
    const occ = emptyOccupancy();
    occ.people.set(1, new Set([1]));
    occ.tables.set(2, new Set([1]));
    const placed = placeMeetings([{ meetingId: 9, a: 1, b: 2 }], { slotCount: 3, tableCount: 1 }, occ);
    expect(placed).toEqual([{ meetingId: 9, tableNo: 1, slotNo: 3 }]);
  });

  it('places 1,000 meetings on 12 × 16 quickly', () => {
    const requests = Array.from({ length: 1000 }, (_, i) => ({
      meetingId: i + 1,
      a: i % 200,
      b: 1000 + ((i * 7) % 100),
    }));
    const t0 = performance.now();
    const placed = placeMeetings(requests, { slotCount: 16, tableCount: 12 }, emptyOccupancy());
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(placed).toHaveLength(192);
  });
});
