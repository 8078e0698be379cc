import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createTestDatabase } from '../test/support/test-db';
import { startApiProcess } from '../test/support/api-process';
import { repoRoot } from '../test/support/repo-root';
import { ADMIN, testEnv } from '../test/support/test-app';
import { PLAN_2021, sessionBody } from '../test/support/fixtures';
import { round } from './stats';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 7);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * First load of the registration page (/sessions/:id) in Debian's Chromium at 390×844, served by
 * the API from dist/web: the JS and CSS it downloads, gzipped (target ≤ 250 KB), and the time from
 * navigation start until the form's submit button can be used (cold cache, median of RUNS).
 */
export async function benchWeb(): Promise<Record<string, unknown>> {
  const root = repoRoot();
  execFileSync(process.execPath, [join(root, 'apps/web/build-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
  const db = await createTestDatabase('sqlite');
  const api = await startApiProcess(testEnv(db, { LOG_LEVEL: 'warn' }));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
  try {
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(api.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as any;
    };
    const token = (await post('/api/auth/login', ADMIN)).accessToken as string;
    const plan = (await (await fetch(`${api.url}/api/programs/${PLAN_2021}`)).json()) as any;
    const fair = plan.series[1].activities[1].id as number;
    const session = await post(`/api/activities/${fair}/sessions`, sessionBody(), token);
    const url = `${api.url}/sessions/${session.id}`;

    let files: { url: string; type: string; gzipBytes: number }[] = [];
    const tti: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' });
      const page = await ctx.newPage();
      const seen: Promise<{ url: string; type: string; gzipBytes: number } | undefined>[] = [];
      page.on('response', (res) => {
        const type = res.request().resourceType();
        if (type !== 'script' && type !== 'stylesheet') return;
        seen.push(
          res
            .body()
            .then((body) => ({ url: new URL(res.url()).pathname, type, gzipBytes: gzipSync(body).length }))
            .catch(() => undefined),
        );
      });
      await page.goto(url);
      await page.getByRole('button', { name: '提交报名' }).waitFor({ state: 'visible' });
      await page.getByLabel('单位名称').or(page.getByRole('radio').first()).first().waitFor({ state: 'attached' });
      tti.push(await page.evaluate(() => performance.now()));
      files = (await Promise.all(seen)).filter((f) => f !== undefined);
      await ctx.close();
    }
    const total = files.reduce((s, f) => s + f.gzipBytes, 0);
    const js = files.filter((f) => f.type === 'script').reduce((s, f) => s + f.gzipBytes, 0);
    return {
      page: '/sessions/:id (registration form)',
      firstLoadGzipKB: round(total / 1024, 1),
      jsGzipKB: round(js / 1024, 1),
      cssGzipKB: round((total - js) / 1024, 1),
      targetKB: 250,
      files: files.length,
      timeToInteractiveMs: { median: round(median(tti), 0), min: round(Math.min(...tti), 0), runs: RUNS },
      largest: [...files]
        .sort((a, b) => b.gzipBytes - a.gzipBytes)
        .slice(0, Number(process.env.BENCH_WEB_LIST ?? 5))
        .map((f) => `${f.url.replace(/^.*\//, '')} ${round(f.gzipBytes / 1024, 1)} KB`),
    };
  } finally {
    await browser.close();
    await api.stop();
    await db.drop();
  }
}
