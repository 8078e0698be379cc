import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { freePort } from '@app/testing/api-process';
import { TestDatabase } from '@app/testing/test-db';

const run = promisify(execFile);

/** A binary from PATH or the sbin directories (a test runner's PATH may lack /usr/sbin). */
function binary(...names: string[]): string {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin'];
  for (const name of names) for (const dir of dirs) if (dir && existsSync(join(dir, name))) return join(dir, name);
  throw new Error(`none of ${names.join(', ')} found: install mariadb-server`);
}

export interface MariaDbServer {
  port: number;
  /** mysql://root@127.0.0.1:<port> (no database) */
  url: string;
  /** starts mariadbd and resolves once it accepts a connection */
  start(): Promise<void>;
  /** SIGTERM (a clean shutdown, as `systemctl stop` does) and waits for the process to end */
  stop(): Promise<void>;
  /** a fresh database on this server, shaped like test/support's */
  createDatabase(name: string): Promise<TestDatabase>;
  /** stops the server and removes its data directory */
  destroy(): Promise<void>;
  log(): string;
}

/**
 * A private MariaDB server for fault tests: its own data directory (mariadb-install-db into a
 * temporary directory), port, socket and pid file, so stopping it leaves the shared server on
 * 3306 alone. Runs as root with `--user=root`, or as the current user otherwise.
 */
export async function startPrivateMariaDb(): Promise<MariaDbServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tep-fault-mariadb-'));
  const dataDir = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const userArgs = asRoot ? ['--user=root'] : [];
  await run(
    binary('mariadb-install-db', 'mysql_install_db'),
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      ...userArgs,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { timeout: 60_000 },
  );
  const port = await freePort();
  const url = `mysql://root@127.0.0.1:${port}`;
  const mariadbd = binary('mariadbd', 'mysqld');
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const accepts = async (): Promise<boolean> => {
    try {
      const conn = await createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
      await conn.end();
      return true;
    } catch {
      return false;
    }
  };

  const server: MariaDbServer = {
    port,
    url,
    async start() {
      child = spawn(
        mariadbd,
        [
          '--no-defaults',
          `--datadir=${dataDir}`,
          ...userArgs,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          `--socket=${join(dir, 'mysqld.sock')}`,
          `--pid-file=${join(dir, 'mysqld.pid')}`,
          `--log-error=${join(dir, 'error.log')}`,
          '--skip-log-bin',
          '--skip-name-resolve',
          '--innodb-buffer-pool-size=64M',
          '--max-connections=200',
          '--character-set-server=utf8mb4',
          '--collation-server=utf8mb4_unicode_ci',
        ],
        { stdio: 'ignore' },
      );
      const c = child;
      exited = new Promise((ok) => c.once('exit', () => ok()));
      const until = Date.now() + 30_000;
      while (!(await accepts())) {
        if (c.exitCode !== null) throw new Error(`mariadbd exited with ${c.exitCode}: ${server.log()}`);
        if (Date.now() > until) throw new Error(`mariadbd did not start: ${server.log()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      const c = child;
      child = undefined;
      if (c && c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
      await exited;
    },
    async createDatabase(name) {
      const admin = await createConnection(url);
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
      const dbDir = mkdtempSync(join(tmpdir(), 'tep-fault-data-'));
      return {
        kind: 'mysql',
        url: `${url}/${name}`,
        dataDir: dbDir,
        drop: async () => rmSync(dbDir, { recursive: true, force: true }),
      };
    },
    async destroy() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    log() {
      const file = join(dir, 'error.log');
      return existsSync(file) ? readFileSync(file, 'utf8').slice(-2000) : '';
    },
  };
  await server.start();
  return server;
}
