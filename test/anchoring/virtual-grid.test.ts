/**
 * A tip pinned to one record's button in a virtualized grid (rows recycled as it scrolls): it follows its
 * record, says "not on screen" while the record is scrolled away, and never stands on another record's
 * button, whether anchored afresh or kept by the watcher while the rows change under it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Anchor } from '@shared/contract/anchors';
import { chromiumAvailable, suitePage } from './browser';
import type { Seen } from './in-page-grid';

declare global {
  interface Window {
    Anchoring: typeof import('./page-entry');
    grid: { scrollTo(id: number, offset: number): void; approved: number[]; remove(id: number): void };
  }
}

// The grid scrolls itself, or (a window virtualizer) the page scrolls it.
describe.skipIf(!chromiumAvailable).each(['element', 'window'])('anchoring in a virtualized grid, scrolled by the %s (headless Chromium)', (scroll) => {
  let page: Page;
  let anchor: Anchor;
  suitePage(async (p, origin) => {
    page = p;
    await page.goto(`${origin}/fixtures/virtual-grid.html?scroll=${scroll}`);
    await page.evaluate(() => window.grid.scrollTo(1042, 2));
    anchor = await page.evaluate(() => window.Anchoring.grid.describeApprove(1042));
  });

  const scrollTo = (id: number, offset: number) => page.evaluate(([i, o]) => window.grid.scrollTo(i!, o!), [id, offset]);
  const anchorNow = () => page.evaluate((a) => window.Anchoring.grid.anchorNow(a), anchor);

  it('finds the record in whichever recycled row shows it, and says "not on screen" while it is scrolled away', async () => {
    const outcomes: Record<string, Seen> = {};
    // Record 1042 as the 3rd row in view (where it was pinned), the 7th, the 1st: each time another row element.
    for (const offset of [2, 6, 0, 10]) {
      await scrollTo(1042, offset);
      outcomes[`in view, row ${offset + 1}`] = await anchorNow();
    }
    // Scrolled far away, and just out of view: the same buttons show other records.
    await scrollTo(1300, 4);
    outcomes['far away'] = await anchorNow();
    await scrollTo(1055, 0);
    outcomes['just below the view'] = await anchorNow();
    expect(outcomes).toEqual({
      'in view, row 3': { status: 'found', record: 'INV-1042' },
      'in view, row 7': { status: 'found', record: 'INV-1042' },
      'in view, row 1': { status: 'found', record: 'INV-1042' },
      'in view, row 11': { status: 'found', record: 'INV-1042' },
      'far away': { status: 'not_on_screen' },
      'just below the view': { status: 'not_on_screen' },
    });
  });

  it('the watcher lets go of a recycled row at once and finds the record in the row that shows it', async () => {
    await scrollTo(1042, 2);
    await page.evaluate((a) => window.Anchoring.grid.watch(a), anchor);
    const now = () => page.evaluate(() => window.Anchoring.grid.watched());
    const found = { status: 'found', record: 'INV-1042' };
    await expect.poll(now).toEqual(found);
    // A row at a time, as a person scrolls: each step shows the record in the next row element down. The
    // answer is right as soon as the grid has drawn (its mutations observed), not at the next pass.
    for (let offset = 3; offset <= 9; offset++) {
      await scrollTo(1042, offset);
      expect(await now(), `INV-1042 as row ${offset + 1}`).toEqual(found);
    }
    // Then back up past it: every row element shows another record now.
    for (let id = 1043; id <= 1048; id++) {
      await scrollTo(id, 0);
      expect(await now(), `INV-${id} first in view`).toEqual({ status: 'not_on_screen' });
    }
    await scrollTo(1042, 5);
    await expect.poll(now).toEqual(found);
  });

  it('a click on the pinned record’s button still reaches the app as its own', async () => {
    await scrollTo(1042, 3);
    await page.locator('.row', { hasText: 'INV-1042 ' }).getByRole('button', { name: 'Approve' }).click();
    expect(await page.evaluate(() => window.grid.approved)).toEqual([1042]);
  });
});

// The other side of the rule: a page that draws every record is no virtualized list. A record scrolled
// out of view there is still found (its marker hides until it is back); a record gone is not found,
// which counts toward "possibly outdated", never "not on screen now".
describe.skipIf(!chromiumAvailable)('anchoring in a long page that draws every record (headless Chromium)', () => {
  let page: Page;
  suitePage(async (p, origin) => {
    page = p;
    await page.goto(`${origin}/fixtures/virtual-grid.html?scroll=static`);
  });

  it('finds the record scrolled out of view, and says "not found" once its row is gone', async () => {
    await page.evaluate(() => window.grid.scrollTo(1042, 2));
    const anchor = await page.evaluate(() => window.Anchoring.grid.describeApprove(1042));
    await page.evaluate(() => window.grid.scrollTo(1300, 0));
    expect(await page.evaluate((a) => window.Anchoring.grid.anchorNow(a), anchor)).toEqual({ status: 'found', record: 'INV-1042' });
    await page.evaluate(() => window.grid.remove(1042));
    expect(await page.evaluate((a) => window.Anchoring.grid.anchorNow(a), anchor)).toEqual({ status: 'not_found' });
  });
});
