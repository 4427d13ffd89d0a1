/**
 * Headless Chromium for the anchoring tests: serves the fixture pages and admin-lte's static
 * dashboard on 127.0.0.1, answers every other request locally (there is no network), and injects
 * extension/anchoring (bundled by esbuild) into each page as the global `Anchoring`.
 */
import { extname, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from '../support/browser';
import { CONTENT_TYPES, serveFolders } from '../support/static-server';

export { chromiumAvailable } from '../support/browser';

const SERVED: Record<string, string> = {
  '/fixtures/': resolve('test/anchoring/fixtures'),
  '/admin-lte/': resolve('node_modules/admin-lte/dist'),
};

/** The engine and the test mutations as one IIFE defining `window.Anchoring`. */
export async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [resolve('test/anchoring/page-entry.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Anchoring',
    target: 'chrome120',
    // Init scripts run in a function scope: publish the global explicitly.
    footer: { js: 'globalThis.Anchoring = Anchoring;' },
    write: false,
  });
  return out.outputFiles[0]!.text;
}

export interface TestBrowser {
  origin: string;
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<TestBrowser> {
  const server = await serveFolders(SERVED);
  const origin = server.origin;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // No network: CDN scripts, styles and fonts of the host pages get an empty answer of the right type.
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      const type = CONTENT_TYPES[extname(new URL(route.request().url()).pathname)] ?? 'text/plain';
      return route.fulfill({ status: 200, contentType: type, body: '' });
    },
  );
  await context.addInitScript({ content: await bundle() });
  return {
    origin,
    browser,
    context,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A suite's browser and its one page: launched before the suite's tests, then `ready` (to keep the page
 * and load a fixture, say), and closed after them.
 */
export function suitePage(ready: (page: Page, origin: string) => unknown): void {
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    browser = await launch();
    await ready(await browser.context.newPage(), browser.origin);
  });
  afterAll(async () => {
    await browser?.close();
  });
}
