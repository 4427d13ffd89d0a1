// Our UI above whatever the app shows, and at its normal size and side (issue #13): an app's native modal
// dialog and its full-screen overlay at the maximum z-index (the launcher, the panel, pin mode and its
// composer stay usable; markers of elements inside the dialog show above it, those behind it hide until
// it closes; the app's clicks, keys, Escape and focus stay its own), an app zoomed with CSS `zoom` on
// its root, and a right-to-left app with a horizontally scrolling strip. Host pages: test/e2e/fixtures.
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import type { Locator, Page } from '../support/driver';
import { must } from '../support/org-fixture';
import { serveFolders, type StaticServer } from '../support/static-server';
import { expectMarkerOn, hint, marker, pinLabel } from './pinning';
import { closePanelWithEscape, grantSite, launcher, note, openPanel, panel, suiteWorld } from './world';

const SITE = 'Orders';

describe.skipIf(!browserAvailable)('our UI above the app’s dialogs and overlays, zoomed and right to left', () => {
  let app: StaticServer;
  const url = (file: string) => `${app.origin}/${file}`;
  const anchor = (value: string) => ({ anchor: { selector: [{ type: 'CssSelector', value }] } });
  const { ada } = suiteWorld({
    setUp: async (w) => {
      app = await serveFolders({ '/': resolve('test/e2e/fixtures') });
      await must(w.server.api.request('POST', '/sites', { token: w.admin.token, json: { origin: app.origin, name: SITE } }));
      await note(w, w.ben, url('dialog.html'), 'Refunds over 500 need a manager.', anchor('[data-action="refund"]'));
      await note(w, w.ben, url('zoom.html'), 'Check the photos first.', anchor('[data-action="approve"]'));
      await note(w, w.ben, url('rtl.html'), 'Ship order 2 by courier.', anchor('[data-order="2"]'));
    },
  });
  afterAll(() => app?.close());

  const appLog = (page: Page) => page.evaluate(() => (window as unknown as { app: { log: string[] } }).app.log.splice(0));
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const dialogOpen = (page: Page) => page.evaluate(() => (document.getElementById('cancel') as HTMLDialogElement).open);
  /** What a click at the middle of `element` hits first, through our (open, in the e2e build) shadow root. */
  async function hitAt(page: Page, element: Locator): Promise<string> {
    const box = await element.boundingBox();
    if (!box) return 'not shown';
    return page.evaluate(([x, y]) => {
      let hit = document.elementFromPoint(x!, y!);
      const inner = hit?.shadowRoot?.elementFromPoint(x!, y!);
      if (inner) hit = inner;
      return hit?.closest('[data-testid]')?.getAttribute('data-testid') ?? hit?.localName ?? 'nothing';
    }, [box.x + box.width / 2, box.y + box.height / 2]);
  }
  const shownMarker = (page: Page) => page.locator('[data-testid="alongside-tip-marker"]:not([hidden])');

  it('with the app’s modal dialog open: the launcher and the docked panel work above it, pin mode picks inside it, and the app keeps its dialog', async () => {
    await grantSite(ada(), SITE);

    const page = await ada().context.newPage();
    await page.goto(url('dialog.html'));
    const refund = page.getByRole('button', { name: 'Refund order' });
    const confirm = page.getByRole('button', { name: 'Confirm cancellation' });
    await expectMarkerOn(page, refund);

    // The app opens its dialog after our layer: focus goes where the app put it, the marker behind hides.
    await page.getByRole('button', { name: 'Cancel order…' }).click();
    expect(await focusedId(page)).toBe('reason');
    await marker(page).waitFor({ state: 'hidden' });
    expect(await hitAt(page, launcher(page))).toBe('alongside-launcher');

    const frame = await openPanel(page);
    // Docked: the dialog moved out from under the panel (the room the page made for it).
    await expect.poll(async () => {
      const [dialog, docked] = await Promise.all([page.locator('#cancel').boundingBox(), page.locator('[data-testid="alongside-panel"]').boundingBox()]);
      return dialog && docked ? dialog.x + dialog.width <= docked.x : 'not shown';
    }).toBe(true);
    expect(await hitAt(page, page.locator('[data-testid="alongside-panel"]'))).toBe('alongside-panel');
    await frame.getByRole('button', { name: 'Pin a tip' }).click();
    await hint(page).waitFor();
    expect(await hitAt(page, hint(page))).toBe('alongside-pin-hint');
    await confirm.hover();
    await expect.poll(() => pinLabel(page).textContent()).toBe('button “Confirm cancellation”');
    await confirm.click();
    expect(await appLog(page)).toEqual(['click Cancel order…']); // the pick never reached the app
    await frame.getByRole('textbox', { name: 'Tip' }).fill('Ask why before confirming.');
    await frame.getByRole('button', { name: 'Post tip' }).click();
    await frame.getByRole('form', { name: 'New tip' }).waitFor({ state: 'detached' });
    await page.screenshot({ path: join(screensDir('top-layer'), 'dialog-panel.png') });
    // Escape in our panel closes the panel, not the app's dialog.
    await closePanelWithEscape(page);
    expect(await dialogOpen(page)).toBe(true);

    // The new tip's marker sits on its element, above the dialog; the one behind stays hidden.
    await expectMarkerOn(page, confirm, shownMarker(page));
    expect(await marker(page).count()).toBe(2);
    expect(await hitAt(page, shownMarker(page))).toBe('alongside-tip-marker');

    // The app's own dialog: its field takes keys, Escape there closes it, its buttons are its own.
    await page.locator('#reason').press('a');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOpen(page)).toBe(false);
    // The dialog's close event comes a task after it closes: wait for the app to have heard it.
    const heard: string[] = [];
    await expect.poll(async () => heard.push(...(await appLog(page))) && heard.at(-1)).toBe('dialog closed');
    expect(heard).toEqual(['key a', 'key Escape', 'dialog closed']);
    // Closed: the marker behind is back, the one inside the closed dialog gone.
    await expectMarkerOn(page, refund, shownMarker(page));
    await refund.click();
    expect(await appLog(page)).toEqual(['click Refund order']);
    await page.close();
  });

  it('above the app’s full-screen overlay at the maximum z-index the launcher shows and opens the panel', async () => {
    const page = await ada().context.newPage();
    await page.goto(url('dialog.html'));
    await launcher(page).waitFor();
    await page.getByRole('button', { name: 'Reload data' }).click();
    await page.getByRole('button', { name: 'Dismiss' }).waitFor();
    expect(await hitAt(page, launcher(page))).toBe('alongside-launcher');
    await openPanel(page);
    await closePanelWithEscape(page);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await appLog(page)).toEqual(['click Reload data', 'click Dismiss']);
    await page.close();
  });

  it('on an app zoomed with CSS zoom the launcher and the panel keep their size inside the window, and the marker its element', async () => {
    const page = await ada().context.newPage();
    await page.goto(url('zoom.html'));
    const approve = page.getByRole('button', { name: 'Approve claim' });
    await expectMarkerOn(page, approve);
    const viewport = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: innerHeight }));
    const inside = (box: { x: number; y: number; width: number; height: number } | null) =>
      !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 1 && box.y + box.height <= viewport.height + 1;
    const pill = page.getByTestId('alongside-launcher-pill');
    let box = await pill.boundingBox();
    expect(box?.height).toBeCloseTo(36, 0);
    expect(inside(box)).toBe(true);

    await openPanel(page);
    const docked = page.locator('[data-testid="alongside-panel"]');
    await expect.poll(async () => (await docked.boundingBox())?.width).toBe(400);
    expect(inside(await docked.boundingBox())).toBe(true);
    // The page made room: its header ends where the panel starts.
    await expect.poll(async () => (await page.locator('header').boundingBox())?.width).toBeCloseTo(viewport.width - 400, 0);
    await expectMarkerOn(page, approve);
    await closePanelWithEscape(page);

    // The app changes its zoom: ours follows.
    await page.evaluate(() => (document.documentElement.style.zoom = '2'));
    await expect.poll(async () => Math.round((await pill.boundingBox())?.height ?? 0)).toBe(36);
    box = await pill.boundingBox();
    expect(inside(box)).toBe(true);
    await page.close();
  });

  it('on a right-to-left app the launcher and the panel sit at the inline end (left), and a marker in a scrolling strip stays on its element', async () => {
    const page = await ada().context.newPage();
    await page.goto(url('rtl.html'));
    const ship = page.locator('[data-order="2"]');
    await expectMarkerOn(page, ship);
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(((await page.getByTestId('alongside-launcher-pill').boundingBox())?.x ?? width)).toBeLessThan(width / 2);

    // The strip scrolls towards its end (negative scrollLeft in RTL): the marker follows, then hides.
    await page.evaluate(() => (document.getElementById('strip')!.scrollLeft = -120));
    await expectMarkerOn(page, ship);
    await page.evaluate(() => (document.getElementById('strip')!.scrollLeft = -1200));
    await marker(page).waitFor({ state: 'hidden' });
    await page.evaluate(() => (document.getElementById('strip')!.scrollLeft = 0));
    await expectMarkerOn(page, ship);

    await openPanel(page);
    expect((await page.locator('[data-testid="alongside-panel"]').boundingBox())?.x).toBe(0);
    await page.screenshot({ path: join(screensDir('top-layer'), 'rtl-panel.png') });
    await page.close();
  });
});
