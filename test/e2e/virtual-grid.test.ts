// A tip on one record of a virtualized grid (issue #13): rows are recycled as the grid scrolls, as in the
// big table libraries. Ada pins "do not approve" to INV-1042's Approve button (the app never sees that
// click); as the grid scrolls a row at a time the marker follows the record from row element to row
// element, never standing on another record's button; scrolled away, no marker shows, the panel says the
// tip is not on screen, and nothing reports it as not found (only that counts toward "possibly
// outdated"). The host page is the anchoring suite's fixture, served as an app of its own.
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import type { Page } from '../support/driver';
import { must } from '../support/org-fixture';
import { serveFolders, type StaticServer } from '../support/static-server';
import { expectMarkerOn, marker, pinLabel, startPinModeFromPanel } from './pinning';
import { grantSite, openPanel, panel, suiteWorld } from './world';

const SITE = 'Approvals';

describe.skipIf(!browserAvailable)('a tip in a virtualized grid', () => {
  let app: StaticServer;
  let url: string;
  const { world, ada } = suiteWorld({
    setUp: async (w) => {
      app = await serveFolders({ '/': resolve('test/anchoring/fixtures') });
      url = `${app.origin}/virtual-grid.html`;
      await must(w.server.api.request('POST', '/sites', { token: w.admin.token, json: { origin: app.origin, name: SITE } }));
    },
  });
  afterAll(() => app?.close());

  /** Scrolls the grid so the record is the `offset`-th row in view. */
  const scrollTo = (page: Page, id: number, offset: number) => page.evaluate(([i, o]) => (window as unknown as GridPage).grid.scrollTo(i!, o!), [id, offset]);
  const approveOf = (page: Page, id: number) => page.locator('.row', { hasText: `INV-${id} ` }).getByRole('button', { name: 'Approve' });
  const approved = (page: Page) => page.evaluate(() => (window as unknown as GridPage).grid.approved);

  it('Ada grants the app and pins a tip to one record’s Approve button; the grid never sees the click', async () => {
    await grantSite(ada(), SITE);

    const page = await ada().context.newPage();
    await page.goto(url);
    await scrollTo(page, 1042, 2);
    await startPinModeFromPanel(page);
    const button = approveOf(page, 1042);
    await button.hover();
    await expect.poll(() => pinLabel(page).textContent()).toBe('button “Approve”');
    await button.click();
    expect(await approved(page)).toEqual([]);
    const frame = panel(page);
    await frame.getByRole('textbox', { name: 'Tip' }).fill('Do **not** approve: duplicate of INV-1041.');
    await frame.getByRole('button', { name: 'Post tip' }).click();
    await frame.getByRole('form', { name: 'New tip' }).waitFor({ state: 'detached' });
    await expectMarkerOn(page, approveOf(page, 1042));
    await page.close();
  });

  it('the marker follows the record row by row, is gone while the record is scrolled away, and the panel says so', async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    await scrollTo(page, 1042, 2);
    await expectMarkerOn(page, approveOf(page, 1042));
    // A row at a time: each step shows INV-1042 in the next row element down, other records in the rest.
    for (let offset = 3; offset <= 8; offset++) {
      await scrollTo(page, 1042, offset);
      await expectMarkerOn(page, approveOf(page, 1042));
    }
    await scrollTo(page, 1200, 0);
    await marker(page).waitFor({ state: 'hidden' });
    const frame = await openPanel(page);
    const card = frame.locator('article.card', { hasText: 'duplicate of INV-1041' });
    await card.getByText('Not on screen now').waitFor();
    await page.screenshot({ path: join(screensDir('virtual-grid'), 'not-on-screen.png') });
    expect(await frame.getByTestId('tips-not-found').count()).toBe(0);
    // Back in view, in yet another row element.
    await scrollTo(page, 1042, 7);
    await expectMarkerOn(page, approveOf(page, 1042));
    await expect.poll(() => card.getByText('Not on screen now').count()).toBe(0);
    // Its own Approve button still works for the app.
    await approveOf(page, 1042).click();
    expect(await approved(page)).toEqual([1042]);
    // Nothing said "not found": the record was off screen, which does not make the tip outdated.
    const reports = world().server.log.filter((r) => r.method === 'POST' && r.path.endsWith('/anchor-reports'));
    expect(reports.length).toBeGreaterThan(0);
    const tips = await must(world().server.api.request('GET', `/context?url=${encodeURIComponent(url)}`, { token: world().ada.token }));
    expect(tips.notes[0]).toMatchObject({ possiblyOutdated: false });
    await page.close();
  });
});

interface GridPage {
  grid: { scrollTo(id: number, offset: number): void; approved: number[] };
}
