import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, whether this file runs from test/ (jest) or from a compiled copy (bench). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package-lock.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}
