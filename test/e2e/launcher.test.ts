// The launcher never sits on the app's controls (issue #12): on Swagger UI, a real third-party app (the
// API's own docs page, registered as a second site), it covers neither the Authorize button nor the tip
// marker pinned to it; in the demo app it covers no row of "Latest orders"; content that appears under it
// later moves it. It can be dragged and moved with the keyboard, hidden on a page or a site from its menu
// and shown again from the panel or the options page, and the panel lists the shortcuts as bound.
// Screenshots (light and dark, 400 and 1280 px) land in screensDir (a folder per browser)/launcher/.
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import type { Page } from '../support/driver';
import { must } from '../support/org-fixture';
import { seriousViolations } from './axe';
import { launcher, note, openPanel, panel, panelFrame, suiteWorld } from './world';

const shots = screensDir('launcher');

const DOCS_SITE = 'Alongside API docs';
const pill = (page: Page) => page.locator('[data-testid="alongside-launcher-pill"]');
const menuItem = (page: Page, name: string) => page.getByRole('menuitem', { name });
const toast = (page: Page) => page.locator('[data-testid="alongside-launcher-toast"]');
const markers = (page: Page) => page.locator('[data-testid="alongside-tip-marker"]');

/**
 * What of the page the launcher's pill (and a 4 px ring round it) overlaps: controls, rows and cells,
 * fixed elements, our tip markers. Named for the failure message.
 */
async function covered(page: Page): Promise<string[]> {
  const box = await pill(page).boundingBox();
  if (!box) return ['(no launcher)'];
  const markerBoxes = await Promise.all((await markers(page).all()).map((m) => m.boundingBox()));
  return page.evaluate(
    ([b, ms]) => {
      const ring = 4;
      const hits = (r: { left: number; top: number; right: number; bottom: number }) =>
        r.right > r.left && r.bottom > r.top && r.left < b.x + b.width + ring && b.x - ring < r.right && r.top < b.y + b.height + ring && b.y - ring < r.bottom;
      const found: string[] = [];
      const selector = 'a[href],button,input,select,textarea,[role="button"],[tabindex]:not([tabindex="-1"]),td,th,li,tr';
      for (const el of document.querySelectorAll(selector)) {
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        if (hits(el.getBoundingClientRect())) found.push(`${el.localName}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
      }
      for (const el of document.querySelectorAll('body *')) {
        const position = getComputedStyle(el).position;
        if ((position === 'fixed' || position === 'sticky') && hits(el.getBoundingClientRect())) found.push(`fixed ${el.localName}.${[...el.classList].join('.')}`);
      }
      for (const m of ms) if (m && hits({ left: m.x, top: m.y, right: m.x + m.width, bottom: m.y + m.height })) found.push('our tip marker');
      return found;
    },
    [box, markerBoxes] as const,
  );
}

const coversNothing = (page: Page) => expect.poll(() => covered(page), { timeout: 10_000 }).toEqual([]);

describe.skipIf(!browserAvailable)('the launcher', () => {
  let docsUrl: string;
  let accountUrl: string;
  const { world, ada } = suiteWorld({
    setUp: async (w) => {
      docsUrl = `${w.server.origin}/api/v1/docs`;
      accountUrl = `${w.demo.origin}/accounts/1005`;
      await must(w.server.api.request('POST', '/sites', { token: w.admin.token, json: { origin: w.server.origin, name: DOCS_SITE } }));
      await note(w, w.ada, docsUrl, 'Paste the token from the options page here.', { anchor: { selector: [{ type: 'CssSelector', value: '.btn.authorize' }] } });
    },
  });

  // A test that hid the launcher and failed before showing it again leaves the others a launcher to see.
  afterEach(async () => {
    await ada().extensionEval((api) => api.storage.local.remove('launcher:hidden'));
  });

  beforeAll(async () => {
    const options = await ada().openExtensionPage('options.html');
    await options.getByRole('button', { name: `Grant ${DOCS_SITE}` }).click();
    await options.getByRole('button', { name: `Turn off ${DOCS_SITE}` }).waitFor();
    await options.close();
  });

  for (const width of [1280, 400]) {
    it(`on Swagger UI (${width} px) it covers no control, the Authorize button included, and not the tip marker pinned to it`, async () => {
      const page = await ada().context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(docsUrl);
      await page.locator('.btn.authorize').waitFor();
      await page.locator('.opblock').first().waitFor();
      await markers(page).first().waitFor();
      await coversNothing(page);
      expect(await page.locator('.btn.authorize').count()).toBe(1);
      await page.screenshot({ path: join(shots, `swagger-${width}.png`) });
      await page.close();
    });

    it(`in the demo app (${width} px) it covers no row of "Latest orders", nor the chat bubble`, async () => {
      const page = await ada().context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(accountUrl);
      await page.getByRole('heading', { name: /Latest orders/ }).waitFor();
      await launcher(page).waitFor();
      await coversNothing(page);
      await page.screenshot({ path: join(shots, `demo-${width}.png`) });
      await page.close();
    });
  }

  it('moves off content that appears under it later, at most one check per 200 ms on a page that changes every frame', async () => {
    const page = await ada().context.newPage();
    await page.goto(accountUrl);
    await launcher(page).waitFor();
    await coversNothing(page);
    const before = (await pill(page).boundingBox())!;
    // The app opens a toolbar of its own right where the launcher is.
    await page.evaluate((b) => {
      const bar = document.createElement('div');
      bar.id = 'late-toolbar';
      bar.style.cssText = `position: fixed; left: ${b.x - 20}px; top: ${b.y - 10}px; width: ${b.width + 40}px; height: ${b.height + 20}px; background: #fc0; z-index: 10`;
      bar.innerHTML = '<button>Save</button> <button>Discard</button>';
      document.body.append(bar);
    }, before);
    await coversNothing(page);
    expect(await pill(page).boundingBox()).not.toEqual(before);

    // A busy page: a clock that rewrites itself every frame for 2 s. Count the checks (the e2e build keeps score).
    const probes = async () => Number(await pill(page).getAttribute('data-probes'));
    const spent = async () => Number(await pill(page).getAttribute('data-probe-ms'));
    const [p0, ms0] = [await probes(), await spent()];
    const seconds = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const clock = document.createElement('p');
          document.body.append(clock);
          const start = performance.now();
          const tick = () => {
            clock.textContent = String(performance.now());
            if (performance.now() - start < 2000) requestAnimationFrame(tick);
            else resolve((performance.now() - start) / 1000);
          };
          requestAnimationFrame(tick);
        }),
    );
    const checks = (await probes()) - p0;
    const perCheck = ((await spent()) - ms0) / Math.max(checks, 1);
    console.log(`launcher on a page changing every frame: ${(checks / seconds).toFixed(1)} checks/s, ${perCheck.toFixed(2)} ms per check`);
    expect(checks / seconds).toBeLessThanOrEqual(5.5);
    expect(checks).toBeGreaterThan(0);
    await page.close();
  });

  it('shows it can be moved, is dragged to the other edge and moved along it with Alt+arrows, announced', async () => {
    const page = await ada().context.newPage();
    await page.goto(accountUrl);
    await launcher(page).waitFor();
    await coversNothing(page);
    const box = (await pill(page).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await expect.poll(() => page.getByText('Drag to move · Alt+arrow keys').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await page.screenshot({ path: join(shots, 'hover-hint.png') });
    // The grip shows under the pointer: take the launcher by it.
    const grip = (await page.locator('.launcher .grip').boundingBox())!;
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(300, 400, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => launcher(page).getAttribute('data-side')).toBe('left');
    await page.mouse.move(700, 10);

    await launcher(page).focus();
    const bottom = () => pill(page).evaluate((el) => parseInt(el.style.bottom, 10));
    const from = await bottom();
    await page.keyboard.press('Alt+ArrowUp');
    expect(await bottom()).toBe(from + 48);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Alongside launcher' }).textContent()).toBe('Alongside launcher moved up');
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => launcher(page).getAttribute('data-side')).toBe('right');
    await page.reload();
    await launcher(page).waitFor();
    await expect.poll(() => launcher(page).getAttribute('data-side')).toBe('right');
    await page.close();
  });

  it('hides on this page from its menu (keyboard), says how it comes back, and the panel shows it again', async () => {
    const page = await ada().context.newPage();
    await page.goto(accountUrl);
    await launcher(page).focus();
    await page.keyboard.press('Shift+F10');
    await menuItem(page, 'Hide on this page').waitFor();
    expect(await seriousViolations(page, 'alongside-overlay')).toEqual([]);
    await page.screenshot({ path: join(shots, 'menu-light-1280.png') });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await pill(page).waitFor({ state: 'hidden' });
    // It names the shortcut as bound now: Firefox binds the manifest's suggested Alt+Shift+A, this Chromium
    // leaves it unbound (commands.getAll answers ""), and the toast says only the toolbar button.
    const shortcut = await ada().extensionEval(async (api) => (await api.commands.getAll()).find((c) => c.name === 'toggle-panel')?.shortcut);
    await expect.poll(() => toast(page).textContent()).toContain(shortcut ? `The toolbar button and ${shortcut} still open Alongside` : 'The toolbar button still opens Alongside');
    expect(await seriousViolations(page, 'alongside-overlay')).toEqual([]);
    await page.screenshot({ path: join(shots, 'hidden-toast.png') });

    // The toolbar button still opens the panel there (the background tells the tab, as its click does).
    await ada().extensionEval(async (api, url) => {
      const tab = (await api.tabs.query({})).find((t) => t.url === url)!;
      await api.tabs.sendMessage(tab.id!, { type: 'panel:toggle', data: null }, { frameId: 0 });
    }, page.url());
    const frame = panel(page);
    await frame.getByTestId('shortcuts-button').click();
    const entry = frame.getByTestId('hidden-launcher');
    await expect.poll(() => entry.textContent()).toContain('Northwind CRM · /accounts/1005');
    expect(await entry.textContent()).toContain('(hiding it here)');
    expect(await seriousViolations(panelFrame(page))).toEqual([]);
    await page.screenshot({ path: join(shots, 'panel-hidden-list.png') });
    await frame.getByRole('button', { name: /Show again the launcher on Northwind CRM/ }).click();
    await pill(page).waitFor();
    await frame.getByTestId('hidden-launchers-empty').waitFor();
    await page.close();
  });

  it('hides on the whole site; the options page lists it and Show again brings it back in the open tab', async () => {
    const page = await ada().context.newPage();
    await page.goto(accountUrl);
    await launcher(page).waitFor();
    await launcher(page).click({ button: 'right' });
    await menuItem(page, 'Hide on this site').click();
    await pill(page).waitFor({ state: 'hidden' });
    await page.goto(`${world().demo.origin}/accounts`);
    await page.getByRole('heading', { name: 'Accounts' }).first().waitFor();
    await expect.poll(() => pill(page).isHidden()).toBe(true);

    const options = await ada().openExtensionPage('options.html');
    const entry = options.getByTestId('hidden-launcher');
    await expect.poll(() => entry.textContent()).toContain('all of Northwind CRM');
    expect(await seriousViolations(options)).toEqual([]);
    await options.screenshot({ path: join(shots, 'options-hidden-list.png'), fullPage: true });
    await options.getByRole('button', { name: 'Show again the launcher on all of Northwind CRM' }).click();
    await options.getByTestId('hidden-launchers-empty').waitFor();
    await options.close();
    await pill(page).waitFor();
    await page.close();
  });

  it('the panel lists the shortcuts as bound, the keys it and the launcher know, and how to change them', async () => {
    const page = await ada().context.newPage();
    await page.goto(accountUrl);
    const frame = await openPanel(page);
    await frame.getByRole('button', { name: 'Shortcuts and launcher' }).click();
    // As the browser has them bound now (this Chromium leaves the manifest's suggested keys unbound: the
    // panel says "Not set" where a written-in list would claim Alt+Shift+A; Firefox binds them).
    const bound = await ada().extensionEval(async (api) =>
      (await api.commands.getAll())
        .filter((c) => c.name !== '_execute_action')
        .map((c) => `${c.shortcut || 'Not set'}${c.description}`)
        .sort(),
    );
    const commands = frame.getByTestId('commands').locator(':scope > div');
    await expect.poll(async () => (await commands.allTextContents()).sort()).toEqual(bound);
    expect(bound).toHaveLength(2);
    expect(await frame.getByTestId('shortcuts').textContent()).toContain(ada().name === 'firefox' ? 'Manage Extension Shortcuts' : 'chrome://extensions/shortcuts');
    expect(await frame.getByRole('heading', { name: 'Shortcuts and launcher' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousViolations(panelFrame(page))).toEqual([]);
    await page.close();
  });

  it('looks right in light and dark, at 400 and 1280 px (screenshots)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [400, 1280]) {
        const page = await ada().context.newPage();
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 800 });
        await page.goto(accountUrl);
        await launcher(page).waitFor();
        await coversNothing(page);
        await launcher(page).focus();
        await page.keyboard.press('Shift+F10');
        await menuItem(page, 'Hide on this page').waitFor();
        await page.screenshot({ path: join(shots, `menu-${colorScheme}-${width}.png`) });
        await page.keyboard.press('Escape');
        const frame = await openPanel(page);
        await frame.getByRole('button', { name: 'Shortcuts and launcher' }).click();
        await expect.poll(() => frame.getByTestId('commands').textContent()).toContain('Open or close the Alongside panel');
        await page.screenshot({ path: join(shots, `shortcuts-${colorScheme}-${width}.png`) });
        await page.close();
      }
    }
  });
});
