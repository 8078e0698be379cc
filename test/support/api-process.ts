import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { API_NODE_FLAGS } from '../../apps/api/src/node-flags';
import { repoRoot } from './repo-root';

const ROOT = repoRoot();
// the bench runs its own compiled copy (dist/bench-build) so it never races a concurrent `npm run build`
const MAIN = process.env.API_MAIN ?? join(ROOT, 'dist/apps/api/src/main.js');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** what the process wrote to stdout so far (its log), when started with `captureStdout` */
  stdout(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node dist/apps/api/src/main.js` (built by `npm run build`) and waits until it answers. */
export async function startApiProcess(
  env: Record<string, string | undefined>,
  options: { captureStdout?: boolean } = {},
): Promise<ApiProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
  const port = await freePort();
  // API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the process in a bench run
  const nodeArgs = (process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...API_NODE_FLAGS, ...nodeArgs, MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: [
      'ignore',
      options.captureStdout ? 'pipe' : process.env.API_STDOUT === 'inherit' ? 'inherit' : 'ignore',
      'pipe',
    ],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`API process did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    stdout: () => stdout,
    stop: (signal = 'SIGTERM') =>
      new Promise((ok) => {
        // a child ended by a signal has signalCode set and exitCode null
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill(signal);
      }),
  };
}
