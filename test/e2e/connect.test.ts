// Connect, sign in, grant a site; the launcher counts what the page has and the panel shows it. Signing
// in again after signing out sends the browser's device token.
// Host permissions: the Chrome e2e build lists http://127.0.0.1/* (see wxt.config.ts), because headless
// Chromium cannot click the native permission prompt; the Grant click path itself runs for real. In
// Firefox the test answers the real permission doorhanger.
import { describe, expect, it } from 'vitest';
import { browserAvailable, E2E_BROWSER } from '../support/browser';
import { badgeText, closePanelWithEscape, connectAndGrant, launcher, launcherLabel, note, openPanel, PASSWORD, registeredMatches, suiteWorld } from './world';

describe.skipIf(!browserAvailable)('connect and see', () => {
  // Ada connects in the first test: what the user does in their first minute.
  const { world, ada } = suiteWorld({
    signIn: false,
    setUp: async (w) => {
      const account = `${w.demo.origin}/accounts/1001`;
      await note(w, w.ben, account, 'Check the **billing email** first. [Runbook](https://wiki.example/runbook) <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>');
      await note(w, w.ben, account, 'Merge only after finance signs off', { anchor: { selector: [{ type: 'CssSelector', value: '[data-action="merge"]' }] } });
      await note(w, w.ben, `${w.demo.origin}/accounts/:id`, 'Every account page: owners change monthly.');
      // Written as people type: one line break flows on, a blank line starts a paragraph.
      await note(w, w.ben, `${w.demo.origin}/accounts/1002`, 'Renewals go through\nthe finance desk.\n\nAsk Priya first.');
      await w.server.api.request('POST', '/questions', { token: w.ben.token, json: { pattern: account, title: 'Who approves discounts?' } });
      await w.server.api.request('POST', '/experts', { token: w.admin.token, json: { userId: w.ben.user.id, pattern: `${w.demo.origin}/accounts/*` } });
    },
  });

  it('connects, signs in and grants the site from the options page; the content script is registered for it only', async () => {
    await connectAndGrant(ada(), world(), world().ada);
    // Firefox's match patterns have no port: there the host's pattern, which the background narrows to the origin.
    const { origin, hostname } = new URL(world().demo.origin);
    expect(await registeredMatches(ada())).toEqual([E2E_BROWSER === 'firefox' ? `http://${hostname}/*` : `${origin}/*`]);
  });

  it('shows the launcher with the page counts, and the same on the badge', async () => {
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/accounts/1001?session=secret&tab=open`);
    await launcherLabel(page, /2 notes, 1 tip, 1 open question/);
    expect(await badgeText(ada(), page.url())).toBe('4');
    // Only the page key went to the API: the site keeps `tab`, so the session parameter was stripped.
    const contextCalls = world().server.requests('/context');
    expect(contextCalls.length).toBeGreaterThan(0);
    for (const call of contextCalls) expect(decodeURIComponent(call.path)).toBe(`/api/v1/context?url=${world().demo.origin}/accounts/1001?tab=open`);
    await page.close();
  });

  it('opens the panel with notes (markdown rendered and sanitized), the tip marked, questions and experts', async () => {
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/accounts/1001`);
    const frame = await openPanel(page);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Account');
    // Focus moves into the panel, to its heading.
    await expect.poll(() => frame.locator('h1').evaluate((h) => document.activeElement === h && document.hasFocus())).toBe(true);
    const notes = frame.locator('article.card');
    await expect.poll(() => notes.count()).toBe(3);
    await expect.poll(() => frame.locator('.markdown strong').first().textContent()).toBe('billing email');
    const link = frame.getByRole('link', { name: 'Runbook' });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await frame.locator('.markdown img, .markdown script').count()).toBe(0);
    expect(await frame.locator('.tag.tip').count()).toBe(1);

    await frame.getByRole('tab', { name: /Questions/ }).click();
    await frame.getByText('Who approves discounts?').waitFor();
    await frame.getByRole('tab', { name: /Experts/ }).click();
    await frame.locator('.expert', { hasText: 'Ben Okafor' }).waitFor();

    // Escape closes the panel and gives focus back to the launcher.
    await closePanelWithEscape(page);
    expect(await launcher(page).evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('lets a note flow as markdown does: a single line break is a space, a blank line a new paragraph', async () => {
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/accounts/1002`);
    const frame = await openPanel(page);
    const body = frame.locator('article.card .markdown', { hasText: 'Renewals go through' });
    await body.waitFor();
    expect(await body.locator('br').count()).toBe(0);
    expect(await body.locator('p').allTextContents()).toEqual(['Renewals go through\nthe finance desk.', 'Ask Priya first.']);
    await page.close();
  });

  it('toggles the panel with the shortcut’s message from the background (manifest command Alt+Shift+A)', async () => {
    // Headless Chromium cannot press browser-level shortcuts; this sends what the command handler sends.
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/accounts/1001`);
    await launcher(page).waitFor();
    const toggle = () =>
      ada().extensionEval(async (api, url) => {
        const tab = (await api.tabs.query({})).find((t) => t.url === url);
        await api.tabs.sendMessage(tab!.id!, { type: 'panel:toggle', data: null }, { frameId: 0 });
      }, page.url());
    await toggle();
    await page.locator('[data-testid="alongside-panel"]').waitFor();
    await toggle();
    await page.locator('[data-testid="alongside-panel"]').waitFor({ state: 'detached' });
    await page.close();
  });

  it('"ask an expert" names who will see the question before it is sent', async () => {
    const page = await ada().context.newPage();
    await page.goto(`${world().demo.origin}/accounts/1001`);
    const frame = await openPanel(page);
    await frame.getByRole('tab', { name: /Experts/ }).click();
    await frame.getByRole('button', { name: 'Ask an expert' }).click();
    expect(await frame.getByTestId('expert-recipients').textContent()).toMatch(/^Goes to Ben Okafor; unanswered, it goes on/);
    await frame.getByLabel('Question', { exact: true }).fill('Can we extend the trial?');
    await frame.getByRole('button', { name: 'Ask the experts' }).click();
    await frame.getByRole('button', { name: 'Can we extend the trial?' }).waitFor();
    await launcherLabel(page, /2 open questions/);
    await page.close();
  });

  it('signing out keeps the browser’s device token: signing in again sends it, and the server knows it', async () => {
    const options = await ada().openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByLabel('Email').fill(world().ada.user.email);
    await options.getByLabel('Password').fill(PASSWORD);
    const signingIn = options.waitForRequest((r) => r.url().endsWith('/api/v1/auth/signin'));
    await options.getByRole('button', { name: 'Sign in' }).click();
    const request = await signingIn;
    const device = (request.postDataJSON() as { device?: string }).device;
    expect(device).toMatch(/^ald_/); // from the first sign-in, in the first test
    // A token the server did not know for Ada would be answered with a new one.
    expect(((await (await request.response())!.json()) as { device: string }).device).toBe(device);
    await options.getByRole('button', { name: 'Turn off Northwind CRM' }).waitFor();
    await options.close();
  });
});
