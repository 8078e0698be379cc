import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { repoRoot } from '@app/testing/repo-root';
import { startTestApp, TestApp } from '@app/testing/test-app';

const ROOT = repoRoot();
export const ARTIFACTS = join(ROOT, 'test-artifacts/web/console');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** The real API on a fresh MariaDB database serving dist/web, and Debian's chromium. */
export interface ConsoleStack {
  api: TestApp;
  url: string;
  browser: Browser;
  context(viewport: { width: number; height: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startConsoleStack(env: Record<string, string> = {}): Promise<ConsoleStack> {
  execFileSync(process.execPath, [join(ROOT, 'apps/web/build-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const api = await startTestApp('mysql', env);
  // port 0: the system picks a free port at listen time, so parallel suites cannot collide
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const contexts: BrowserContext[] = [];
  return {
    api,
    url,
    browser,
    context: async (viewport) => {
      const ctx = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        baseURL: url,
        acceptDownloads: true,
        ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
      });
      contexts.push(ctx);
      return ctx;
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await api.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core violations of impact serious or critical. */
export async function seriousViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Signs in through the login page and waits for the console. */
export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/console/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/\/console\/(activities|desk)/);
}

export async function stored(page: Page): Promise<{ accessToken: string; refreshToken: string } | null> {
  const raw = (await page.evaluate("localStorage.getItem('qz.console.signIn')")) as string | null;
  return raw ? JSON.parse(raw) : null;
}

/** Waits until `locator` has `text` somewhere in it. */
export const hasText = (locator: Locator, text: string) => locator.filter({ hasText: text }).first().waitFor();

/** Polls `read` until it returns `want` (or fails after `ms`). */
export async function until<T>(read: () => Promise<T>, want: T, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  let last: T = await read();
  while (last !== want) {
    if (Date.now() > end) throw new Error(`expected ${String(want)}, still ${String(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
}
