// @ts-check
/**
 * Builds what changed since the last build, and nothing when nothing did, so a second
 * `npm start` goes straight to the server. A build is stale when any of its inputs is newer than
 * the stamp it left. Usage: node scripts/ensure-built.mjs [name...] (default: every build).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @type {Record<string, {inputs: string[], command: string, stamp: string}>} */
export const BUILDS = {
  server: {
    inputs: ['apps/api', 'apps/worker', 'libs', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    command: 'tsc -p tsconfig.build.json && tsc-alias -p tsconfig.build.json',
    stamp: 'dist/.server-built',
  },
  // the web app (apps/web → dist/web); its own script also compares a content hash, so a touched
  // but unchanged file does not rebuild it
  web: {
    inputs: ['apps/web', 'libs/registration/src/identifiers', 'package-lock.json'],
    command: 'node apps/web/build-if-stale.mjs',
    stamp: 'dist/.web-built',
  },
};

/** newest modification time under a path (files only), ignoring dependency and output folders */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

export function isStale(name) {
  const build = BUILDS[name];
  const stamp = join(root, build.stamp);
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return build.inputs.some((input) => newest(join(root, input)) > built);
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BUILDS);
for (const name of names) {
  if (!BUILDS[name]) throw new Error(`unknown build "${name}" (known: ${Object.keys(BUILDS).join(', ')})`);
  if (!isStale(name)) continue;
  const startedAt = Date.now();
  execSync(BUILDS[name].command, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  mkdirSync(dirname(join(root, BUILDS[name].stamp)), { recursive: true });
  writeFileSync(join(root, BUILDS[name].stamp), new Date(startedAt).toISOString());
  console.log(`built ${name} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}
