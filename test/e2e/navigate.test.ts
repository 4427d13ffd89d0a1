// Single-page apps: the launcher, the badge and an open panel follow pushState, back/forward and hash
// routes without a reload.
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { badgeText, launcherLabel, note, openPanel, panel, suiteWorld } from './world';

describe.skipIf(!browserAvailable)('single-page navigation', () => {
  const { world, ada } = suiteWorld({
    setUp: async (w) => {
      const o = w.demo.origin;
      await note(w, w.ben, `${o}/accounts/1003`, 'Overview note');
      await note(w, w.ben, `${o}/accounts/1003/orders`, 'Orders note one');
      await note(w, w.ben, `${o}/accounts/1003/orders`, 'Orders note two');
      await note(w, w.ben, `${o}/legacy/#/audit`, 'Audit log note');
    },
  });

  it('follows pushState and back/forward: launcher, badge and the open panel', async () => {
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/accounts/1003`);
    await launcherLabel(page, /1 note,/);
    const frame = await openPanel(page);
    await frame.getByText('Overview note').waitFor();
    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);

    await page.locator('a[href="/accounts/1003/orders"]').first().click(); // the app's router: pushState
    await launcherLabel(page, /2 notes,/);
    expect(await badgeText(ada(), page.url())).toBe('2');
    await panel(page).getByText('Orders note two').waitFor();
    expect(await panel(page).locator('.where').textContent()).toContain('/accounts/1003/orders');

    await page.goBack();
    await launcherLabel(page, /1 note,/);
    await panel(page).getByText('Overview note').waitFor();
    await page.goForward();
    await launcherLabel(page, /2 notes,/);
    // Still the same document: no reload happened.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads);
    await page.close();
  });

  it('follows hash routes of a hash-routed section, with the route in the page key', async () => {
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/legacy/#/reports/3`);
    const frame = await openPanel(page);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Report');
    await frame.getByText('No notes here yet: be the first').waitFor();

    await page.evaluate(() => (location.hash = '#/audit'));
    await panel(page).getByText('Audit log note').waitFor();
    await launcherLabel(page, /1 note,/);
    const keys = world().server.requests('/context').map((r) => decodeURIComponent(r.path));
    expect(keys).toContain(`/api/v1/context?url=${world().demo.origin}/legacy/#/audit`);
    await page.close();
  });
});
