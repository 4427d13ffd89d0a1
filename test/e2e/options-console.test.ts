// The extension's options page on a server that lists no app yet, in Chromium with the extension loaded:
// it shows the server, the person and their role; an admin gets "Open the console" and is told to add the
// first app there, anyone else whom to ask and the console's address; "Check again" finds an app added
// meanwhile. axe-core, light and dark, 1280 and 390 px (screenshots in $TMPDIR/alongside-screens).
import { join } from 'node:path';
import type { Page } from '../support/driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../support/api-harness';
import { startApiServer, type ApiServer } from '../support/api-server';
import { browserAvailable, launchWithExtension, screensDir, type ExtensionBrowser } from '../support/browser';
import { must } from '../support/org-fixture';
import { seriousViolations } from './axe';
import { PASSWORD } from './world';

const SHOTS = screensDir('options');

describe.skipIf(!browserAvailable)('the options page and the console', () => {
  let server: ApiServer;
  let browser: ExtensionBrowser;
  let admin: Account;
  let member: Account;
  beforeAll(async () => {
    server = await startApiServer();
    admin = await server.api.signUp('Ada Admin');
    member = await server.api.signUp('Ben Member');
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = async (who: Account) => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByLabel('Server URL').fill(server.origin);
    await browser.allowingPermissionPrompts(async () => {
      await options.getByRole('button', { name: 'Connect' }).click();
      await options.getByText(/Connected \(API/).waitFor();
    });
    await options.getByLabel('Email').fill(who.user.email);
    await options.getByLabel('Password').fill(PASSWORD);
    await options.getByRole('button', { name: 'Sign in' }).click();
    await options.getByRole('heading', { name: 'Account' }).waitFor();
    return options;
  };
  const account = (options: Page) => options.getByRole('region', { name: 'Account' });
  const noSites = (options: Page) => options.getByTestId('no-sites');

  it('shows an admin the server, their role, the console, and to add the first app there', async () => {
    const options = await signIn(admin);
    expect(await options.getByTestId('server-url').textContent()).toBe(server.origin);
    expect(await account(options).textContent()).toContain('Ada Admin');
    expect(await options.getByTestId('role').textContent()).toMatch(/^Admin/);
    expect(await options.getByRole('link', { name: 'Open the console' }).getAttribute('href')).toBe(`${server.origin}/`);
    await noSites(options).waitFor();
    expect(await noSites(options).textContent()).toContain('Your server lists no apps yet');
    const add = options.getByRole('link', { name: 'Add your first app in the console' });
    expect(await add.getAttribute('href')).toBe(`${server.origin}/`);
    expect(await add.getAttribute('rel')).toContain('noopener');

    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      for (const width of [1280, 390]) {
        await options.setViewportSize({ width, height: 800 });
        expect(await seriousViolations(options)).toEqual([]);
        expect(await options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await options.screenshot({ path: join(SHOTS, `options-admin-no-apps-${colorScheme}-${width}.png`), fullPage: true });
      }
    }
    await options.emulateMedia({ colorScheme: 'light' });
    await options.setViewportSize({ width: 1280, height: 800 });

    // The link opens the console itself, in a tab of its own.
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), add.click()]);
    await tab.getByRole('heading', { name: 'Sign in to Alongside' }).waitFor();
    expect(tab.url()).toBe(`${server.origin}/`);
    await tab.close();

    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByLabel('Email').waitFor();
    await options.close();
  });

  it('tells anyone else whom to ask, with the console’s address, and finds the app once it is added', async () => {
    const options = await signIn(member);
    expect(await options.getByTestId('role').textContent()).toBe('Member');
    expect(await options.getByRole('link', { name: 'Open the console' }).count()).toBe(0);
    await noSites(options).waitFor();
    expect(await noSites(options).textContent()).toMatch(/Ask an admin of your Alongside server to add your company’s apps/);
    expect(await noSites(options).getByRole('link', { name: 'the console' }).getAttribute('href')).toBe(`${server.origin}/`);
    expect(await seriousViolations(options)).toEqual([]);
    await options.screenshot({ path: join(SHOTS, 'options-member-no-apps-light-1280.png'), fullPage: true });

    await must(server.api.request('POST', '/sites', { token: admin.token, json: { origin: 'http://127.0.0.1:9', name: 'Northwind CRM', rules: { keepQuery: [], hashRouting: false, templates: [] } } }));
    await options.getByRole('button', { name: 'Check again' }).click();
    await options.getByRole('button', { name: 'Grant Northwind CRM' }).waitFor();
    expect(await noSites(options).count()).toBe(0);
    await options.close();
  });
});
