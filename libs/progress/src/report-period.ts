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

export type PeriodKind = 'yearly' | 'half_yearly';

/**
 * Every year or half-year a program touches, in order: a 2022-06-20..2025-12-31 program has
 * 2022…2025 yearly and 2022-H1…2025-H2 half-yearly (its first half counts: the program starts in it).
 */
export function periodsOf(program: DateRange, kind: PeriodKind): string[] {
  const labels: string[] = [];
  let label = periodLabelOf(program.start, kind);
  while (periodRange(label)!.start <= program.end) {
    labels.push(label);
    label = nextPeriod(label, kind);
  }
  return labels;
}

/** `2024` → `2025`; `2024-H1` → `2024-H2`; `2024-H2` → `2025-H1`. */
export function nextPeriod(label: string, kind: PeriodKind): string {
  const year = Number(label.slice(0, 4));
  if (kind === 'yearly') return String(year + 1);
  return label.endsWith('H1') ? `${year}-H2` : `${year + 1}-H1`;
}

/** Why a unit may not report for a period, or null when it may. */
export type PeriodProblem = 'period_before_program' | 'period_in_future';

/**
 * A report covers a period that has begun (China time) and that ends on or after the program's
 * first day: a period still under way may be reported (and corrected later), a future one not.
 */
export function reportPeriodProblem(label: string, programStart: string, now: Date): PeriodProblem | null {
  const range = periodRange(label);
  if (!range) return null;
  if (range.end < programStart) return 'period_before_program';
  if (range.start > chinaDate(now)) return 'period_in_future';
  return null;
}
