import { readFileSync } from 'node:fs';

/** The whole machine's CPU time so far, in clock ticks, from the `cpu` line of Linux's /proc/stat. */
export interface CpuTimes {
  /** user, nice, system, irq and softirq: work done on this machine */
  busy: number;
  /** idle and iowait: nothing to run */
  idle: number;
  /** time the hypervisor gave this machine's virtual CPUs to someone else while they had work */
  steal: number;
}

/** What the machine's CPUs did between two readings, in percent of all their time. */
export interface CpuShare {
  busyPercent: number;
  idlePercent: number;
  stealPercent: number;
}

/**
 * Reads the summed `cpu` line of /proc/stat: `cpu user nice system idle iowait irq softirq steal
 * guest guest_nice`. guest and guest_nice are already counted in user and nice, so they are left
 * out; fields a kernel does not report count as 0. Undefined when there is no such line.
 */
export function parseProcStat(text: string): CpuTimes | undefined {
  const line = text.split('\n').find((l) => /^cpu\s/.test(l));
  if (!line) return undefined;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .split(/\s+/)
    .slice(1)
    .map(Number)
    .concat(Array<number>(8).fill(0));
  return { busy: user! + nice! + system! + irq! + softirq!, idle: idle! + iowait!, steal: steal! };
}

/** The shares between two readings (rounded to a tenth); undefined when no time passed. */
export function cpuShare(before: CpuTimes, after: CpuTimes): CpuShare | undefined {
  const busy = after.busy - before.busy;
  const idle = after.idle - before.idle;
  const steal = after.steal - before.steal;
  const total = busy + idle + steal;
  if (total <= 0) return undefined;
  const percent = (n: number) => Math.round((n / total) * 1000) / 10;
  return { busyPercent: percent(busy), idlePercent: percent(idle), stealPercent: percent(steal) };
}

/** This machine's CPU times; undefined where the file is not there (not Linux). */
export function readCpuTimes(file = '/proc/stat'): CpuTimes | undefined {
  try {
    return parseProcStat(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // not Linux
  }
}

/**
 * Starts a reading; the function it returns gives the machine's CPU shares since then. On a
 * virtual machine a high `stealPercent` means its host was busy: the run had fewer cores than it
 * asked for, and its figures are not comparable with a run where steal was low.
 */
export function cpuMeter(read: () => CpuTimes | undefined = readCpuTimes): () => CpuShare | undefined {
  const before = read();
  return () => {
    const after = read();
    return before && after ? cpuShare(before, after) : undefined;
  };
}

/**
 * Where a benchmark's result says its host took more than `limit` percent of the CPU: every
 * number under a key starting with `stealPercent`, at any depth, as `path=value`. A ratio with
 * such a run on either side measures the host, not the code.
 */
export function stealAbove(result: unknown, limit: number, path = ''): string[] {
  if (typeof result !== 'object' || result === null) return [];
  return Object.entries(result).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'number') return key.startsWith('stealPercent') && value > limit ? [`${at}=${value}`] : [];
    return stealAbove(value, limit, at);
  });
}
