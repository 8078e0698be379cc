import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@app/testing/repo-root';

/**
 * The layering rule of eslint.config.mjs, run by the real `eslint` on code placed (through stdin)
 * in a lib: an import that climbs fails lint, one that goes down passes.
 */
describe('one-way layering (lint)', () => {
  const root = repoRoot();

  async function problems(file: string, code: string): Promise<string[]> {
    const run = promisify(execFile)(
      join(root, 'node_modules/.bin/eslint'),
      ['--stdin', '--stdin-filename', file, '--format', 'json', '--rule', 'prettier/prettier: off'],
      { cwd: root },
    );
    run.child.stdin!.end(code);
    // eslint exits 1 when it finds problems; its report is on stdout either way
    const { stdout } = await run.catch((failed: { stdout: string }) => ({ stdout: failed.stdout }));
    const [result] = JSON.parse(stdout) as { messages: { ruleId: string; message: string }[] }[];
    return result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
  }

  it('fails a lower lib that imports a higher one', async () => {
    const found = await problems(
      'libs/core/src/layering-probe.ts',
      "import { ProgressService } from '@app/progress';\nexport const probe = ProgressService;\n",
    );
    expect(found).toEqual([expect.stringContaining('"core" to elements of type "progress"')]);
  });

  it('fails registration importing attendance (siblings above it)', async () => {
    const found = await problems(
      'libs/registration/src/layering-probe.ts',
      "import { AttendanceService } from '@app/attendance';\nexport const probe = AttendanceService;\n",
    );
    expect(found).toHaveLength(1);
  });

  it('fails the worker importing a file of the API', async () => {
    const found = await problems(
      'apps/worker/src/layering-probe.ts',
      "import { createApiApp } from '../../api/src/bootstrap';\nexport const probe = createApiApp;\n",
    );
    expect(found).toEqual([expect.stringContaining('"worker" to elements of type "api"')]);
  });

  it('passes imports that go down', async () => {
    const found = await problems(
      'libs/progress/src/layering-probe.ts',
      "import { CatalogService } from '@app/catalog';\nimport { AppError } from '@app/core';\nexport const probe = [CatalogService, AppError];\n",
    );
    expect(found).toEqual([]);
  });
});
