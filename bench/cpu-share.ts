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
    .trim()
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

function readCpuTimes(): CpuTimes | undefined {
  try {
    return parseProcStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined; // not Linux
  }
}

/**
 * Starts a reading; the function it returns gives the machine's CPU shares since then. On a
 * virtual machine a high `stealPercent` means its host was busy: the run had fewer cores than it
 * asked for, and its figures are not comparable with a run where steal was low.
 */
export function cpuMeter(): () => CpuShare | undefined {
  const before = readCpuTimes();
  return () => {
    const after = readCpuTimes();
    return before && after ? cpuShare(before, after) : undefined;
  };
}
