/** One accepted meeting to place: its two participants (registration ids). */
export interface PlaceRequest {
  meetingId: number;
  a: number;
  b: number;
}

export interface Placement {
  meetingId: number;
  tableNo: number;
  slotNo: number;
}

export interface Occupancy {
  /** registration id → busy slots */
  people: Map<number, Set<number>>;
  /** slot → busy tables */
  tables: Map<number, Set<number>>;
}

export const emptyOccupancy = (): Occupancy => ({ people: new Map(), tables: new Map() });

const busy = <K>(m: Map<K, Set<number>>, k: K): Set<number> => {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  return s;
};

/**
 * Greedy placement: meetings of the busiest participants first, each in the earliest slot where
 * both are free and a table is free, at the lowest free table. Pure: O(meetings × slots × tables).
 * Returns what it placed; `occupancy` is updated in place (it starts with the rows already placed).
 */
export function placeMeetings(
  requests: PlaceRequest[],
  grid: { slotCount: number; tableCount: number },
  occupancy: Occupancy,
): Placement[] {
  const load = new Map<number, number>();
  for (const r of requests) for (const p of [r.a, r.b]) load.set(p, (load.get(p) ?? 0) + 1);
  const ordered = [...requests].sort(
    (x, y) =>
      Math.max(load.get(y.a)!, load.get(y.b)!) - Math.max(load.get(x.a)!, load.get(x.b)!) || x.meetingId - y.meetingId,
  );
  const placed: Placement[] = [];
  for (const r of ordered) {
    const aBusy = busy(occupancy.people, r.a);
    const bBusy = busy(occupancy.people, r.b);
    for (let slot = 1; slot <= grid.slotCount; slot++) {
      if (aBusy.has(slot) || bBusy.has(slot)) continue;
      const tables = busy(occupancy.tables, slot);
      if (tables.size >= grid.tableCount) continue;
      let table = 1;
      while (tables.has(table)) table++;
      tables.add(table);
      aBusy.add(slot);
      bBusy.add(slot);
      placed.push({ meetingId: r.meetingId, tableNo: table, slotNo: slot });
      break;
    }
  }
  return placed;
}
