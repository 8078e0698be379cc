import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from '../../apps/api/src/node-flags';
import { repoRoot } from '@app/testing/repo-root';

const root = repoRoot();
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** The API runs with the same V8 flags wherever it is started, the benchmarks included. */
describe('API node flags', () => {
  it('are set', () => {
    expect(API_NODE_FLAGS.length).toBeGreaterThan(0);
  });

  it('are on `npm start`, right after node', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe(`node ${API_NODE_FLAGS.join(' ')} dist/apps/api/src/main.js`);
    expect(scripts['start:dev']).toContain(`node ${API_NODE_FLAGS.join(' ')} --watch-path`);
  });

  it("are on the Dockerfile's command", () => {
    const cmd = /^CMD (.+)$/m.exec(read('Dockerfile'))?.[1];
    expect(JSON.parse(cmd!)).toEqual(['node', ...API_NODE_FLAGS, 'dist/apps/api/src/main.js']);
  });

  it('are passed by the launcher of the end-to-end tests and benchmarks', () => {
    expect(read('test/support/api-process.ts')).toMatch(/spawn\(process\.execPath, \[\.\.\.API_NODE_FLAGS,/);
  });
});
