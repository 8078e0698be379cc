import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { cpuMeter, stealAbove } from './cpu-share';
import { benchNotifications } from './notifications.bench';
import { benchProgress } from './progress.bench';
import { benchRegistration } from './registration.bench';
import { benchWeb } from './web.bench';

type Bench = () => Promise<Record<string, unknown>>;

const ALL: Record<string, Bench> = {
  registration: benchRegistration,
  notifications: benchNotifications,
  progress: benchProgress,
  web: benchWeb,
};

const ISOLATED = '--isolated';

/** Steal (percent of the machine's CPU time) above which a run is flagged as measuring its host. */
const STEAL_LIMIT = 2;

/**
 * One benchmark in a process of its own, so that none runs in a heap the one before it left:
 * the notification bench's raw loop runs in the bench process, and after the registration bench
 * in the same process it sent 360–420 messages a second where it sends 450–490 alone.
 */
function runIsolated(name: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [ISOLATED, name], { stdio: 'inherit' });
    let result: Record<string, unknown> | undefined;
    child.on('message', (message) => (result = message as Record<string, unknown>));
    child.on('error', reject);
    child.on('exit', (code) =>
      result && code === 0 ? resolve(result) : reject(new Error(`bench ${name} exited with code ${code}`)),
    );
  });
}

/**
 * `npm run bench`: every benchmark, each with its raw baseline measured in the same run.
 * Figures go to bench/results/<timestamp>.json and bench/results/latest.json. Not a test:
 * nothing here fails on a number. `npm run bench -- registration` runs one.
 */
async function main(): Promise<void> {
  process.env.API_MAIN ??= join(__dirname, '../apps/api/src/main.js');
  if (process.argv[2] === ISOLATED) {
    const result = await ALL[process.argv[3]!]!();
    await new Promise<void>((done) => process.send!(result, () => done()));
    return;
  }
  const only = process.argv.slice(2);
  const results: Record<string, unknown> = {
    at: new Date().toISOString(),
    node: process.version,
    machine: `${cpus().length} cores`,
  };
  for (const name of Object.keys(ALL)) {
    if (only.length && !only.includes(name)) continue;
    console.log(`== ${name}`);
    const cpu = cpuMeter();
    const result = await runIsolated(name);
    // the machine's CPU over the whole benchmark: high steal means the host was busy (see cpu-share.ts)
    const share = cpu();
    results[name] = share ? { ...result, machineCpuPercent: share } : result;
    console.log(JSON.stringify(results[name], null, 2));
    const stolen = stealAbove(results[name], STEAL_LIMIT);
    if (stolen.length) {
      console.warn(
        `${name}: the host took over ${STEAL_LIMIT} % of the CPU in ${stolen.join(', ')}; ratios with these runs measure the host`,
      );
    }
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
