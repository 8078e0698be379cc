import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { freePort } from '@app/testing/api-process';
import { repoRoot } from '@app/testing/repo-root';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { SmtpSink, startSmtpSink } from '../notifications/support';

const ROOT = repoRoot();
export const ARTIFACTS = join(ROOT, 'test-artifacts/web');

/** Debian's chromium, headless, with nothing that phones home or needs a GPU. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 390, height: 844 };

/** Builds dist/web when apps/web changed since the last build (a no-op otherwise). */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [join(ROOT, 'apps/web/build-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export interface WebStack {
  api: TestApp;
  url: string;
  smtp: SmtpSink;
  browser: Browser;
  /** a fresh phone-sized, zh-CN browser context */
  phone(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** The real API on a fresh MariaDB database, listening, serving dist/web, mailing to an SMTP sink. */
export async function startWebStack(): Promise<WebStack> {
  ensureWebBuilt();
  const smtp = await startSmtpSink();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = await startTestApp('mysql', { SMTP_URL: smtp.url, PUBLIC_BASE_URL: url });
  await api.app.listen(port, '127.0.0.1');
  const browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  const contexts: BrowserContext[] = [];
  return {
    api,
    url,
    smtp,
    browser,
    phone: async () => {
      const ctx = await browser.newContext({
        viewport: PHONE,
        deviceScaleFactor: 1,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        baseURL: url,
      });
      ctx.setDefaultTimeout(10_000);
      contexts.push(ctx);
      return ctx;
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await api.close();
      await smtp.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core violations of impact serious or critical (what the issue forbids). */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Decodes the QR code shown by an element, from a screenshot of it. */
export async function decodeQr(element: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await element.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}
