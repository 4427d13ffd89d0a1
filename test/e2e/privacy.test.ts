// Pages of origins the user has not granted send nothing to the API (asserted on the server's request
// log), nor do pages of a site the user turned off; signing out revokes the token and unregisters.
import { afterAll, describe, expect, it } from 'vitest';
import { startDemoApp, type DemoApp } from '../../demo/app-server';
import { browserAvailable, E2E_BROWSER } from '../support/browser';
import { must } from '../support/org-fixture';
import { launcher, launcherLabel, registeredMatches, suiteWorld } from './world';

describe.skipIf(!browserAvailable)('privacy', () => {
  let other: DemoApp; // registered on the server, never granted
  const { world, ada } = suiteWorld({
    setUp: async (w) => {
      other = await startDemoApp({ port: 0 });
      await must(w.server.api.request('POST', '/sites', { token: w.admin.token, json: { origin: other.origin, name: 'Other app' } }));
    },
  });
  afterAll(async () => {
    await other?.close();
  });

  /** Browses a few pages (loads and SPA moves) and returns what reached the API meanwhile. */
  async function browse(origin: string) {
    const before = world().server.log.length;
    const page = await ada().context.newPage();
    await page.goto(`${origin}/accounts/1001?token=secret`);
    await page.locator('a[href="/accounts/1001/orders"]').first().click();
    await page.goto(`${origin}/legacy/#/reports/2`);
    // An absence has no state to wait for: this window is many times what a granted page takes to ask.
    await page.waitForTimeout(1500);
    const hasLauncher = (await launcher(page).count()) > 0;
    await page.close();
    // The background's unread-inbox poll (an alarm, tab switches) names no page: it is not about these pages.
    const requests = world().server.log.slice(before).filter((r) => r.path !== '/api/v1/inbox?unread=true');
    return { requests, hasLauncher };
  }

  it('sends nothing for a registered site the user did not grant, nor for an unregistered origin', async () => {
    const registered = await browse(other.origin);
    expect(registered.requests).toEqual([]);
    expect(registered.hasLauncher).toBe(false);
    // The same demo app under another name is another origin, which nobody registered.
    const unregistered = await browse(world().demo.origin.replace('127.0.0.1', 'localhost'));
    expect(unregistered.requests).toEqual([]);
    expect(unregistered.hasLauncher).toBe(false);
  });

  it('stops at once for a site the user turns off, also in tabs already open', async () => {
    const open = await ada().context.newPage();
    await open.goto(`${world().demo.origin}/accounts/1001`);
    await launcher(open).waitFor();
    const options = await ada().openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Turn off Northwind CRM' }).click();
    // The open tab loses the launcher without navigating.
    await launcher(open).waitFor({ state: 'detached' });
    await open.close();
    await options.getByRole('button', { name: 'Grant Northwind CRM' }).waitFor();
    await expect.poll(() => registeredMatches(ada())).toEqual([]);
    const after = await browse(world().demo.origin);
    expect(after.requests).toEqual([]);
    expect(after.hasLauncher).toBe(false);

    await options.getByRole('button', { name: 'Grant Northwind CRM' }).click();
    await options.getByRole('button', { name: 'Turn off Northwind CRM' }).waitFor();
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/accounts/1001`);
    await launcherLabel(page, /0 notes/);
    await page.close();
    await options.close();
  });

  it('signing out revokes the token on the server and unregisters the content script', async () => {
    const token = await ada().extensionEval(async (api) => {
      const { session } = await api.storage.local.get('session');
      return (session as { token: string }).token;
    });
    expect((await world().server.api.request('GET', '/auth/me', { token })).status).toBe(200);
    const options = await ada().openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(world().server.requests('/auth/signout')).toHaveLength(1);
    expect((await world().server.api.request('GET', '/auth/me', { token })).status).toBe(401);
    await expect.poll(() => registeredMatches(ada())).toEqual([]);
    await options.close();
  });
});
