import { enterprise } from '@app/testing/fixtures';

/** One registration request as a client saw it. */
export interface Outcome {
  n: number;
  status: number;
  /** ms since the load started, when the answer arrived */
  at: number;
  id?: number;
  body?: { code?: string; message?: string; details?: { field: string; reason: string }[] };
  retryAfter?: string | null;
  /** a network error instead of an HTTP answer */
  error?: string;
}

export interface Load {
  started: number;
  outcomes: Outcome[];
  /** stops starting requests and waits for those in flight */
  stop(): Promise<Outcome[]>;
}

/**
 * `clients` concurrent clients, each registering a new enterprise for the session in a loop until
 * stopped; after a 503 (or a network error) a client waits `pauseOn503Ms` as a polite client would.
 */
export function registerUnderLoad(opts: {
  baseUrl: string;
  sessionId: number;
  clients: number;
  /** per-client pause between requests (keeps CPU use modest) */
  paceMs?: number;
  pauseOn503Ms?: number;
  /** a client address per client (X-Forwarded-For), so per-IP limits apply per client */
  forwardedFor?: (client: number) => string;
}): Load {
  const started = Date.now();
  const outcomes: Outcome[] = [];
  let stopping = false;
  const client = async (c: number) => {
    for (let i = 0; !stopping; i++) {
      const n = 1 + c * 100_000 + i;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (opts.forwardedFor) headers['x-forwarded-for'] = opts.forwardedFor(c);
      let outcome: Outcome;
      try {
        const res = await fetch(`${opts.baseUrl}/api/sessions/${opts.sessionId}/registrations`, {
          method: 'POST',
          headers,
          body: JSON.stringify(enterprise(n, { phone: `138${String(n).padStart(8, '0')}` })),
        });
        const text = await res.text();
        let body: Outcome['body'] & { id?: number } = {};
        try {
          body = JSON.parse(text);
        } catch {
          body = { message: text };
        }
        outcome = {
          n,
          status: res.status,
          at: Date.now() - started,
          ...(res.status === 201 ? { id: body.id } : { body }),
          retryAfter: res.headers.get('retry-after'),
        };
      } catch (error) {
        outcome = { n, status: 0, at: Date.now() - started, error: (error as Error).message };
      }
      outcomes.push(outcome);
      const pause = outcome.status === 201 ? (opts.paceMs ?? 0) : (opts.pauseOn503Ms ?? 50);
      if (pause > 0) await new Promise((r) => setTimeout(r, pause));
    }
  };
  const running = Promise.all(Array.from({ length: opts.clients }, (_, c) => client(c)));
  return {
    started,
    outcomes,
    stop: async () => {
      stopping = true;
      await running;
      return outcomes;
    },
  };
}

/** Counts by HTTP status (0 = network error). */
export function countByStatus(outcomes: Outcome[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const o of outcomes) counts[o.status] = (counts[o.status] ?? 0) + 1;
  return counts;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` every `everyMs` until stopped; keeps each status with its time. */
export function pollStatus(url: string, everyMs = 200) {
  const seen: { at: number; status: number; body: unknown }[] = [];
  let stopping = false;
  const running = (async () => {
    while (!stopping) {
      try {
        const res = await fetch(url);
        seen.push({ at: Date.now(), status: res.status, body: await res.json().catch(() => null) });
      } catch {
        seen.push({ at: Date.now(), status: 0, body: null });
      }
      await sleep(everyMs);
    }
  })();
  return {
    seen,
    stop: async () => {
      stopping = true;
      await running;
      return seen;
    },
  };
}
