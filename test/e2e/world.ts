// The world the browser suites run in: the real API over HTTP, the demo internal app, an organisation
// (admin, two colleagues in one team, an expert) and the demo app registered as a site; `suiteWorld`
// gives a suite that world and its people's browsers. Then what the suites do with a page and the panel.
import { afterAll, beforeAll, expect } from 'vitest';
import { startDemoApp, type DemoApp } from '../../demo/app-server';
import type { Account } from '../support/api-harness';
import { startApiServer, type ApiServer } from '../support/api-server';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import type { Frame, FrameLocator, Page } from '../support/driver';
import { DEMO_SITE_RULES } from '../../demo/site-rules';
import { must } from '../support/org-fixture';

export const PASSWORD = 'correct horse battery';

export interface World {
  server: ApiServer;
  demo: DemoApp;
  admin: Account;
  ada: Account;
  ben: Account;
  teamId: string;
  siteId: string;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const [server, demo] = await Promise.all([startApiServer(), startDemoApp({ port: 0 })]);
  const api = server.api;
  const admin = await api.signUp('Admin');
  const ada = await api.signUp('Ada Lovelace');
  const ben = await api.signUp('Ben Okafor');
  const team = await must(api.request('POST', '/teams', { token: admin.token, json: { name: 'Support' } }));
  for (const who of [ada, ben]) await must(api.request('POST', `/teams/${team.id}/members`, { token: admin.token, json: { userId: who.user.id } }));
  const site = await must(
    api.request('POST', '/sites', {
      token: admin.token,
      json: {
        origin: demo.origin,
        name: 'Northwind CRM',
        rules: DEMO_SITE_RULES,
      },
    }),
  );
  return {
    server,
    demo,
    admin,
    ada,
    ben,
    teamId: team.id,
    siteId: site.id,
    async close() {
      await Promise.all([server.close(), demo.close()]);
    },
  };
}

/**
 * Options page: connect to the server, sign in, grant the demo site: the user's first minute. The
 * browser's permission prompts are answered as the user would (Firefox's doorhanger, where Firefox shows
 * one; the Chrome e2e build holds the permission and shows none).
 */
export async function connectAndGrant(browser: ExtensionBrowser, world: World, who: Account): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  await options.getByLabel('Server URL').fill(world.server.origin);
  const connecting = await browser.allowingPermissionPrompts(async () => {
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText(/Connected \(API/).waitFor();
  });
  // A fresh Firefox profile asks for the server's host, and the user allowed it.
  expect(connecting.allowed).toBe(browser.name === 'firefox' ? 1 : 0);
  await options.getByLabel('Email').fill(who.user.email);
  await options.getByLabel('Password').fill(PASSWORD);
  await options.getByRole('button', { name: 'Sign in' }).click();
  await grantOn(browser, options, 'Northwind CRM');
  await options.close();
}

/** The options page grants a site (by its name), as the person does, the browser's prompt answered. */
async function grantOn(browser: ExtensionBrowser, options: Page, site: string): Promise<void> {
  await browser.allowingPermissionPrompts(async () => {
    await options.getByRole('button', { name: `Grant ${site}` }).click();
    await options.getByRole('button', { name: `Turn off ${site}` }).waitFor();
  });
}

/** A signed-in person grants another site in the options page (an app a suite serves itself). */
export async function grantSite(browser: ExtensionBrowser, site: string): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  await grantOn(browser, options, site);
  await options.close();
}

type Person = 'ada' | 'ben';

/** What a suite's tests reach once its world started: getters, since it starts in beforeAll. */
export interface SuiteWorld {
  world(): World;
  /** Ada's browser (signed in as world.ada, the demo site granted, unless the suite said otherwise). */
  ada(): ExtensionBrowser;
  /** Ben's browser, for suites of two colleagues. */
  ben(): ExtensionBrowser;
}

/**
 * The world of a browser suite: before its tests, starts the world, runs `setUp` (what the browsers
 * should find from the start, the suite's own values), launches a browser for each of `people` and
 * connects each as that person with the demo site granted (`signIn: false` leaves that to the tests);
 * after them, closes it all.
 */
export function suiteWorld(
  options: { people?: Person[]; signIn?: boolean; setUp?: (world: World) => unknown } = {},
): SuiteWorld {
  const { people = ['ada'], signIn = true, setUp } = options;
  let world: World | undefined;
  const browsers = new Map<Person, ExtensionBrowser>();
  beforeAll(async () => {
    world = await startWorld();
    await setUp?.(world);
    const launched = await Promise.all(people.map(() => launchWithExtension()));
    people.forEach((who, i) => browsers.set(who, launched[i]!));
    if (signIn) for (const who of people) await connectAndGrant(browsers.get(who)!, world, world[who]);
  });
  afterAll(async () => {
    await Promise.all([...browsers.values()].map((b) => b.close()));
    await world?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} has not started (the suite's beforeAll failed?)`);
    return value;
  };
  return {
    world: () => started(world, 'The world'),
    ada: () => started(browsers.get('ada'), 'Ada’s browser'),
    ben: () => started(browsers.get('ben'), 'Ben’s browser'),
  };
}

export const launcher = (page: Page) => page.locator('[data-testid="alongside-launcher"]');
export const panel = (page: Page): FrameLocator => page.frameLocator('[data-testid="alongside-panel"]');

/** The panel's frame itself (for evaluating in it, e.g. axe-core); it must be open. */
export function panelFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().endsWith('/panel.html'));
  if (!frame) throw new Error('no panel frame');
  return frame;
}

/** Opens the panel with the launcher and waits for its content (or a designed state). */
export async function openPanel(page: Page): Promise<FrameLocator> {
  await launcher(page).click();
  const frame = panel(page);
  await frame.locator('main:not([aria-busy="true"])').waitFor();
  return frame;
}

/** The launcher's accessible label once it shows counts for the current page. */
export async function launcherLabel(page: Page, matcher: RegExp): Promise<void> {
  await expect.poll(async () => (await launcher(page).getAttribute('aria-label')) ?? '', { timeout: 10_000 }).toMatch(matcher);
}

export async function note(world: World, who: Account, pattern: string, body: string, extra: object = {}) {
  return must(world.server.api.request('POST', '/notes', { token: who.token, json: { pattern, body, ...extra } }));
}

/** The match patterns the content script is registered for right now. */
export async function registeredMatches(browser: ExtensionBrowser): Promise<string[]> {
  return browser.extensionEval(async (api) => (await api.scripting.getRegisteredContentScripts({ ids: ['alongside-overlay'] })).flatMap((s) => s.matches ?? []));
}

/** The toolbar badge of the tab showing `url`. */
export async function badgeText(browser: ExtensionBrowser, url: string): Promise<string> {
  return browser.extensionEval(async (api, u) => {
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    return tab?.id === undefined ? '(no tab)' : api.action.getBadgeText({ tabId: tab.id });
  }, url);
}


/** Escape in the panel closes it (through the background); waits until the frame is gone. */
export async function closePanelWithEscape(page: Page): Promise<void> {
  await panel(page).locator('h1').press('Escape');
  await page.locator('[data-testid="alongside-panel"]').waitFor({ state: 'detached' });
}
