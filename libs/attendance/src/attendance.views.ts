/** One line of an attendance view: registered = confirmed seats (from the quota counters). */
export interface AttendanceLine {
  capacity: number;
  registered: number;
  checkedIn: number;
  /** checkedIn / registered, 0 when nobody is registered */
  rate: number;
}

export interface AttendanceView {
  byCategory: (AttendanceLine & { category: string })[];
  total: AttendanceLine;
}

export interface QuotaLine {
  category: string;
  capacity: number;
  confirmed: number;
}

export interface TallyLine {
  category: string;
  checkedIn: number;
}

export const rate = (checkedIn: number, registered: number): number =>
  registered > 0 ? Math.round((checkedIn / registered) * 10_000) / 10_000 : 0;

/** Builds the view from quota counters and tallies; categories appear in quota order, then any extra. */
export function attendanceView(quotas: QuotaLine[], tallies: TallyLine[]): AttendanceView {
  const lines = new Map<string, AttendanceLine & { category: string }>();
  const line = (category: string) => {
    let l = lines.get(category);
    if (!l) lines.set(category, (l = { category, capacity: 0, registered: 0, checkedIn: 0, rate: 0 }));
    return l;
  };
  for (const q of quotas) {
    const l = line(q.category);
    l.capacity += q.capacity;
    l.registered += q.confirmed;
  }
  for (const t of tallies) line(t.category).checkedIn += t.checkedIn;
  const byCategory = [...lines.values()].map((l) => ({ ...l, rate: rate(l.checkedIn, l.registered) }));
  const sum = (k: 'capacity' | 'registered' | 'checkedIn') => byCategory.reduce((s, l) => s + l[k], 0);
  const total = { capacity: sum('capacity'), registered: sum('registered'), checkedIn: sum('checkedIn'), rate: 0 };
  total.rate = rate(total.checkedIn, total.registered);
  return { byCategory, total };
}
