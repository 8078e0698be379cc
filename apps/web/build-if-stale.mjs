/* global console, process */
/* eslint-disable no-console -- a build script reports to the terminal */
// Builds the web app (apps/web → dist/web) only when its inputs changed since the last build:
// `npm start` and `npm test` call it, so an unchanged checkout starts at once.
// Inputs: apps/web sources and config, the API's identifier rules the bundle imports, the lock file.
// The stamp (a SHA-256 of every input's path and content) is kept in dist/web/.build-stamp.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, 'dist/web');
const stampFile = join(outDir, '.build-stamp');

function files(dir, keep = () => true) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p, keep) : keep(p) ? [p] : [];
  });
}

export function inputsHash() {
  const inputs = [
    ...files(join(root, 'apps/web'), (p) => !p.endsWith('.md')),
    ...files(join(root, 'libs/registration/src/identifiers'), (p) => !p.endsWith('.spec.ts')),
    join(root, 'package-lock.json'),
  ].sort();
  const hash = createHash('sha256');
  for (const p of inputs) hash.update(relative(root, p)).update('\0').update(readFileSync(p)).update('\0');
  return hash.digest('hex');
}

/** Pre-compressed copies next to each text asset: the API serves them (@fastify/static preCompressed). */
function precompress() {
  for (const p of files(outDir, (f) => /\.(js|css|html|svg|json)$/.test(f))) {
    const data = readFileSync(p);
    if (statSync(p).size < 1024) continue;
    writeFileSync(`${p}.gz`, gzipSync(data, { level: 9 }));
    writeFileSync(`${p}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

export async function buildIfStale({ force = false, quiet = false } = {}) {
  const hash = inputsHash();
  const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (!force && current === hash && existsSync(join(outDir, 'index.html'))) {
    if (!quiet) console.log('web app is up to date (dist/web)');
    return false;
  }
  // a production bundle even when called from jest (NODE_ENV=test) or a shell that set it
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: join(root, 'apps/web/vite.config.mts'), logLevel: quiet ? 'warn' : 'info' });
  precompress();
  writeFileSync(stampFile, `${hash}\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildIfStale({ force: process.argv.includes('--force') }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
