// Tips on a page as the suites check them: the marker, pin mode's hint and label, and pin mode started
// from the panel, as a person does.
import { expect } from 'vitest';
import type { Locator, Page } from '../support/driver';
import { openPanel } from './world';

export const marker = (page: Page) => page.locator('[data-testid="alongside-tip-marker"]');
export const hint = (page: Page) => page.locator('[data-testid="alongside-pin-hint"]');
export const pinLabel = (page: Page) => page.locator('.pin-label');

/** The marker (the page's only one, unless named) sits on the element's top-right corner. */
export async function expectMarkerOn(page: Page, element: Locator, shown = marker(page)): Promise<void> {
  await expect
    .poll(async () => {
      const [m, e] = await Promise.all([shown.boundingBox(), element.boundingBox()]);
      if (!m || !e) return 'not shown';
      const cx = m.x + m.width / 2;
      const cy = m.y + m.height / 2;
      return Math.abs(cx - (e.x + e.width)) <= 12 && Math.abs(cy - e.y) <= 12 ? 'on it' : `marker at ${cx},${cy}; element corner at ${e.x + e.width},${e.y}`;
    }, { timeout: 10_000 })
    .toBe('on it');
}

export async function startPinModeFromPanel(page: Page): Promise<void> {
  const frame = await openPanel(page);
  await frame.getByRole('button', { name: 'Pin a tip' }).click();
  await hint(page).waitFor();
  await page.locator('[data-testid="alongside-panel"]').waitFor({ state: 'detached' });
}
