import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * Headless Chromium for UI tests (the GraphQL playground, the Neo4j Browser guide).
 *
 * playwright-core drives the machine's Chromium (Debian's `chromium` package, which `.ci/run`
 * installs; `CHROMIUM_PATH` points elsewhere). It never downloads a browser of its own.
 * On a developer machine without Chromium the UI tests are skipped with a message; under CI
 * (`CI=true`) a missing browser fails them instead, so CI never passes without running them.
 */
const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((p): p is string => !!p);

export function chromiumPath(): string | undefined {
  return CANDIDATES.find((p) => existsSync(p));
}

/** `describe` when a browser can run, `describe.skip` (with a note) otherwise; never skips under CI. */
export function describeWithBrowser(name: string, body: () => void): void {
  if (chromiumPath() || process.env.CI === 'true') {
    describe(name, body);
  } else {
    console.warn(`${name}: skipped, no Chromium found (install Debian's chromium or set CHROMIUM_PATH)`);
    describe.skip(name, body);
  }
}

export interface TestBrowser {
  browser: Browser;
  /** Playwright gives each launch a fresh temporary profile and removes it on close. */
  /** A fresh context; requests to any host but loopback are recorded in `external` and aborted. */
  newContext(): Promise<{ context: BrowserContext; external: string[] }>;
  close(): Promise<void>;
}

const LOOPBACK = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error('No Chromium found: install Debian\'s "chromium" package or set CHROMIUM_PATH');
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async newContext() {
      const context = await browser.newContext();
      const external: string[] = [];
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (LOOPBACK.test(url) || url.startsWith('data:') || url.startsWith('blob:')) {
          await route.continue();
        } else {
          external.push(url);
          await route.abort();
        }
      });
      return { context, external };
    },
    async close() {
      await browser.close();
    },
  };
}
