import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/repo-root';

const ROOT = repoRoot();
// built by `npm run build` (npm test's pretest), like the API process the other suites start
const SCRIPT = join(ROOT, 'dist/scripts/openapi.js');
const COMMITTED = join(ROOT, 'apps/web/src/api');

/** `npm run api:check` against `dir`. */
const check = (dir?: string) =>
  spawnSync(process.execPath, [SCRIPT, '--check', ...(dir ? [dir] : [])], { cwd: ROOT, encoding: 'utf8' });

describe('the generated web client (apps/web/src/api)', () => {
  beforeAll(() => {
    if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run "npm run build" first (npm test does)`);
  });

  it('matches the API code: run "npm run api:generate" and commit when this fails', () => {
    const run = check();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('is reported stale when it differs from what the code generates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tep-stale-client-'));
    try {
      cpSync(COMMITTED, dir, { recursive: true });
      const doc = JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8'));
      delete doc.paths['/api/health'];
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc, null, 2) + '\n');
      const run = check(dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^stale .*openapi\.json/);
      expect(run.stderr).not.toContain('schema.d.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
