// Tips in an app built from web components (issue #13): open shadow roots nested four deep, labels
// slotted into buttons, a card per record. Ada points at one record's Approve button inside the
// components: the outline and its label are on that button (not the app shell the event is retargeted
// to), a closed component is named as one, and the click never reaches the app. The marker then sits on
// that button. By keyboard, Tab walks into the components and reaches a field inside a shadow root.
// The host page is the anchoring suite's fixture, served as an app of its own.
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import type { Locator, Page } from '../support/driver';
import { must } from '../support/org-fixture';
import { serveFolders, type StaticServer } from '../support/static-server';
import { expectMarkerOn, hint, pinLabel, startPinModeFromPanel } from './pinning';
import { grantSite, panel, suiteWorld } from './world';

const SITE = 'Approvals';

describe.skipIf(!browserAvailable)('tips in web components', () => {
  let app: StaticServer;
  let url: string;
  const { ada } = suiteWorld({
    setUp: async (w) => {
      app = await serveFolders({ '/': resolve('test/anchoring/fixtures') });
      url = `${app.origin}/web-components.html`;
      await must(w.server.api.request('POST', '/sites', { token: w.admin.token, json: { origin: app.origin, name: SITE } }));
    },
  });
  afterAll(() => app?.close());

  // Locators chained through each shadow root (a CSS selector does not cross one in either driver).
  const approveOf = (page: Page, record: string) => page.locator(`wc-card[record="${record}"]`).locator('wc-button').first().locator('button');
  const clicks = (page: Page) => page.evaluate(() => (window as unknown as { wc: { clicks: string[] } }).wc.clicks);

  /** The outline is drawn around the element (3 px out on each side). */
  async function expectOutlineOn(page: Page, element: Locator) {
    await expect
      .poll(async () => {
        const [o, e] = await Promise.all([page.locator('.pin-outline').boundingBox(), element.boundingBox()]);
        if (!o || !e) return 'not shown';
        const off = [o.x + 3 - e.x, o.y + 3 - e.y, o.width - 6 - e.width, o.height - 6 - e.height];
        return off.every((d) => Math.abs(d) <= 1) ? 'on it' : `outline ${JSON.stringify(o)}, element ${JSON.stringify(e)}`;
      })
      .toBe('on it');
  }

  it('Ada pins a tip to one card’s Approve button inside nested components by mouse; the app never sees the click; the marker sits on it', async () => {
    await grantSite(ada(), SITE);

    const page = await ada().context.newPage();
    await page.goto(url);
    await startPinModeFromPanel(page);
    await page.locator('wc-secret').hover();
    await expect.poll(() => pinLabel(page).textContent()).toMatch(/closed component: the tip goes on all of it/);
    const approve = approveOf(page, 'INV-1042');
    await approve.hover();
    await expect.poll(() => pinLabel(page).textContent()).toBe('button “Approve”');
    await expectOutlineOn(page, approve);
    await approve.click();
    expect(await clicks(page)).toEqual([]);
    await hint(page).waitFor({ state: 'detached' });
    const frame = panel(page);
    expect(await frame.locator('.attached').textContent()).toContain('button “Approve”');
    await frame.getByRole('textbox', { name: 'Tip' }).fill('Acme’s invoices need a purchase order number first.');
    await frame.getByRole('button', { name: 'Post tip' }).click();
    await frame.getByRole('form', { name: 'New tip' }).waitFor({ state: 'detached' });
    await expectMarkerOn(page, approve);
    // Its own Approve button still works for the app.
    await approve.click();
    expect(await clicks(page)).toEqual(['INV-1042 Approve']);
    await page.close();
  });

  it('by keyboard, Tab walks into the components to a field inside a shadow root, and Enter picks it', async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    await startPinModeFromPanel(page);
    let label = '';
    // From wherever the outline is (the pointer may rest on the page): the stops wrap round after the last.
    for (let i = 0; i < 40 && label !== 'field “Search invoices”'; i++) {
      await page.keyboard.press('Tab');
      label = (await pinLabel(page).textContent()) ?? '';
    }
    expect(label).toBe('field “Search invoices”');
    await expectOutlineOn(page, page.locator('wc-field').locator('input'));
    await page.keyboard.press('Enter');
    await panel(page).getByRole('form', { name: 'New tip' }).waitFor();
    expect(await panel(page).locator('.attached').textContent()).toContain('field “Search invoices”');
    expect(await clicks(page)).toEqual([]);
    await page.close();
  });
});
