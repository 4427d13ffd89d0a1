// What the web console costs to open: its first script (everything dist/console/index.html loads before
// any page chunk: scripts, module preloads, stylesheets), gzipped, against its 60 KB budget, and the
// largest page chunk; then the time until the signed-in home page is usable (its heading shown and the
// navigation drawn) against the time until the API docs page (/api/v1/docs, Swagger UI) shows its
// operations, in the same Chromium, alternately, warm caches, median of N loads each; and the first run,
// scripted (test/support/first-run.ts) on a fresh server each time: what the person does, and how long.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { startApiServer } from '../../test/support/api-server';
import { launchPlainChromium } from '../../test/support/browser';
import { PASSWORD } from '../../test/support/console';
import { scriptedFirstRun } from '../../test/support/first-run';
import type { BenchResult } from '../report';

const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const DIST = 'dist/console';
const BUDGET_KB = 60;

const gzipKb = (files: string[]) => gzipSync(Buffer.concat(files.map((f) => readFileSync(join(DIST, f)))), { level: 9 }).length / 1024;

/** The entry's files, read from the built index.html (as the browser finds them), and the chunks loaded later. */
function firstScript() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = [
    ...html.matchAll(/<script[^>]*\ssrc="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*\srel="(?:modulepreload|stylesheet)"[^>]*\shref="\/([^"]+)"/g),
  ].map((m) => m[1]!);
  const later = readdirSync(join(DIST, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => /\.(js|css)$/.test(f) && !entry.includes(f));
  const chunks = later.filter((f) => f.endsWith('.js')).map((f) => ({ file: f, kb: gzipKb([f]) }));
  const largest = chunks.sort((a, b) => b.kb - a.kb)[0]!;
  return { entry, kb: gzipKb(entry), rawKb: Buffer.concat(entry.map((f) => readFileSync(join(DIST, f)))).length / 1024, largest, chunkCount: chunks.length };
}

// Runs in every page from its first byte: records when the page is usable by the definition above. A
// string, not a function: tsx (esbuild's keepNames) would wrap a function's inner names in a helper the page lacks.
const watchUntilUsable = `(() => {
  const usable = () => location.pathname === '/'
    ? document.querySelector('h1')?.textContent === 'Home' && document.querySelector('#nav a[href="/browse"]') !== null
    : document.querySelector('.swagger-ui .opblock') !== null;
  new MutationObserver((_, observer) => {
    if (window.__usableAt === undefined && usable()) {
      window.__usableAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})()`;

async function timeToUsable(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __usableAt?: number }).__usableAt !== undefined, null, { timeout: 30_000 });
    return await page.evaluate(() => (window as unknown as { __usableAt: number }).__usableAt);
  } finally {
    await page.close();
  }
}

/** assets/index-DwRCihel.js → index.js: the note stays the same from build to build. */
const unhashed = (file: string) => file.replace(/^assets\//, '').replace(/-[\w-]{8}(?=\.\w+$)/, '');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const FIRST_RUNS = Number(process.env.BENCH_FIRST_RUNS ?? 3);

/** The first run from a fresh server's first page to Home, scripted: the person's actions, seconds taken. */
async function firstRun(): Promise<BenchResult> {
  const seconds: number[] = [];
  let did = { clicks: 0, typed: 0 };
  for (let i = 0; i < FIRST_RUNS; i++) {
    const server = await startApiServer();
    const browser = await launchPlainChromium();
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/`);
      const started = performance.now();
      did = await scriptedFirstRun(page);
      seconds.push((performance.now() - started) / 1000);
    } finally {
      await browser.close();
      await server.close();
    }
  }
  return {
    name: 'console: first run, scripted',
    value: median(seconds),
    unit: 's',
    note: `median of ${FIRST_RUNS} runs on a fresh server: admin account, first app from a pasted address, company sign-up, the extension step, finish; ${did.clicks} clicks and ${did.typed} fields typed (a person adds reading time; budget three minutes)`,
  };
}

export async function run(): Promise<BenchResult[]> {
  execFileSync('npm', ['run', 'build:console'], { stdio: 'pipe' });
  const first = firstScript();
  const server = await startApiServer();
  const browser = await launchPlainChromium();
  try {
    const { email } = (await server.api.signUp('Ada Admin')).user; // the first account: the admin
    const signIn = await browser.context.newPage();
    await signIn.goto(`${server.origin}/`);
    await signIn.getByLabel('Email').fill(email);
    await signIn.getByLabel('Password').fill(PASSWORD);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await signIn.getByRole('button', { name: 'Sign out' }).waitFor();
    await signIn.close();
    await browser.context.addInitScript({ content: watchUntilUsable });

    const home = `${server.origin}/`;
    const docs = `${server.origin}/api/v1/docs`;
    await timeToUsable(browser.context, home); // warm the caches (browser and server) of both
    await timeToUsable(browser.context, docs);
    const console_: number[] = [];
    const swagger: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      swagger.push(await timeToUsable(browser.context, docs));
      console_.push(await timeToUsable(browser.context, home));
    }
    const homeMs = median(console_);
    const docsMs = median(swagger);
    return [
      {
        name: 'console: first script, gzipped',
        value: first.kb,
        unit: 'KB',
        note: `${first.entry.map(unhashed).join(' + ')}: ${first.rawKb.toFixed(1)} KB raw; budget ${BUDGET_KB} KB gzipped (${first.kb <= BUDGET_KB ? 'within' : 'OVER'})`,
      },
      {
        name: 'console: largest page chunk, gzipped',
        value: first.largest.kb,
        unit: 'KB',
        note: `${unhashed(first.largest.file)}, loaded when its page opens; ${first.chunkCount} chunks loaded later in all`,
      },
      { name: 'console: API docs page (/api/v1/docs) usable', value: docsMs, unit: 'ms', note: `median of ${LOADS} loads until Swagger UI shows the operations, warm cache` },
      {
        name: 'console: home page usable, signed in',
        value: homeMs,
        unit: 'ms',
        baseline: 'console: API docs page (/api/v1/docs) usable',
        ratio: docsMs / homeMs,
        note: `median of ${LOADS} loads until the Home heading and the navigation are drawn (session checked, page chunk loaded), warm cache, alternating with the docs page`,
      },
      await firstRun(),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
