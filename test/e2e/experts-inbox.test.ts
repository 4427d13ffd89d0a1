// The Experts tab, "Ask <name>" and the inbox, as a demanding user saw them (issue #12, part B), in the real
// panel: experts named by the app's screens with their initials and a way to ask each; an asked question's
// row says whom it went to; answers to one question arrive as one inbox entry naming who answered, and
// opening it marks them all read. axe-core, and screenshots light and dark at 400 and 1280 px in
// $TMPDIR/alongside-screens/ux-b/.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import type { Page } from '../support/driver';
import { must } from '../support/org-fixture';
import { seriousViolations } from './axe';
import { openPanel, panelFrame, suiteWorld } from './world';

const SHOTS = screensDir('experts-inbox');

async function panelShot(page: Page, name: string): Promise<void> {
  const box = (await page.locator('[data-testid="alongside-panel"]').boundingBox())!;
  await page.screenshot({ path: join(SHOTS, `${name}.png`), clip: box });
}

describe.skipIf(!browserAvailable)('experts, whom a question went to, and the grouped inbox', () => {
  let url: string;
  const { world, ada } = suiteWorld({
    setUp: async (w) => {
      url = `${w.demo.origin}/accounts/1003`;
      // Admin and Ben answer for the Account screen (listed by name: Admin first).
      for (const who of [w.ben, w.admin]) {
        await must(w.server.api.request('POST', '/experts', { token: w.admin.token, json: { userId: who.user.id, pattern: `${w.demo.origin}/accounts/:id` } }));
      }
    },
  });
  const api = () => world().server.api;

  it('lists the experts by screen with their initials, and "Ask Ben" names him first among whom it goes to; its row says whom it went to', async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    const frame = await openPanel(page);
    await frame.getByRole('tab', { name: /Experts/ }).click();
    const ben = frame.getByTestId('expert').filter({ hasText: 'Ben Okafor' });
    expect(await frame.getByTestId('expert').locator('.author').allTextContents()).toEqual(['Admin', 'Ben Okafor']);
    expect(await ben.locator('.avatar').textContent()).toBe('BO');
    expect(await ben.textContent()).toContain('Expert for Account');
    expect(await frame.getByTestId('expert').allTextContents()).not.toContainEqual(expect.stringContaining('http'));
    expect(await seriousViolations(panelFrame(page))).toEqual([]);

    await ben.getByRole('button', { name: 'Ask Ben Okafor' }).click();
    expect(await frame.getByTestId('expert-recipients').textContent()).toMatch(/^Goes to Ben Okafor, Admin;/);
    await frame.getByLabel('Question', { exact: true }).fill('How do I refund a duplicate invoice?');
    await frame.getByRole('button', { name: 'Ask the experts' }).click();
    const card = frame.locator('[data-testid="question"]', { hasText: 'How do I refund a duplicate invoice?' });
    await expect.poll(() => card.getByTestId('routed-to').textContent()).toBe('Sent to Admin, Ben Okafor');
    for (const who of [world().ben, world().admin]) {
      const inbox = await must(api().request('GET', '/inbox?unread=true', { token: who.token }));
      expect(inbox.items.map((i: any) => [i.kind, i.question?.title, i.actor?.name])).toEqual([['question_routed', 'How do I refund a duplicate invoice?', 'Ada Lovelace']]);
    }
    await panelShot(page, 'question-row-light-1280');
    expect(await seriousViolations(panelFrame(page))).toEqual([]);
    await page.close();
  });

  it('shows three answers to one question as one entry naming who answered; opening it marks all three read', async () => {
    const asked = (await must(api().request('GET', `/context?url=${encodeURIComponent(url)}`, { token: world().ada.token }))).questions[0];
    for (const [who, body] of [[world().ben, 'Use *Credit note*.'], [world().admin, 'Finance approves it.'], [world().ben, 'Then void the duplicate.']] as const) {
      await must(api().request('POST', `/questions/${asked.id}/answers`, { token: who.token, json: { body } }));
    }
    const page = await ada().context.newPage();
    await page.goto(url);
    const frame = await openPanel(page);
    await frame.getByRole('button', { name: 'Inbox, 3 unread' }).click();
    const entries = frame.getByTestId('inbox-item');
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().textContent()).toMatch(/^Unread: 3 new answers · Ben Okafor and Admin“How do I refund a duplicate invoice\?”\/accounts\/1003 · /);
    expect(await seriousViolations(panelFrame(page))).toEqual([]);
    await panelShot(page, 'inbox-unread-light-1280');

    await entries.first().getByRole('button').click(); // on this page: opens the question in the panel
    const title = frame.getByRole('button', { name: 'How do I refund a duplicate invoice?' });
    await expect.poll(() => title.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await must(api().request('GET', '/inbox?unread=true', { token: world().ada.token }))).unread).toBe(0);
    await expect.poll(() => frame.getByTestId('inbox-button').getAttribute('aria-label')).toBe('Inbox');
    await page.close();
  });

  it('looks right light and dark, at 400 and 1280 px', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [400, 1280]) {
        const page = await ada().context.newPage();
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 800 });
        await page.goto(url);
        const frame = await openPanel(page);
        await frame.getByRole('tab', { name: /Experts/ }).click();
        await frame.getByTestId('expert').first().waitFor();
        await panelShot(page, `experts-${colorScheme}-${width}`);
        await frame.getByRole('tab', { name: /Questions/ }).click();
        await frame.getByRole('button', { name: 'How do I refund a duplicate invoice?' }).click();
        await frame.getByTestId('answer').first().waitFor();
        await panelShot(page, `question-sent-to-${colorScheme}-${width}`);
        await frame.getByTestId('inbox-button').click();
        await frame.getByTestId('inbox-item').first().waitFor();
        expect(await seriousViolations(panelFrame(page))).toEqual([]);
        await panelShot(page, `inbox-${colorScheme}-${width}`);
        await page.close();
      }
    }
  });
});
