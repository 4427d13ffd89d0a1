// Enterprise deployment, for real: IT sets the server by machine policy and the options page shows it,
// read-only, in both browsers (README "Enterprise deployment"). Chromium reads the extension's policy from
// /etc/chromium/policies/managed/*.json (`3rdparty.extensions.<id>`, checked against managed_schema.json);
// Firefox from policies.json (`3rdparty.Extensions.<gecko id>`), both into storage.managed, which
// server/settings.ts reads.
//
// A policy file is machine-wide, and other suites' browsers run meanwhile. So Chromium loads a copy of the
// build with a key of its own (a manifest `key` fixes the id): the policy names that id, which no other
// suite loads. Firefox runs from a private copy of its install folder (links to Debian's files) whose own
// distribution/policies.json no other Firefox reads. Both are removed afterwards.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumAvailable, E2E_EXTENSION_DIR } from '../support/browser';
import { startApiServer, type ApiServer } from '../support/api-server';

const FIREFOX_INSTALL = '/usr/lib/firefox-esr';
const GECKO_ID = 'alongside@alongside.dev';
const FIREFOX_BUILD = resolve('dist/extension/firefox-mv3');
/** Firefox's system-wide policies (Services.dirsvc SysConfD): when present they win over any other file. */
const FIREFOX_SYSTEM_POLICIES = '/etc/firefox/policies/policies.json';
const CHROMIUM_POLICIES = '/etc/chromium/policies/managed';

/** The browser project this run is for (the e2e projects set it); unset, the one e2e project runs both parts. */
const project = process.env.E2E_BROWSER;
const runsIn = (browser: 'chromium' | 'firefox') => project === undefined || project === browser;

let server: ApiServer;
const cleanup: Array<() => void> = [];
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => {
  for (const undo of cleanup.reverse()) undo();
  await server?.close();
});

const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `alongside-enterprise-${name}-`));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A copy of the Chrome build with a key of its own, and the extension id Chromium derives from it. */
function chromeBuildWithOwnId(): { dir: string; id: string } {
  const dir = tempDir('chrome');
  cpSync(E2E_EXTENSION_DIR, dir, { recursive: true });
  const der = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key: der.toString('base64') }));
  // Chrome's id: the first 128 bits of the key's SHA-256, each hex digit written as a letter a to p.
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return { dir, id: [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('') };
}

describe.skipIf(!chromiumAvailable || !runsIn('chromium'))('Chromium: the server set by machine policy', () => {
  it('shows it read-only in the options page, and connects to it', async () => {
    const { dir, id } = chromeBuildWithOwnId();
    // The folders this test makes go again with it; what was there stays.
    const made = ['/etc/chromium/policies', CHROMIUM_POLICIES].filter((d) => !existsSync(d));
    mkdirSync(CHROMIUM_POLICIES, { recursive: true });
    const policy = join(CHROMIUM_POLICIES, `alongside-enterprise-test-${process.pid}.json`);
    writeFileSync(policy, JSON.stringify({ '3rdparty': { extensions: { [id]: { serverUrl: server.origin } } } }));
    cleanup.push(() => {
      rmSync(policy, { force: true });
      for (const d of made.reverse()) rmSync(d, { recursive: true, force: true });
    });

    const context = await chromium.launchPersistentContext(tempDir('chrome-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      expect(new URL(worker.url()).host).toBe(id); // the policy's id is the one this copy runs as
      const options = await context.newPage();
      await options.goto(`chrome-extension://${id}/options.html`);
      const url = options.getByLabel('Server URL');
      await expect.poll(() => url.inputValue()).toBe(server.origin);
      expect(await url.getAttribute('readonly')).not.toBeNull();
      await options.getByText('Set by your organization.').waitFor();
      await options.getByRole('button', { name: 'Connect' }).click();
      await options.getByText(/Connected \(API/).waitFor();
    } finally {
      await context.close();
    }
  });
});

const firefoxAvailable = existsSync(join(FIREFOX_INSTALL, 'firefox-esr'));

/**
 * A private Firefox: its own folder of links to Debian's install, with a real copy of the launcher (Firefox
 * finds its folder, distribution/ with it, from the binary's path) and its own distribution/policies.json.
 */
function privateFirefox(policies: object): string {
  const dir = tempDir('firefox');
  for (const name of readdirSync(FIREFOX_INSTALL)) {
    if (!['firefox-esr', 'firefox-bin', 'distribution'].includes(name)) symlinkSync(join(FIREFOX_INSTALL, name), join(dir, name));
  }
  copyFileSync(join(FIREFOX_INSTALL, 'firefox-esr'), join(dir, 'firefox-esr'));
  symlinkSync('firefox-esr', join(dir, 'firefox-bin'));
  mkdirSync(join(dir, 'distribution'));
  writeFileSync(join(dir, 'distribution', 'policies.json'), JSON.stringify({ policies }));
  return join(dir, 'firefox-esr');
}

describe.skipIf(!firefoxAvailable || !runsIn('firefox'))('Firefox: the server set in policies.json', () => {
  it('shows it read-only in the options page', async () => {
    expect(existsSync(FIREFOX_SYSTEM_POLICIES), `${FIREFOX_SYSTEM_POLICIES} would override the test's policies`).toBe(false);
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { stdio: 'pipe' });
    const executablePath = privateFirefox({ '3rdparty': { Extensions: { [GECKO_ID]: { serverUrl: server.origin } } } });
    const uuid = crypto.randomUUID();
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
    });
    try {
      await browser.installExtension(FIREFOX_BUILD);
      // Raw WebDriver BiDi (puppeteer's connection, not in its public types): the chrome scope and extension tabs.
      const { connection } = browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } };
      const bidi = async <T>(method: string, params: object) => (await connection.send(method, params)).result as T;
      const evaluate = async (context: string, expression: string) => {
        const answer = await bidi<{ type: string; result?: { value?: unknown } }>('script.evaluate', { expression, target: { context }, awaitPromise: true });
        return answer.result?.value;
      };
      type Tree = { contexts: Array<{ context: string; url: string }> };
      // BiDi may not navigate to moz-extension:// pages: the browser's own window opens the tab.
      const [chrome] = (await bidi<Tree>('browsingContext.getTree', { 'moz:scope': 'chrome' })).contexts;
      const optionsUrl = `moz-extension://${uuid}/options.html`;
      await evaluate(chrome!.context, `openTrustedLinkIn(${JSON.stringify(optionsUrl)}, 'tab')`);
      const optionsTab = async () => (await bidi<Tree>('browsingContext.getTree', {})).contexts.find((c) => c.url === optionsUrl)?.context;
      await expect.poll(optionsTab).toBeDefined();
      const options = (await optionsTab())!;
      const field = `[...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Server URL')?.control`;
      await expect.poll(() => evaluate(options, `${field}?.value`)).toBe(server.origin);
      expect(await evaluate(options, `${field}.readOnly`)).toBe(true);
      expect(await evaluate(options, `document.body.innerText.includes('Set by your organization.')`)).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
