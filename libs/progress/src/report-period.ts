/** An inclusive calendar range, ISO dates. */
export interface DateRange {
  start: string;
  end: string;
}

export const PERIOD_LABEL_PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** `2021` · `2022-H1` · `2022-Q3` · `2022-07` → the calendar range it covers; null if malformed. */
export function periodRange(label: string): DateRange | null {
  const m = PERIOD_LABEL_PATTERN.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  const part = m[2];
  let from = 1;
  let to = 12;
  if (part?.startsWith('H')) [from, to] = part === 'H1' ? [1, 6] : [7, 12];
  else if (part?.startsWith('Q')) [from, to] = [(Number(part[1]) - 1) * 3 + 1, Number(part[1]) * 3];
  else if (part) from = to = Number(part);
  return { start: iso(year, from, 1), end: iso(year, to, lastDay(year, to)) };
}

/** The plans are Quanzhou's: calendar days and periods are judged in China time (UTC+8). */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The label of the year or half-year containing an ISO date: `2024` or `2024-H2`. */
export function periodLabelOf(date: string, period: 'yearly' | 'half_yearly'): string {
  const year = date.slice(0, 4);
  if (period === 'yearly') return year;
  return `${year}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** True when `inner` lies entirely within `outer`. */
export const within = (inner: DateRange, outer: DateRange): boolean =>
  inner.start >= outer.start && inner.end <= outer.end;
