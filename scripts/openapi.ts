import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { loadConfig } from '@app/core';
import { createApiApp } from '../apps/api/src/bootstrap';
import { createOpenApiDocument } from '../apps/api/src/openapi';

/**
 * `npm run api:generate`: writes the OpenAPI document and the web client's types from the code,
 * without listening on a port (an in-memory SQLite app). `npm run api:check` (`--check`) writes
 * them to a temporary directory instead and fails when the committed files differ.
 */
const ROOT = resolve(__dirname, '../..');
const TARGET = join(ROOT, 'apps/web/src/api');
const FILES = ['openapi.json', 'schema.d.ts'];

/** Formatted as `prettier --check .` expects, with the repo's settings. */
async function pretty(text: string, name: string): Promise<string> {
  const filepath = join(TARGET, name);
  return format(text, { ...(await resolveConfig(filepath)), filepath });
}

async function writeDocument(dir: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tep-openapi-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      DATABASE_URL: 'sqlite::memory:',
      CONFIG_DIR: join(ROOT, 'config'),
      JWT_SECRET: 'openapi-generation-only-0123456789abcdef',
      IMPORT_PLANS_ON_START: 'false',
    });
    const app = await createApiApp(config);
    try {
      const json = JSON.stringify(createOpenApiDocument(app), null, 2);
      writeFileSync(join(dir, 'openapi.json'), await pretty(json, 'openapi.json'));
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function writeTypes(dir: string): Promise<void> {
  const out = join(dir, 'schema.d.ts');
  const cli = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
  // run where no redocly.yaml is: openapi-typescript would read the repo's lint config as its own
  const run = spawnSync(process.execPath, [cli, 'openapi.json', '-o', 'schema.d.ts'], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openapi-typescript failed: ${run.stderr || run.stdout}`);
  writeFileSync(out, await pretty(readFileSync(out, 'utf8'), 'schema.d.ts'));
}

async function generate(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await writeDocument(dir);
  await writeTypes(dir);
}

async function main(): Promise<void> {
  const check = process.argv.indexOf('--check');
  if (check < 0) {
    await generate(TARGET);
    console.log(`wrote ${FILES.map((f) => relative(ROOT, join(TARGET, f))).join(', ')}`);
    return;
  }
  // `--check DIR` compares DIR instead (the freshness test proves a stale copy fails)
  const committedDir = process.argv[check + 1] ? resolve(process.argv[check + 1]!) : TARGET;
  const tmp = mkdtempSync(join(tmpdir(), 'tep-openapi-check-'));
  try {
    await generate(tmp);
    const stale = FILES.filter((f) => {
      const committed = join(committedDir, f);
      let current: string;
      try {
        current = readFileSync(committed, 'utf8');
      } catch {
        return true;
      }
      return current !== readFileSync(join(tmp, f), 'utf8');
    });
    if (stale.length > 0) {
      const files = stale.map((f) => relative(ROOT, join(committedDir, f))).join(', ');
      console.error(
        `stale (differs from what the API's code generates): ${files}; run "npm run api:generate" and commit`,
      );
      process.exitCode = 1;
      return;
    }
    console.log(`up to date: ${FILES.map((f) => relative(ROOT, join(committedDir, f))).join(', ')}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
