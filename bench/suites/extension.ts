// What the extension costs a host page: the bytes injected into every page of a granted site, and the
// page's load time and long tasks with the extension (signed in, site granted, launcher drawn) against
// the same page in the same Chromium without it, measured alternately in one run. Then a minute on an
// app that renders as frameworks do (test/e2e/fixtures/strict-app.js: a new tree per navigation, a re-render
// each second, under a strict CSP), with a tip on it: long tasks and JavaScript heap growth, with and
// without the extension.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, launchWithExtension, type ExtensionBrowser } from '../../test/support/browser';
import { serveFolders } from '../../test/support/static-server';
import { must } from '../../test/support/org-fixture';
import { marker } from '../../test/e2e/pinning';
import { connectAndGrant, grantSite, launcher, note, startWorld, type World } from '../../test/e2e/world';
import type { BenchResult } from '../report';

const LOADS = Number(process.env.BENCH_LOADS ?? 15);
/** Seconds each browser spends on the re-rendering app. */
const SOAK_S = Number(process.env.BENCH_SOAK_S ?? 60);

/** What every page of a granted site receives from the release build: the content script and the frame probe. */
function injectedBytes(): { raw: number; gzip: number } {
  execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { stdio: 'pipe' });
  const dir = 'dist/extension/chrome-mv3/content-scripts';
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css')).map((f) => join(dir, f));
  const content = Buffer.concat([...files, 'dist/extension/chrome-mv3/frame-probe.js'].map((f) => readFileSync(f)));
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

// Collects long tasks from the very start of the page, in every frame the page script can see.
const observeLongTasks = () => {
  const w = window as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

async function loadOnce(context: BrowserContext, url: string, waitForLauncher: boolean) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (waitForLauncher) await launcher(page).waitFor();
    await page.waitForTimeout(500); // let late work (and its long tasks) happen
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
      return { load: nav.loadEventEnd, longTasks: tasks.length, longTaskMs: tasks.reduce((a, b) => a + b, 0) };
    });
  } finally {
    await page.close();
  }
}

interface Soak {
  longTasks: number;
  longTaskMs: number;
  /** JavaScript heap in use after a garbage collection, at the start and the end (the page's isolate: its content scripts too). */
  heapStart: number;
  heapEnd: number;
}

/**
 * A minute on the re-rendering app: the app re-renders each second and goes to Reports and back every
 * 5 s (a new tree each time). After 20 s of the same as warm-up (V8 compiles, caches fill: the heap grows
 * by itself then), long tasks are counted and the heap measured after a forced garbage collection at
 * both ends.
 */
async function soak(context: BrowserContext, url: string, withTip: boolean): Promise<Soak> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    if (withTip) await marker(page).waitFor();
    else await page.getByRole('button', { name: 'Export ledger' }).waitFor();
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const navigate = async (seconds: number) => {
      for (let elapsed = 0; elapsed < seconds; elapsed += 5) {
        await page.getByRole('link', { name: elapsed % 10 ? 'Accounts' : 'Reports' }).click();
        await page.waitForTimeout(5000);
      }
    };
    await navigate(20);
    const heapStart = await heap();
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
    await navigate(SOAK_S);
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    return { longTasks: tasks.length, longTaskMs: tasks.reduce((a, b) => a + b, 0), heapStart, heapEnd: await heap() };
  } finally {
    await page.close();
  }
}

/** The app served with its strict CSP, granted in Ada's browser, with one tip on its Export button. */
async function strictApp(world: World, browser: ExtensionBrowser) {
  const csp = "default-src 'self'; require-trusted-types-for 'script'; trusted-types ledger";
  const app = await serveFolders({ '/': resolve('test/e2e/fixtures') }, { pageHeaders: { 'content-security-policy': csp }, routes: { prefix: '/app/', page: '/strict-app.html' } });
  await must(world.server.api.request('POST', '/sites', { token: world.admin.token, json: { origin: app.origin, name: 'Ledger' } }));
  await grantSite(browser, 'Ledger');
  const url = `${app.origin}/app/accounts`;
  await note(world, world.ada, url, 'Export after the nightly close.', { anchor: { selector: [{ type: 'CssSelector', value: '[data-action="export"]' }] } });
  return { url, close: () => app.close() };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function run(): Promise<BenchResult[]> {
  const bytes = injectedBytes();
  execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { env: { ...process.env, ALONGSIDE_E2E: '1' }, stdio: 'pipe' });
  const world = await startWorld();
  const withExtension = await launchWithExtension({ browser: 'chromium' });
  const plain = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const without = await plain.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await connectAndGrant(withExtension, world, world.ada);
    await withExtension.context.addInitScript(observeLongTasks);
    await without.addInitScript(observeLongTasks);
    const url = `${world.demo.origin}/accounts/1001`;
    await loadOnce(without, url, false); // warm both browsers' caches and the API's
    await loadOnce(withExtension.context, url, true);
    const a: Array<Awaited<ReturnType<typeof loadOnce>>> = [];
    const b: Array<Awaited<ReturnType<typeof loadOnce>>> = [];
    for (let i = 0; i < LOADS; i++) {
      b.push(await loadOnce(without, url, false));
      a.push(await loadOnce(withExtension.context, url, true));
    }
    const loadWith = median(a.map((r) => r.load));
    const loadWithout = median(b.map((r) => r.load));
    const tasksWith = a.reduce((n, r) => n + r.longTasks, 0);
    const tasksWithout = b.reduce((n, r) => n + r.longTasks, 0);

    const ledger = await strictApp(world, withExtension);
    const soakWithout = await soak(without, ledger.url, false);
    const soakWith = await soak(withExtension.context, ledger.url, true);
    await ledger.close();
    const growth = (s: Soak) => s.heapEnd - s.heapStart;
    return [
      { name: 'extension: injected content script, gzipped', value: bytes.gzip / 1024, unit: 'KB', note: `${(bytes.raw / 1024).toFixed(1)} KB raw, with the frame probe; budget 15 KB gzipped` },
      { name: 'extension: host page load without the extension', value: loadWithout, unit: 'ms', note: `median of ${LOADS} loads of the demo app's account page` },
      {
        name: 'extension: host page load with the extension',
        value: loadWith,
        unit: 'ms',
        baseline: 'extension: host page load without the extension',
        ratio: loadWithout / loadWith,
        note: `median of ${LOADS}, signed in and granted, launcher drawn; target: at most 5% added (ratio >= 0.95)`,
      },
      {
        name: 'extension: long tasks during load, with / without the extension',
        value: tasksWith,
        unit: 'tasks',
        note: `${tasksWithout} without; ${a.reduce((n, r) => n + r.longTaskMs, 0).toFixed(0)} ms vs ${b.reduce((n, r) => n + r.longTaskMs, 0).toFixed(0)} ms in total over ${LOADS} loads each`,
      },
      {
        name: `extension: long tasks in ${SOAK_S} s on a re-rendering app with a tip, with / without the extension`,
        value: soakWith.longTasks,
        unit: 'tasks',
        note: `${soakWithout.longTasks} without (${soakWith.longTaskMs.toFixed(0)} ms vs ${soakWithout.longTaskMs.toFixed(0)} ms); after 20 s of warm-up; the app re-renders each second and remounts every 5 s; target: none added`,
      },
      {
        name: `extension: JS heap growth in ${SOAK_S} s on a re-rendering app with a tip, with the extension`,
        value: growth(soakWith) / 1024,
        unit: 'KB',
        note: `${kb(growth(soakWithout))} without; heap after GC ${kb(soakWith.heapStart)} → ${kb(soakWith.heapEnd)} with, ${kb(soakWithout.heapStart)} → ${kb(soakWithout.heapEnd)} without (the page's isolate, content scripts included); target: no growth beyond the app's own`,
      },
    ];
  } finally {
    await without.close();
    await plain.close();
    await withExtension.close();
    await world.close();
  }
}
