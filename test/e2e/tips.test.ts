// Tips pinned to page elements, in the browser: Ada pins one in pin mode (mouse and keyboard), its
// marker follows the element through a reload and the app's next release, a removed element lists
// the tip as not found (reported to the API) and re-pinning it works; Ben, in her team, sees the
// marker (which says only "Tip": what a tip says is read in the panel), opens it and replies in its discussion. Screenshots of pin mode, a
// marker with its tooltip and the not-found list (light and dark) land in screensDir('tips').
import type { Page } from '../support/driver';
import { describe, expect, it } from 'vitest';
import { browserAvailable, E2E_BROWSER, screensDir } from '../support/browser';
import { must } from '../support/org-fixture';
import { seriousViolations } from './axe';
import { expectMarkerOn, hint, marker, pinLabel, startPinModeFromPanel } from './pinning';
import { launcher, openPanel, panel, panelFrame, suiteWorld } from './world';

const SHOTS = screensDir('tips');

describe.skipIf(!browserAvailable)('tips pinned to page elements', () => {
  let url: string;
  const { world, ada, ben } = suiteWorld({ people: ['ada', 'ben'], setUp: (w) => (url = `${w.demo.origin}/accounts/1002`) });
  let tipId: string;

  it('a page without tips does not load the tip layer', async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    await launcher(page).waitFor();
    await expect.poll(() => launcher(page).getAttribute('data-state')).toBe('ready');
    await page.waitForTimeout(500);
    expect(await page.locator('.tip-layer').count()).toBe(0);
    await page.close();
  });

  it('Ada picks a button in pin mode by mouse (the app never sees the click), writes a tip and posts it; the marker appears', async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    await startPinModeFromPanel(page);
    await expect.poll(() => hint(page).locator('[role="status"]').textContent()).toContain('click an element');

    const merge = page.locator('[data-action="merge"]');
    await merge.hover();
    await expect.poll(() => pinLabel(page).textContent()).toBe('button “Merge account”');
    await page.screenshot({ path: `${SHOTS}/pin-mode.png` });
    await merge.click();
    expect(await page.locator('#nw-modal').isHidden()).toBe(true); // the app's merge dialog did not open
    await hint(page).waitFor({ state: 'detached' });

    const frame = panel(page);
    const composer = frame.getByRole('form', { name: 'New tip' });
    await composer.waitFor();
    expect(await composer.locator('.attached').textContent()).toContain('button “Merge account”');
    await frame.getByRole('textbox', { name: 'Tip' }).fill('Merging is **final**: check open invoices first.');
    await frame.getByLabel('Applies to').selectOption({ label: 'Every “Account” page' });
    await frame.getByLabel('Visible to').selectOption({ label: 'Team: Support' });
    expect(await seriousViolations(panelFrame(page))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/tip-composer.png` });
    await frame.getByRole('button', { name: 'Post tip' }).click();
    await composer.waitFor({ state: 'detached' });

    await expectMarkerOn(page, merge);
    const ctx = await must(world().server.api.request('GET', `/context?url=${encodeURIComponent(url)}`, { token: world().ada.token }));
    const tip = ctx.notes.find((n: { anchor: unknown }) => n.anchor);
    tipId = tip.id;
    expect(tip.pattern).toBe(`${world().demo.origin}/accounts/:id`);
    expect(tip.visibility).toBe('team');
    // Found on this page view: reported once.
    await expect.poll(() => world().server.requests(`/notes/${tipId}/anchor-reports`).length).toBe(1);
    await page.close();
  });

  it('the marker is still on the button after a reload and after the next release (hashed classes, a wrapper, a new order)', async () => {
    const page = await ada().context.newPage();
    // Counted for a page no other test opens: the previous test's panel may still be answered meanwhile.
    const view = `${world().demo.origin}/accounts/1004`;
    const contextRequests = () => world().server.requests(`/context?url=${encodeURIComponent(view)}`).length;
    const before = contextRequests();
    await page.goto(view);
    const merge = page.locator('[data-action="merge"]');
    await expectMarkerOn(page, merge);
    await page.reload();
    await expectMarkerOn(page, merge);
    // One context request a page view: the markers' tips come from the one that brought the counts.
    expect(contextRequests()).toBe(before + 2);
    // Hidden element, hidden marker; shown again, the marker comes back.
    await merge.evaluate((el) => ((el as HTMLElement).style.display = 'none'));
    await marker(page).waitFor({ state: 'hidden' });
    await merge.evaluate((el) => ((el as HTMLElement).style.display = ''));
    await expectMarkerOn(page, merge);

    await page.evaluate(() => (window as unknown as { __northwind: { release(n: string): void } }).__northwind.release('next'));
    await page.locator('.Toolbar_group__Qw7e2 [data-action="merge"]').waitFor();
    await expectMarkerOn(page, merge);
    expect(await marker(page).getAttribute('data-outcome')).toBe('found');
    await page.evaluate(() => (window as unknown as { __northwind: { release(n: string): void } }).__northwind.release('current'));
    // In-app navigation: the accounts list has no tip; another account (the tip's scope is every Account page) has it.
    await page.locator('.nw-crumbs a', { hasText: 'Accounts' }).click();
    await page.waitForURL(/\/accounts$/);
    await marker(page).waitFor({ state: 'detached' });
    await page.locator('a[href="/accounts/1003"]').first().click();
    await page.waitForURL(/\/accounts\/1003(\?|$)/);
    await expectMarkerOn(page, page.locator('[data-action="merge"]'));
    await page.close();
  });

  it('Ben (same team) sees the marker; hover and focus say "Tip" (its text is in the panel only); a click opens its discussion, where he replies', async () => {
    const page = await ben().context.newPage();
    await page.goto(url);
    await expectMarkerOn(page, page.locator('[data-action="merge"]'));
    const tooltip = page.locator('[role="tooltip"]');
    expect(await tooltip.isHidden()).toBe(true);

    await marker(page).hover();
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toBe('TipClick to read it in the panel');
    await page.screenshot({ path: `${SHOTS}/marker-tooltip.png` });
    await page.mouse.move(5, 400);
    await tooltip.waitFor({ state: 'hidden' });
    await marker(page).focus();
    await tooltip.waitFor();
    expect(await marker(page).getAttribute('aria-label')).toBe('Tip. Read it in the panel');

    await marker(page).click();
    const frame = panel(page);
    await frame.locator('[data-testid="tip-detail"]').waitFor();
    await frame.getByText('No replies yet.').waitFor();
    await frame.getByRole('textbox', { name: 'Your reply' }).fill('Also check **credits**.');
    await frame.getByRole('button', { name: 'Reply', exact: true }).click();
    await frame.locator('[data-testid="reply"]', { hasText: 'Also check credits.' }).waitFor();
    // Ada answers elsewhere: her reply shows in Ben's open discussion without a reload.
    await must(world().server.api.request('POST', `/notes/${tipId}/replies`, { token: world().ada.token, json: { body: 'Good point, thanks.' } }));
    await frame.locator('[data-testid="reply"]', { hasText: 'Good point, thanks.' }).waitFor();
    expect(await seriousViolations(panelFrame(page))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/tip-discussion.png` });

    // In-app navigation while the discussion shows: the panel shows the new page's notes, and coming
    // back, this page's list (the tip's discussion was of the old page view).
    await page.locator('.nw-crumbs a', { hasText: 'Accounts' }).click();
    await page.waitForURL(/\/accounts$/);
    await frame.getByText('No notes here yet: be the first').waitFor();
    expect(await frame.locator('[data-testid="tip-detail"]').count()).toBe(0);
    await page.goBack();
    await frame.locator('article.card', { hasText: 'Merging is final' }).waitFor();
    expect(await frame.locator('[data-testid="tip-detail"]').count()).toBe(0);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await marker(page).hover();
    await tooltip.waitFor();
    await page.screenshot({ path: `${SHOTS}/marker-tooltip-dark.png` });
    await page.close();
  });

  it('a removed element lists the tip as not found (reported once: with two colleagues it flags the tip); re-pin moves it', async () => {
    // Two colleagues' browsers (in the team: the tip is shared with it) already failed to find it; Ada's makes three people.
    const carol = await world().server.api.signUp('Carol Reyes');
    await must(world().server.api.request('POST', `/teams/${world().teamId}/members`, { token: world().admin.token, json: { userId: carol.user.id } }));
    for (const who of [world().ben, carol]) {
      await must(world().server.api.request('POST', `/notes/${tipId}/anchor-reports`, { token: who.token, json: { found: false, confidence: 0 } }));
    }
    const reportsBefore = world().server.requests(`/notes/${tipId}/anchor-reports`).length;

    const page = await ada().context.newPage();
    await page.goto(url);
    await marker(page).waitFor();
    await page.evaluate(() => document.querySelector('[data-action="merge"]')!.remove());
    await marker(page).waitFor({ state: 'detached' });
    // Found at load, then gone: this page view already reported it, so nothing more is sent.
    await page.reload();
    await marker(page).waitFor();
    await page.evaluate(() => document.querySelector('[data-action="merge"]')!.remove());
    await marker(page).waitFor({ state: 'detached' });
    await page.waitForTimeout(3500); // past the time a page gets to draw a tip's element
    await expect.poll(() => world().server.requests(`/notes/${tipId}/anchor-reports`).length, { timeout: 10_000 }).toBe(reportsBefore + 2);

    // A fresh page view where the element never shows: reported as not found once the page settled.
    await page.route(`${world().demo.origin}/app.js`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text())
        .replace('<button type="button" class="nw-btn nw-btn--danger" data-action="merge">Merge account</button>', '')
        .replace(`view.querySelector('[data-action="merge"]').addEventListener`, `view.querySelector('[data-action="merge"]')?.addEventListener`);
      await route.fulfill({ status: response.status(), contentType: response.headers()['content-type'], body });
    });
    await page.reload();
    await expect
      .poll(async () => (await must(world().server.api.request('GET', `/notes/${tipId}`, { token: world().ada.token }))).possiblyOutdated, { timeout: 15_000 })
      .toBe(true);
    await expect.poll(() => world().server.requests(`/notes/${tipId}/anchor-reports`).length).toBe(reportsBefore + 3);

    const frame = await openPanel(page);
    const missing = frame.locator('[data-testid="tips-not-found"]');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('button “Merge account”');
    expect(await missing.textContent()).toContain('Possibly outdated');
    await missing.getByRole('button', { name: 'Verify' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/not-found.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/not-found-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });

    await missing.getByRole('button', { name: 'Re-pin' }).click();
    await hint(page).waitFor();
    const invoice = page.locator('[data-testid="send-invoice"]');
    await invoice.click();
    expect(await page.locator('#nw-toast').textContent()).not.toContain('Invoice sent');
    const confirm = panel(page).getByRole('region', { name: 'Re-pin this tip?' });
    await confirm.waitFor();
    expect(await confirm.locator('.attached').textContent()).toContain('button “Send invoice”');
    await confirm.getByRole('button', { name: 'Pin here' }).click();
    await expectMarkerOn(page, invoice);
    await panel(page).locator('[data-testid="tips-not-found"]').waitFor({ state: 'detached' });
    expect((await must(world().server.api.request('GET', `/notes/${tipId}`, { token: world().ada.token }))).possiblyOutdated).toBe(false);
    await page.close();
  });

  it('keyboard: Tab moves the outline, Enter picks, and the app hears none of it; Escape leaves pin mode', async () => {
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/accounts/1004`);
    const frame = await openPanel(page);
    await frame.getByRole('button', { name: 'Pin a tip' }).focus();
    await page.keyboard.press('Enter');
    await hint(page).waitFor();
    const keysBefore = await page.evaluate(() => (window as unknown as { __northwind: { keyLog: unknown[] } }).__northwind.keyLog.length);

    let label = '';
    for (let i = 0; i < 80 && label !== 'button “Merge account”'; i++) {
      await page.keyboard.press('Tab');
      label = (await pinLabel(page).textContent()) ?? '';
    }
    expect(label).toBe('button “Merge account”');
    // ArrowUp: the enclosing element; Tab: the first stop after it; Shift+Tab back, twice, to the button.
    await page.keyboard.press('ArrowUp');
    expect(await pinLabel(page).textContent()).toMatch(/^element “Save Send invoice Merge account/);
    await page.keyboard.press('Tab');
    expect(await pinLabel(page).textContent()).toBe('link “Overview”');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await pinLabel(page).textContent()).toBe('button “Merge account”');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/pin-mode-dark.png` });
    await page.keyboard.press('Enter');
    await panel(page).getByRole('form', { name: 'New tip' }).waitFor();
    expect(await panel(page).locator('.attached').textContent()).toContain('button “Merge account”');
    expect(await page.locator('#nw-modal').isHidden()).toBe(true);
    const heard = await page.evaluate((n) => (window as unknown as { __northwind: { keyLog: Array<{ key: string }> } }).__northwind.keyLog.slice(n), keysBefore);
    expect(heard.filter((k) => ['Tab', 'Enter', 'ArrowUp'].includes(k.key))).toEqual([]); // neither keydown nor keyup
    await panel(page).getByRole('button', { name: 'Cancel' }).click();
    await panel(page).getByRole('form', { name: 'New tip' }).waitFor({ state: 'detached' });

    await panel(page).getByRole('button', { name: 'Pin a tip' }).click();
    await hint(page).waitFor();
    await page.keyboard.press('Escape');
    await hint(page).waitFor({ state: 'detached' });
    expect(await page.locator('.pin-outline').count()).toBe(0);
    expect(await launcher(page).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);

    // A pick, then in-app navigation: the composer was for the old page; the new page's notes show.
    await startPinModeFromPanel(page);
    await page.locator('[data-action="merge"]').click();
    await panel(page).getByRole('form', { name: 'New tip' }).waitFor();
    await page.locator('.nw-crumbs a', { hasText: 'Accounts' }).click();
    await page.waitForURL(/\/accounts$/);
    await panel(page).getByText('No notes here yet: be the first').waitFor();
    await page.goBack();
    await panel(page).getByRole('button', { name: 'Pin a tip' }).waitFor();
    expect(await panel(page).getByRole('form', { name: 'New tip' }).count()).toBe(0);
    await page.close();
  });

  it('a marker follows its element scrolled inside a container and the window resized, and hides when it is scrolled away', async () => {
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/reports`);
    await expect.poll(() => launcher(page).getAttribute('data-state')).toBe('ready');
    // A scrolling list, as many apps have, placed by the viewport's width.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'scroller';
      box.style.cssText = 'position:fixed;left:40vw;top:180px;width:320px;height:160px;overflow:auto;background:#fff;z-index:5';
      for (let i = 1; i <= 12; i++) {
        const row = document.createElement('div');
        row.style.cssText = 'height:40px;display:flex;align-items:center;gap:8px;padding:0 8px';
        row.textContent = `Order SO-${i}`;
        if (i === 3) {
          const refund = document.createElement('button');
          refund.id = 'refund-order-3';
          refund.textContent = 'Refund';
          row.append(refund);
        }
        box.append(row);
      }
      document.body.append(box);
    });
    const refund = page.locator('#refund-order-3');
    const scroller = page.locator('#scroller');
    await startPinModeFromPanel(page);
    await refund.click();
    await panel(page).getByRole('textbox', { name: 'Tip' }).fill('Refunds over 1,000 need a manager.');
    await panel(page).getByRole('button', { name: 'Post tip' }).click();
    await expectMarkerOn(page, refund);

    await scroller.evaluate((el) => (el.scrollTop = 50));
    await expectMarkerOn(page, refund);
    await scroller.evaluate((el) => (el.scrollTop = 400));
    await marker(page).waitFor({ state: 'hidden' });
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await expectMarkerOn(page, refund);
    await page.setViewportSize({ width: 1000, height: 700 });
    await expectMarkerOn(page, refund);
    await page.close();
  });
});
