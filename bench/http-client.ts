import { Pool } from 'undici';

/**
 * The load generator's HTTP client: undici's keep-alive pool, one connection per concurrent
 * client. It shares the two cores with the API and the database, so it must cost little per
 * request: Node's `fetch` (WHATWG streams over the same undici) spends about as much CPU per call as the API
 * itself does, which the raw mysql2 loop it is compared with never pays.
 */
export class BenchClient {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly connections: number) {}

  /** POSTs JSON; returns the parsed answer, throws on a status of 300 or more. */
  async post(origin: string, path: string, body: unknown, token?: string): Promise<any> {
    const res = await this.pool(origin).request({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await res.body.json()) as any;
    if (res.statusCode >= 300) throw new Error(`${path}: ${res.statusCode} ${JSON.stringify(json)}`);
    return json;
  }

  async get(origin: string, path: string): Promise<any> {
    const res = await this.pool(origin).request({ method: 'GET', path });
    return res.body.json();
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
    this.pools.clear();
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) this.pools.set(origin, (pool = new Pool(origin, { connections: this.connections, pipelining: 1 })));
    return pool;
  }
}
