// Nothing lost: a draft survives closing the panel, navigating and a service-worker restart; a post or
// a reply made while the API is down waits in the outbox, visibly, and is sent once when it is back.
// Offline and an expired session each show their state and the way out.
import type { Page } from '../support/driver';
import { describe, expect, it } from 'vitest';
import { browserAvailable, stopBackground } from '../support/browser';
import { must } from '../support/org-fixture';
import { closePanelWithEscape, launcher, PASSWORD, launcherLabel, note, openPanel, panel, suiteWorld } from './world';

const marker = (page: Page) => page.locator('[data-testid="alongside-tip-marker"]');

describe.skipIf(!browserAvailable)('nothing lost', () => {
  let url: string;
  const { world, ada } = suiteWorld({ setUp: (w) => (url = `${w.demo.origin}/accounts/1004`) });

  const noteBox = () => ({ name: 'Note', exact: true }) as const;
  /** The bodies of the note drafts in the extension's storage. */
  const savedDraftBodies = async () =>
    ada().extensionEval(async (api) => {
      const items = await api.storage.local.get(null);
      return Object.entries(items).flatMap(([key, draft]) => (key.startsWith('draft:note:') ? [(draft as { body: string }).body] : []));
    });

  it('keeps a draft across closing the panel, navigating away and back, and a worker restart', async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    let frame = await openPanel(page);
    await frame.getByRole('button', { name: 'Add note' }).click();
    await frame.getByRole('textbox', noteBox()).fill('Draft: the VAT id is on the second page');
    // Autosave is debounced: closing before it ran would lose the draft, as it would for a person.
    await expect.poll(() => savedDraftBodies()).toContain('Draft: the VAT id is on the second page');
    await closePanelWithEscape(page);

    frame = await openPanel(page);
    await expect.poll(() => frame.getByRole('textbox', noteBox()).inputValue()).toBe('Draft: the VAT id is on the second page');
    await closePanelWithEscape(page);

    await page.locator('a[href="/accounts/1004/orders"]').first().click();
    await launcherLabel(page, /0 notes/);
    await page.goBack();
    await stopBackground(ada());
    frame = await openPanel(page);
    await expect.poll(() => frame.getByRole('textbox', noteBox()).inputValue()).toBe('Draft: the VAT id is on the second page');
    await page.close();
  });

  it('queues a post while the API is down, shows it pending across a worker restart, sends it once when back', async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    const frame = await openPanel(page);
    await world().server.stop();

    await frame.getByRole('textbox', noteBox()).fill('Posted while the server was down');
    await frame.getByRole('button', { name: 'Post note' }).click();
    const pending = frame.locator('[data-testid="pending-item"]');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('Pending — will be sent when the server is back');

    await stopBackground(ada());
    await page.reload();
    const again = await openPanel(page);
    await again.locator('[data-problem="unreachable"]').waitFor();
    await again.locator('[data-testid="pending-item"]', { hasText: 'Posted while the server was down' }).waitFor();

    await world().server.start();
    await again.getByRole('button', { name: 'Try again' }).click();
    await again.locator('article.card', { hasText: 'Posted while the server was down' }).waitFor();
    expect(await again.locator('[data-testid="pending-item"]').count()).toBe(0);
    expect(world().server.log.filter((r) => r.method === 'POST' && r.path === '/api/v1/notes')).toHaveLength(1);
    await page.close();
  });

  it('queues a reply while the API is down: it waits in the tip’s discussion across a worker restart, sent once on reopening', async () => {
    const tipPage = `${world().demo.origin}/accounts/1005`;
    const tip = await note(world(), world().ben, tipPage, 'Merging is final.', { anchor: { selector: [{ type: 'CssSelector', value: '[data-action="merge"]' }] } });
    const page = await ada().context.newPage();
    await page.goto(tipPage);
    await marker(page).click();
    const frame = panel(page);
    await frame.getByText('No replies yet.').waitFor();
    await world().server.stop();

    await frame.getByRole('textbox', { name: 'Your reply' }).fill('Replied while the server was down');
    await frame.getByRole('button', { name: 'Reply', exact: true }).click();
    const waiting = frame.getByRole('region', { name: 'Replies waiting to be sent' }).locator('[data-testid="pending-item"]');
    await waiting.filter({ hasText: 'Pending — will be sent when the server is back' }).waitFor();
    expect(await waiting.textContent()).toContain('Reply: Replied while the server was down');
    await stopBackground(ada());

    await world().server.start();
    await closePanelWithEscape(page);
    await marker(page).click(); // reopening the panel has the new worker send what waits in storage
    await frame.locator('[data-testid="reply"]', { hasText: 'Replied while the server was down' }).waitFor();
    expect(await frame.locator('[data-testid="pending-item"]').count()).toBe(0);
    expect(world().server.log.filter((r) => r.method === 'POST' && r.path === `/api/v1/notes/${tip.id}/replies`)).toHaveLength(1);
    await page.close();
  });

  it('shows the offline state with a way back', async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    await launcherLabel(page, /1 note/);
    await ada().context.setOffline(true);
    const frame = await openPanel(page);
    await frame.locator('[data-problem="offline"]').waitFor();
    expect(await frame.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    // Back online, the panel reloads by itself.
    await ada().context.setOffline(false);
    await frame.locator('article.card').first().waitFor();
    await page.close();
  });

  it('shows "Access was turned off" when the browser no longer lets it reach the server', async () => {
    // The e2e build holds 127.0.0.1 as a required permission, which cannot be revoked; the same server
    // under the name localhost is an origin the extension holds no permission for, which is what a
    // revoked permission leaves.
    const local = `http://localhost:${new URL(world().server.origin).port}`;
    const setServer = (serverUrl: string) =>
      ada().extensionEval(async (api, url) => {
        const { session } = await api.storage.local.get('session');
        await api.storage.local.set({ session: { ...(session as object), serverUrl: url } });
      }, serverUrl);
    await setServer(local);
    try {
      const page = await ada().context.newPage();
      await page.goto(url);
      await expect.poll(() => launcher(page).getAttribute('data-state')).toBe('problem');
      const frame = await openPanel(page);
      await frame.locator('[data-problem="permission-revoked"]').waitFor();
      await frame.getByText('Access was turned off').waitFor();
      await frame.getByRole('button', { name: 'Open settings' }).waitFor();
      await page.close();
    } finally {
      await setServer(world().server.origin);
    }
  });

  it('shows an expired session with "Sign in again", which leads to the options page', async () => {
    // The server ends every session of Ada's (as when it expires).
    const sessions = await must(world().server.api.request('GET', '/auth/sessions', { token: world().ada.token }));
    const me = world().ada.token;
    for (const s of sessions as Array<{ id: string; current: boolean }>) {
      if (!s.current) await must(world().server.api.request('DELETE', `/auth/sessions/${s.id}`, { token: me }));
    }
    const page = await ada().context.newPage();
    await page.goto(url);
    await expect.poll(() => launcher(page).getAttribute('data-state')).toBe('problem');
    const frame = await openPanel(page);
    await frame.locator('[data-problem="expired"]').waitFor();
    const optionsOpened = ada().context.waitForEvent('page', (p) => p.url().endsWith('/options.html'));
    await frame.getByRole('button', { name: 'Sign in again' }).click();
    const options = await optionsOpened;
    await options.getByText('Your session has ended').waitFor();
    await options.getByRole('button', { name: 'Sign in' }).waitFor();
    // The options page dropped the dead session; the panel follows: signed out, with the way in.
    await panel(page).locator('[data-problem="signed-out"]').waitFor();
    // Signing in again brings the panel and the launcher back without reloading the page.
    await options.getByLabel('Email').fill(world().ada.user.email);
    await options.getByLabel('Password').fill(PASSWORD);
    await options.getByRole('button', { name: 'Sign in' }).click();
    await panel(page).locator('article.card').first().waitFor();
    await expect.poll(() => launcher(page).getAttribute('data-state')).toBe('ready');
    await page.close();
  });
});
