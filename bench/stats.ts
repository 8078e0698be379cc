import { cpuMeter, CpuShare } from './cpu-share';

/**
 * Latency percentiles and throughput of a {@link runConcurrent} run, with the share of the
 * machine's CPU time its host took meanwhile (`stealPercent`, where the kernel reports it).
 */
export function summarize({ latencies, wallMs, cpu }: { latencies: number[]; wallMs: number; cpu?: CpuShare }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return {
    count: sorted.length,
    perSecond: Math.round((sorted.length / wallMs) * 1000),
    p50Ms: round(pct(50)),
    p99Ms: round(pct(99)),
    ...(cpu ? { stealPercent: cpu.stealPercent } : {}),
  };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs `total` jobs with `concurrency` workers; returns per-job latencies, wall time and the machine's CPU shares. */
export async function runConcurrent(total: number, concurrency: number, job: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const cpu = cpuMeter();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t0 = performance.now();
        await job(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wallMs = performance.now() - started;
  return { latencies, wallMs, cpu: cpu() };
}
