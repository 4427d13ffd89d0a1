/**
 * Headless Chromium for the anchoring tests: serves the fixture pages and admin-lte's static
 * dashboard on 127.0.0.1, answers every other request locally (there is no network), and injects
 * extension/anchoring (bundled by esbuild) into each page as the global `Anchoring`.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM } from '../support/browser';

export { chromiumAvailable } from '../support/browser';

const SERVED: Record<string, string> = {
  '/fixtures/': resolve('test/anchoring/fixtures'),
  '/admin-lte/': resolve('node_modules/admin-lte/dist'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
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
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(SERVED).find((p) => path.startsWith(p));
    const base = prefix && SERVED[prefix];
    const file = base && normalize(join(base, path.slice(prefix.length)));
    if (!base || !file || !file.startsWith(base)) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
      const type = TYPES[extname(new URL(route.request().url()).pathname)] ?? 'text/plain';
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
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
