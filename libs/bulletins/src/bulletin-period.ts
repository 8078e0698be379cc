import { DateRange, periodRange } from '@app/progress';

export const BULLETIN_FREQUENCIES = ['monthly', 'quarterly', 'half_yearly'] as const;
export type BulletinFrequency = (typeof BULLETIN_FREQUENCIES)[number];

/** Bulletins go out on the 1st of the month after their period, at 09:00 Beijing time. */
export const ISSUE_HOUR_BEIJING = 9;

const MONTHS: Record<BulletinFrequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6 };

/** The label of the `index`-th (0-based) period of `year`: 2022-07, 2022-Q3, 2022-H2. */
function label(year: number, index: number, f: BulletinFrequency): string {
  if (f === 'monthly') return `${year}-${String(index + 1).padStart(2, '0')}`;
  return f === 'quarterly' ? `${year}-Q${index + 1}` : `${year}-H${index + 1}`;
}

/**
 * The period whose bulletin is due at `now`: the last one whose issue time (the 1st of the month
 * after it, 09:00 Beijing) has come. 2022-07-01 09:00 Beijing → 2022-06 monthly, 2022-Q2
 * quarterly, 2022-H1 half-yearly; a minute earlier → 2022-05, 2022-Q1, 2021-H2.
 */
export function duePeriod(f: BulletinFrequency, now: Date): string {
  const b = new Date(now.getTime() + 8 * 3600_000);
  const year = b.getUTCFullYear();
  const month0 = b.getUTCMonth();
  const n = MONTHS[f];
  const perYear = 12 / n;
  const current = Math.floor(month0 / n);
  const issuedThisPeriod = month0 > current * n || b.getUTCDate() > 1 || b.getUTCHours() >= ISSUE_HOUR_BEIJING;
  // the period before the current one was issued at the current one's start, if that has come
  let k = year * perYear + current - (issuedThisPeriod ? 1 : 2);
  const y = Math.floor(k / perYear);
  k -= y * perYear;
  return label(y, k, f);
}

/** The cron pattern (Asia/Shanghai) of a frequency's issue times. */
export const cronOf = (f: BulletinFrequency): string =>
  f === 'monthly' ? '0 9 1 * *' : f === 'quarterly' ? '0 9 1 1,4,7,10 *' : '0 9 1 1,7 *';

/** True when two inclusive date ranges share a day. */
export const overlaps = (a: DateRange, b: DateRange): boolean => a.start <= b.end && a.end >= b.start;

/** Why a bulletin cannot be issued for a period of a program, or null. */
export function bulletinPeriodProblem(
  periodLabel: string,
  program: DateRange,
  today: string,
): 'period_invalid' | 'period_outside_program' | 'period_in_future' | null {
  const range = periodRange(periodLabel);
  if (!range) return 'period_invalid';
  if (!overlaps(range, program)) return 'period_outside_program';
  if (range.start > today) return 'period_in_future';
  return null;
}
