// Headless Chromium with the e2e build of the extension loaded (see PLATFORM-NOTES and wxt.config.ts).
// Under CI a missing Chromium is an error; locally the browser suites are skipped with a loud warning.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const E2E_EXTENSION_DIR = resolve('dist/extension-e2e/chrome-mv3');

/** E2E_CPU_THROTTLE=4: every page runs four times slower, as on a busy machine (races show up at once). */
const CPU_THROTTLE = cpuThrottle(process.env.E2E_CPU_THROTTLE);

export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable) {
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM}: browser tests cannot run (apt-get install -y chromium).`);
  console.warn(`\n⚠⚠⚠ Chromium not found at ${CHROMIUM}: the browser end-to-end suites are SKIPPED. Install it: apt-get install -y chromium\n`);
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  /** Opens an extension page (options.html, panel.html...) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** One browser profile with the extension loaded: two of them are two users. */
export async function launchWithExtension(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'alongside-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${E2E_EXTENSION_DIR}`,
      `--load-extension=${E2E_EXTENSION_DIR}`,
      ...BROWSER_ARGS,
    ],
  });
  if (CPU_THROTTLE) throttleCpu(context, CPU_THROTTLE);
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium here: no sandbox as root, and nothing that would reach out of this closed network. */
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A browser without the extension (the web console): the same Chromium, flags and CPU throttle knob. */
export async function launchBrowser(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: 1280, height: 800 } });
  if (CPU_THROTTLE) throttleCpu(context, CPU_THROTTLE);
  return { context, close: () => browser.close() };
}

function cpuThrottle(value: string | undefined): number | null {
  if (!value) return null;
  const rate = Number(value);
  if (!(rate >= 1)) throw new Error(`E2E_CPU_THROTTLE=${value}: a slowdown factor of 1 or more (4 = four times slower)`);
  return rate;
}

/**
 * Slows every page of the context by `rate` (CDP Emulation.setCPUThrottlingRate): those open now, those
 * opened later (extension pages too), and the extension frames in them (the panel) where CDP reaches them
 * as frames of their own. Best effort: a page closed before its session opens is no failure.
 */
function throttleCpu(context: BrowserContext, rate: number): void {
  const slow = (target: Page | Frame) =>
    context
      .newCDPSession(target)
      .then((cdp) => cdp.send('Emulation.setCPUThrottlingRate', { rate }))
      .catch(() => undefined);
  const follow = (page: Page) => {
    void slow(page);
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() && frame.url().startsWith('chrome-extension://')) void slow(frame);
    });
  };
  for (const page of context.pages()) follow(page);
  context.on('page', follow);
}

/** Stops the extension's service worker (as Chrome does after 30 s idle), via CDP from an extension page. */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.openExtensionPage('options.html');
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const versions = new Promise<Array<{ registrationId: string; versionId: string; scriptURL: string; runningStatus: string }>>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      const ours = e.versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`));
      if (ours.length) resolve(ours);
    });
  });
  const ours = await versions;
  for (const v of ours) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
  await cdp.detach();
  await page.close();
}
