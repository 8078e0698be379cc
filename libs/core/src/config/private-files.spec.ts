import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../database/data-source';
import { loadConfig } from './app-config';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('files in DATA_DIR', () => {
  let root: string;
  const umask = process.umask(0o022);
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'tep-modes-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  afterAll(() => process.umask(umask));

  it('creates DATA_DIR 0700 and the generated JWT secret 0600, and narrows them when they exist', () => {
    const dataDir = join(root, 'data');
    loadConfig({ DATA_DIR: dataDir });
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, '.jwt-secret'))).toBe(0o600);

    const old = join(root, 'old');
    loadConfig({ DATA_DIR: old });
    writeFileSync(join(old, '.jwt-secret'), 'x'.repeat(40), { mode: 0o644 });
    chmodSync(old, 0o755);
    chmodSync(join(old, '.jwt-secret'), 0o644);
    loadConfig({ DATA_DIR: old });
    expect(mode(old)).toBe(0o700);
    expect(mode(join(old, '.jwt-secret'))).toBe(0o600);
  });

  it('creates the SQLite file, its folder and its WAL owner-only', async () => {
    const path = join(root, 'db', 'talent-events.sqlite');
    const ds = new DataSource(buildDataSourceOptions({ type: 'sqlite', path }, { entities: [], migrations: [] }));
    await ds.initialize();
    await ds.query('CREATE TABLE t (x integer)');
    await ds.query('INSERT INTO t VALUES (1)');
    expect(mode(join(root, 'db'))).toBe(0o700);
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}-wal`)).toBe(0o600);
    await ds.destroy();
  });
});
