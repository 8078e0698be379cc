import { DataSource } from 'typeorm';
import { Dependency } from './errors';

export type ProbeState = 'up' | 'down';

/** What a readiness check answers: 200 when `status` is ready, else 503 naming what is down. */
export interface Readiness {
  status: 'ready' | 'not_ready';
  db: ProbeState;
  /** `in_process` when REDIS_URL is unset (nothing to ping) */
  queue: ProbeState | 'in_process';
  /** the dependencies that are down; empty when ready */
  down: Dependency[];
}

/** How long a probe may take before its dependency counts as down. */
export const PROBE_TIMEOUT_MS = 2000;

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** Runs a real query on the database (a round trip through the pool to the server). */
export async function probeDatabase(db: DataSource, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeState> {
  try {
    await withTimeout(db.query('SELECT 1 AS ok'), timeoutMs, 'database probe');
    return 'up';
  } catch {
    return 'down';
  }
}

/** Database and, when configured, Redis, probed at once. */
export async function checkReadiness(probes: {
  db: () => Promise<ProbeState>;
  redis?: () => Promise<ProbeState>;
}): Promise<Readiness> {
  const [db, queue] = await Promise.all([
    probes.db(),
    probes.redis ? probes.redis() : Promise.resolve('in_process' as const),
  ]);
  const down: Dependency[] = [];
  if (db === 'down') down.push('database');
  if (queue === 'down') down.push('redis');
  return { status: down.length === 0 ? 'ready' : 'not_ready', db, queue, down };
}
