// The browsers of the end-to-end suites with the e2e build of the extension loaded (see PLATFORM-NOTES
// and wxt.config.ts): headless Chromium through playwright-core, headless Firefox ESR through our BiDi
// driver (test/support/firefox). E2E_BROWSER names the one a run uses (vitest.config.ts: one project
// each). Under CI a missing browser is an error; locally its suites are skipped with a loud warning.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page as PlaywrightPage } from 'playwright-core';
import type { BrowserName, Context, Page, SessionPage } from './driver';
import { FIREFOX, FIREFOX_EXTENSION_UUID, FirefoxBrowser } from './firefox/launch';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** The browser this run's suites drive (E2E_BROWSER=chromium|firefox; Chromium by default). */
export const E2E_BROWSER: BrowserName = browserName(process.env.E2E_BROWSER);

const BUILDS = { chromium: resolve('dist/extension-e2e/chrome-mv3'), firefox: resolve('dist/extension-e2e/firefox-mv3') };
/** The e2e build of the extension for this run's browser. */
export const E2E_EXTENSION_DIR = BUILDS[E2E_BROWSER];

/** E2E_CPU_THROTTLE=4: every page runs four times slower, as on a busy machine (races show up at once). */
const CPU_THROTTLE = cpuThrottle(process.env.E2E_CPU_THROTTLE);

const INSTALL = { chromium: 'apt-get install -y chromium', firefox: 'apt-get install -y firefox-esr' };
const PATHS = { chromium: CHROMIUM, firefox: FIREFOX };

function available(name: BrowserName): boolean {
  if (existsSync(PATHS[name])) return true;
  if (process.env.CI === 'true') throw new Error(`${name} not found at ${PATHS[name]}: browser tests cannot run (${INSTALL[name]}).`);
  console.warn(`\n⚠⚠⚠ ${name} not found at ${PATHS[name]}: the browser end-to-end suites are SKIPPED. Install it: ${INSTALL[name]}\n`);
  return false;
}

/** Chromium for the suites that only run there (anchoring's, the Chrome policy half of enterprise's). */
export const chromiumAvailable = available('chromium');
/** The browser of this run (E2E_BROWSER), for the suites that run in both. */
export const browserAvailable = E2E_BROWSER === 'chromium' ? chromiumAvailable : available('firefox');

export interface ExtensionBrowser {
  readonly name: BrowserName;
  context: Context;
  /** The host of the extension's pages (chrome-extension://<id>/, moz-extension://<uuid>/). */
  extensionId: string;
  /** Opens an extension page (options.html, panel.html...) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Runs `fn(api, arg)` where the extension's own code runs (Chromium: its service worker; Firefox: an
   * extension page of its own), `api` being its WebExtension API (`browser`, or `chrome` in Chromium).
   */
  extensionEval<R, A = undefined>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Runs `during` (clicks that ask for permissions) while answering the browser's extension permission
   * prompts (permissions.request) with "Allow", as the user; answers how many it answered. Firefox shows
   * its doorhanger where the extension lacks the permission; the Chrome e2e build holds the permissions
   * already (wxt.config.ts), so Chromium shows none.
   */
  allowingPermissionPrompts<T>(during: () => Promise<T>): Promise<{ result: T; allowed: number }>;
  close(): Promise<void>;
}

export type ExtensionApi = import('wxt/browser').WxtBrowser;

/** Chromium's, with Playwright's whole context (for what only Chromium does: the benchmarks' init scripts). */
export interface ChromiumExtensionBrowser extends ExtensionBrowser {
  readonly name: 'chromium';
  context: BrowserContext;
}

type LaunchOptions = { colorScheme?: 'light' | 'dark'; browser?: BrowserName };

/** One browser profile with the extension loaded (E2E_BROWSER's, unless named): two of them are two users. */
export function launchWithExtension(options: LaunchOptions & { browser: 'chromium' }): Promise<ChromiumExtensionBrowser>;
export function launchWithExtension(options?: LaunchOptions): Promise<ExtensionBrowser>;
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return (options.browser ?? E2E_BROWSER) === 'firefox' ? launchFirefox(options) : launchChromium(options);
}

async function launchFirefox(options: { colorScheme?: 'light' | 'dark' }): Promise<ExtensionBrowser> {
  if (CPU_THROTTLE) throw new Error('E2E_CPU_THROTTLE: Firefox has no CPU throttling over BiDi (it is a Chromium DevTools feature)');
  const firefox = await FirefoxBrowser.launch({ extensionDir: BUILDS.firefox, colorScheme: options.colorScheme });
  const base = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  // Firefox's background is an event page BiDi does not list: evaluate in an extension tab of our own.
  let evalPage: Promise<string> | undefined;
  return {
    name: 'firefox',
    context: firefox,
    extensionId: FIREFOX_EXTENSION_UUID,
    openExtensionPage: (path) => firefox.openPage(base + path),
    async extensionEval(fn, arg) {
      // In the background, as Chromium's worker is: the test's page stays in front. A blank page of the
      // e2e build (wxt.config.ts), so nothing of the product runs there meanwhile.
      evalPage ??= firefox.openTab(`${base}extension-eval.html`, { background: true });
      return firefox.bidi.call(await evalPage, 'page', `(arg) => (${String(fn)})(globalThis.browser, arg)`, [arg]);
    },
    allowingPermissionPrompts: (during) => firefox.allowingPermissionPrompts(during),
    close: () => firefox.close(),
  };
}

async function launchChromium(options: { colorScheme?: 'light' | 'dark' }): Promise<ChromiumExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'alongside-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${BUILDS.chromium}`,
      `--load-extension=${BUILDS.chromium}`,
      ...BROWSER_ARGS,
    ],
  });
  if (CPU_THROTTLE) throttleCpu(context, CPU_THROTTLE);
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  return {
    name: 'chromium',
    context,
    extensionId,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async extensionEval(fn, arg) {
      // Playwright sends a function's source and calls it with `arg`: this one's source calls `fn` with the
      // worker's `chrome` (a string would be evaluated as an expression, never called).
      const source = `(arg) => (${String(fn)})(globalThis.chrome, arg)`;
      const call: (a: unknown) => unknown = Object.assign(() => undefined, { toString: () => source });
      return (await worker()).evaluate(call, arg as unknown) as Promise<never>;
    },
    allowingPermissionPrompts: async (during) => ({ result: await during(), allowed: 0 }),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The Playwright page behind a page of a Chromium run, for what only Playwright offers (request routing,
 * init scripts, the frame tree): such a test runs only in Chromium and says so in its name.
 */
export function playwrightPage(page: Page): PlaywrightPage {
  if (E2E_BROWSER !== 'chromium') throw new Error('playwrightPage: a Chromium-only test ran in another browser');
  return page as unknown as PlaywrightPage;
}

/** Chromium here: no sandbox as root, and nothing that would reach out of this closed network. */
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Sessions of their own (cookies, storage) in one browser of this run's, to open pages in. */
export interface SessionBrowser {
  newSession(options?: { colorScheme?: 'light' | 'dark' }): Promise<{ newPage(): Promise<SessionPage>; close(): Promise<void> }>;
  close(): Promise<void>;
}

/**
 * A browser without the extension (the web console), this run's (E2E_BROWSER), whose sessions are
 * Playwright's browser contexts in Chromium (the CPU throttle knob included) and BiDi user contexts in
 * Firefox: one browser for a suite, a session a person.
 */
export async function launchBrowser(): Promise<SessionBrowser> {
  if (E2E_BROWSER === 'firefox') {
    if (CPU_THROTTLE) throw new Error('E2E_CPU_THROTTLE: Firefox has no CPU throttling over BiDi (it is a Chromium DevTools feature)');
    const firefox = await FirefoxBrowser.launch();
    return { newSession: (options = {}) => firefox.newSession(options.colorScheme), close: () => firefox.close() };
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  return {
    async newSession(options = {}) {
      const context = await newChromiumContext(browser, options);
      return { newPage: () => context.newPage(), close: () => context.close() };
    },
    close: () => browser.close(),
  };
}

async function newChromiumContext(browser: Browser, options: { colorScheme?: 'light' | 'dark' }): Promise<BrowserContext> {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: 1280, height: 800 } });
  if (CPU_THROTTLE) throttleCpu(context, CPU_THROTTLE);
  return context;
}

/** Chromium without the extension, with Playwright's whole context (the benchmarks' init scripts). */
export async function launchPlainChromium(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  return { context: await newChromiumContext(browser, options), close: () => browser.close() };
}

/** Where a suite's screenshots go, a folder per browser (made now): to be looked at, they assert nothing. */
export function screensDir(section: string): string {
  const dir = join(tmpdir(), 'alongside-screens', E2E_BROWSER, section);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function browserName(value: string | undefined): BrowserName {
  if (value === undefined || value === 'chromium' || value === 'firefox') return value ?? 'chromium';
  throw new Error(`E2E_BROWSER=${value}: chromium or firefox`);
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
  const slow = (target: PlaywrightPage | Frame) =>
    context
      .newCDPSession(target)
      .then((cdp) => cdp.send('Emulation.setCPUThrottlingRate', { rate }))
      .catch(() => undefined);
  const follow = (page: PlaywrightPage) => {
    void slow(page);
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() && frame.url().startsWith('chrome-extension://')) void slow(frame);
    });
  };
  for (const page of context.pages()) follow(page);
  context.on('page', follow);
}

/**
 * Stops the extension's background as the browser does when it is idle; its next event starts it again,
 * with nothing but what it stored. Chromium: the MV3 service worker (after 30 s idle), over CDP. Firefox:
 * the event page, unloaded through the chrome scope as its idle timer and about:debugging's "Terminate
 * background script" do (runtime.reload would reinstall the whole extension: another thing).
 */
export async function stopBackground(browser: ExtensionBrowser): Promise<void> {
  if (browser.name === 'firefox') return (browser.context as FirefoxBrowser).terminateBackground();
  const context = browser.context as unknown as BrowserContext;
  const page = (await browser.openExtensionPage('options.html')) as unknown as PlaywrightPage;
  const cdp = await context.newCDPSession(page);
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
