// Apps inside frames (issue #13): a legacy claims portal whose screen lives in a frame of its own origin,
// beside a partner's widget framed from another origin (test/e2e/fixtures/portal*.html, partner.html).
// What is supported: frames of the app's origin fully (the launcher sees their controls, pin mode points
// into them, a tip's marker sits on its element there, Escape works with focus inside); frames of another
// site the person granted too, through the frame script there (pin mode points into them, the tip is
// pinned with the frame's page key, its marker is drawn in that frame and opens the panel); any other
// site's frames fail safely (pin mode shields them: what is pointed at there is refused with the reason,
// no click reaches them, focus that goes there comes back). The frames' own submits, clicks and keys are
// checked on both sides of pin mode.
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import type { Frame, Locator, Page } from '../support/driver';
import { must } from '../support/org-fixture';
import { serveFolders, type StaticServer } from '../support/static-server';
import { expectMarkerOn, hint, pinLabel, startPinModeFromPanel } from './pinning';
import { grantSite, launcher, panel, suiteWorld } from './world';

const SITE = 'Claims portal';
const PARTNER = 'Repair partner';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.skipIf(!browserAvailable)('tips in an app made of frames', () => {
  let app: StaticServer;
  let partner: StaticServer;
  const { world, ada } = suiteWorld({
    setUp: async (w) => {
      [app, partner] = await Promise.all([serveFolders({ '/': resolve('test/e2e/fixtures') }), serveFolders({ '/': resolve('test/e2e/fixtures') })]);
      await must(w.server.api.request('POST', '/sites', { token: w.admin.token, json: { origin: app.origin, name: SITE } }));
      // Registered from the start, granted by Ada only in the tests after the shield's.
      await must(w.server.api.request('POST', '/sites', { token: w.admin.token, json: { origin: partner.origin, name: PARTNER } }));
    },
  });
  afterAll(() => Promise.all([app?.close(), partner?.close()]));

  // The partner's widget is framed with the claim's session in its address: no page key keeps it.
  const portal = () => `${app.origin}/portal.html?partner=${encodeURIComponent(`${partner.origin}/partner.html?session=s3cr3t`)}`;
  const widget = (page: Page) => page.frameLocator('#partner');
  const book = (page: Page) => widget(page).getByRole('button', { name: 'Book a visit' });
  const screen = (page: Page) => page.frameLocator('#screen');
  const submit = (page: Page) => screen(page).getByRole('button', { name: 'Submit claim' });
  const frameAt = (page: Page, file: string): Frame => {
    const frame = page.frames().find((f) => f.url().startsWith('http') && new URL(f.url()).pathname === file);
    if (!frame) throw new Error(`no frame showing ${file}`);
    return frame;
  };
  const screenLog = (page: Page) => frameAt(page, '/portal-screen.html').evaluate(() => (window as unknown as { screenLog: string[] }).screenLog.splice(0));
  const booked = (page: Page) => frameAt(page, '/partner.html').evaluate(() => document.getElementById('booked')!.textContent);
  const centre = async (element: Locator) => {
    const box = (await element.boundingBox())!;
    return [box.x + box.width / 2, box.y + box.height / 2] as const;
  };

  async function openPortal(): Promise<Page> {
    const page = await ada().context.newPage();
    await page.goto(portal());
    await submit(page).waitFor();
    await page.frameLocator('#partner').getByRole('button', { name: 'Book a visit' }).waitFor();
    return page;
  }

  it('the launcher covers neither the screen’s controls inside its frame nor the partner’s frame', async () => {
    await grantSite(ada(), SITE);
    const page = await openPortal();
    await launcher(page).waitFor();
    const pill = page.locator('[data-testid="alongside-launcher-pill"]');
    // It settles somewhere free: poll until its box clears both, as it moves off its default place.
    await expect
      .poll(async () => {
        const [own, partnerFrame, actions] = await Promise.all([
          pill.boundingBox(),
          page.locator('#partner').boundingBox(),
          Promise.all([submit(page).boundingBox(), screen(page).getByRole('button', { name: 'Save draft' }).boundingBox()]),
        ]);
        if (!own || !partnerFrame) return 'not shown';
        if (overlap(own, partnerFrame)) return 'over the partner frame';
        return actions.some((b) => b && overlap(own, b)) ? 'over the screen’s actions' : 'clear';
      }, { timeout: 10_000 })
      .toBe('clear');
    await page.close();
  });

  it('pin mode points into the screen’s frame: the pick never submits its form, and the tip’s marker sits on the button there', async () => {
    const page = await openPortal();
    await startPinModeFromPanel(page);
    await submit(page).hover();
    await expect.poll(() => pinLabel(page).textContent()).toBe('button “Submit claim”');
    // The outline is on the button, where it is shown in the frame (it glides there).
    await expect
      .poll(async () => {
        const [outline, button] = await Promise.all([page.locator('.pin-outline').boundingBox(), submit(page).boundingBox()]);
        return Math.max(Math.abs(outline!.x + 3 - button!.x), Math.abs(outline!.y + 3 - button!.y));
      })
      .toBeLessThanOrEqual(2);
    await submit(page).click();
    const frame = panel(page);
    await frame.getByRole('textbox', { name: 'Tip' }).fill('Attach the adjuster’s report **before** submitting.');
    await frame.getByRole('button', { name: 'Post tip' }).click();
    await frame.getByRole('form', { name: 'New tip' }).waitFor({ state: 'detached' });
    expect(await screenLog(page)).toEqual([]);

    await expectMarkerOn(page, submit(page));
    // The screen's own button works again.
    await submit(page).click();
    expect(await screenLog(page)).toEqual(['submit']);
    await page.close();
  });

  it('the marker finds the button again when the screen’s frame reloads', async () => {
    const page = await openPortal();
    await expectMarkerOn(page, submit(page));
    const before = await screen(page).locator('body').evaluate((body) => body.ownerDocument.defaultView!.performance.timeOrigin);
    await frameAt(page, '/portal-screen.html').evaluate(() => void setTimeout(() => location.reload()));
    // A new document in the frame, then its button.
    await expect.poll(() => screen(page).locator('body').evaluate((body) => body.ownerDocument.defaultView!.performance.timeOrigin).catch(() => before)).not.toBe(before);
    await submit(page).waitFor();
    await expectMarkerOn(page, submit(page));
    await page.close();
  });

  it('Escape leaves pin mode with focus inside the screen’s frame, and the screen does not hear it', async () => {
    const page = await openPortal();
    await startPinModeFromPanel(page);
    await screen(page).getByLabel('Amount').focus();
    await page.keyboard.press('Escape');
    await hint(page).waitFor({ state: 'detached' });
    expect(await screenLog(page)).toEqual([]);
    await page.close();
  });

  it('another site’s frame is shielded: pointing there is refused with the reason, its button is never clicked, and focus sent there comes back', async () => {
    const page = await openPortal();
    await startPinModeFromPanel(page);
    const [x, y] = await centre(page.frameLocator('#partner').getByRole('button', { name: 'Book a visit' }));
    await page.mouse.move(x, y, { steps: 3 });
    await expect.poll(() => pinLabel(page).textContent()).toBe('frame from another site: cannot pin inside');
    await hint(page).getByText(/a frame from another site/).waitFor();
    await page.mouse.down();
    await page.mouse.up();
    expect(await booked(page)).toBe('');
    await hint(page).waitFor(); // still in pin mode

    // The partner's script takes focus: it comes back to the hint bar, where Escape works.
    await frameAt(page, '/partner.html').evaluate(() => document.getElementById('book')!.focus());
    await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('alongside-overlay');
    await page.keyboard.press('Escape');
    await hint(page).waitFor({ state: 'detached' });
    // Out of pin mode, the partner's button is the partner's.
    await page.frameLocator('#partner').getByRole('button', { name: 'Book a visit' }).click();
    expect(await booked(page)).toBe('Visit booked');
    await page.close();
  });

  it('with the partner’s site granted too, pin mode points into its frame: the pick never books a visit, the tip keeps the frame’s page key, and its marker sits on the button there', async () => {
    await grantSite(ada(), PARTNER);
    const page = await openPortal();
    await startPinModeFromPanel(page);
    await book(page).hover();
    // The frame's own pin mode outlines it (no shield, no refusal), under the page's one hint bar.
    await expect.poll(() => widget(page).locator('.pin-label').textContent()).toBe('button “Book a visit”');
    expect(await widget(page).locator('[data-testid="alongside-pin-hint"]').count()).toBe(0);
    await expect.poll(() => pinLabel(page).isVisible()).toBe(false);
    await book(page).click();
    const frame = panel(page);
    await frame.getByText('button “Book a visit”').waitFor();
    await frame.getByRole('textbox', { name: 'Tip' }).fill('Book only after the adjuster’s visit.');
    await frame.getByRole('button', { name: 'Post tip' }).click();
    await frame.getByRole('form', { name: 'New tip' }).waitFor({ state: 'detached' });
    await hint(page).waitFor({ state: 'detached' });
    expect(await booked(page)).toBe('');

    const context = await must(world().server.api.request('GET', `/context?url=${encodeURIComponent(portal())}`, { token: world().ada.token }));
    const tip = (context as { notes: Array<{ body: string; anchor: { frame?: string } | null }> }).notes.find((n) => n.body.startsWith('Book only'));
    expect(tip?.anchor?.frame).toBe(`${partner.origin}/partner.html`);

    const shown = widget(page).locator('[data-testid="alongside-tip-marker"]');
    await expectMarkerOn(page, book(page), shown);
    // Out of pin mode, the partner's button is the partner's.
    await book(page).click();
    expect(await booked(page)).toBe('Visit booked');
    await page.close();
  });

  it('the marker in the partner’s frame opens the tip in the panel', async () => {
    const page = await openPortal();
    const shown = widget(page).locator('[data-testid="alongside-tip-marker"]');
    await expectMarkerOn(page, book(page), shown);
    await shown.click();
    await panel(page).getByText('Book only after the adjuster’s visit.').waitFor();
    expect(await booked(page)).toBe('');
    await page.close();
  });

  it('Escape with focus inside the partner’s frame leaves pin mode in the page and in the frame, and the partner does not hear it', async () => {
    const page = await openPortal();
    await startPinModeFromPanel(page);
    await book(page).focus();
    await page.keyboard.press('Escape');
    await hint(page).waitFor({ state: 'detached' });
    await book(page).hover();
    await widget(page).locator('.pin-label').waitFor({ state: 'detached' });
    expect(await booked(page)).toBe('');
    await page.close();
  });
});
