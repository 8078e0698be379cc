import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchNotifications } from './notifications.bench';
import { benchProgress } from './progress.bench';
import { benchRegistration } from './registration.bench';
import { benchWeb } from './web.bench';

type Bench = () => Promise<Record<string, unknown>>;

/**
 * `npm run bench`: every benchmark, each with its raw baseline measured in the same run.
 * Figures go to bench/results/<timestamp>.json and bench/results/latest.json. Not a test:
 * nothing here fails on a number. `npm run bench -- registration` runs one.
 */
async function main(): Promise<void> {
  process.env.API_MAIN ??= join(__dirname, '../apps/api/src/main.js');
  const all: Record<string, Bench> = {
    registration: benchRegistration,
    notifications: benchNotifications,
    progress: benchProgress,
    web: benchWeb,
  };
  const only = process.argv.slice(2);
  const results: Record<string, unknown> = {
    at: new Date().toISOString(),
    node: process.version,
    machine: `${cpus().length} cores`,
  };
  for (const [name, bench] of Object.entries(all)) {
    if (only.length && !only.includes(name)) continue;
    console.log(`== ${name}`);
    results[name] = await bench();
    console.log(JSON.stringify(results[name], null, 2));
  }
  const dir = join(__dirname, '../../../bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${(results.at as string).replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`results written to ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
