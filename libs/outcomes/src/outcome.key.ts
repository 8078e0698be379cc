import { createHash } from 'node:crypto';
import { OutcomeParties } from './outcome.types';

export interface OutcomeIdentity {
  type: string;
  parties?: OutcomeParties | null;
  signedOn?: string | null;
  registrationIds?: number[] | null;
  title: string;
}

const norm = (v: string) => v.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * What makes two outcomes the same (counting rules): the type, the parties and the date. Linked
 * registrations are parties too; an outcome with no party at all (a milestone) is told apart by
 * its title. Names are compared after NFKC, case and whitespace folding, so 王师傅 and ' 王师傅 '
 * are one. The database holds this as a unique key per activity: a repeat cannot be inserted.
 */
export function outcomeKey(o: OutcomeIdentity): string {
  const parties = Object.entries(o.parties ?? {})
    .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
    .map(([k, v]) => [k, norm(v as string)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  const regs = [...new Set(o.registrationIds ?? [])].sort((a, b) => a - b);
  const who = parties.length || regs.length ? { parties, regs } : { title: norm(o.title) };
  return createHash('sha256')
    .update(JSON.stringify({ type: o.type, date: o.signedOn ?? null, ...who }))
    .digest('hex');
}

/** Today's date in China (YYYY-MM-DD): a date after it is in the future. */
export const chinaToday = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
