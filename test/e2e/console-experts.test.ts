// The console's Experts page, as an admin uses it: screens without an expert flagged (and filtered), an
// expert assigned from a pasted page address (the screen, the page or everything under it, never typed
// pattern syntax), a volunteer seeded over HTTP approved and another declined, an expert removed after
// confirming; each checked through the API. axe-core; light and dark at 1280 and 390 px.
import { join } from 'node:path';
import type { SessionPage as Page } from '../support/driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import { startConsole, type Console } from '../support/console';
import { seriousViolations } from './axe';
import { seedOrg, SITE, type ConsoleOrg } from './console-org';

const SHOTS = screensDir('console');

interface Expert {
  id: string;
  user: { id: string; name: string };
  pattern: string;
  status: string;
}

describe.skipIf(!browserAvailable)('the web console: experts', () => {
  let console_: Console;
  let org: ConsoleOrg;
  beforeAll(async () => {
    console_ = await startConsole();
    org = await seedOrg(console_.server.origin);
    // A pattern that holds a note but has no screen: it shows among the app's patterns.
    await org.call('POST', '/notes', org.ben, { pattern: `${SITE}/settings/*`, body: 'Settings are per team' });
  });
  afterAll(() => console_?.close());

  const shoot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const experts = (): Promise<Expert[]> => org.call('GET', '/experts', org.ada);
  const row = (page: Page, text: string) => page.getByTestId('coverage-row').filter({ hasText: text });

  it('flags the screens and patterns without an expert, and filters them', async () => {
    await org.call('POST', '/experts', org.ada, { userId: org.dan.user.id, pattern: `${SITE}/settings/*` });
    const page = await console_.signedIn('ada@corp.example', '/experts');
    await page.getByRole('heading', { name: 'CRM', level: 2 }).waitFor();
    await row(page, 'Account').waitFor();
    expect(await row(page, 'Account').getAttribute('data-missing')).toBe('true');
    expect(await row(page, 'Account').textContent()).toContain('No expert yet');
    expect(await row(page, '/settings/*').textContent()).toContain('Dan');
    expect(await row(page, '/settings/*').getAttribute('data-missing')).toBeNull();
    // Those with nobody first.
    const names = await page.getByTestId('coverage-row').locator('th').allTextContents();
    expect(names.map((n) => n.replace(/\s+/g, ' '))).toEqual(['Account/accounts/:id', 'Report/reports/:id', 'Pattern/settings/*']);
    expect(await page.getByRole('status').filter({ hasText: '2 of 3 without an expert.' }).count()).toBe(1);
    await page.getByLabel('Only those without an expert').check();
    await expect.poll(() => page.getByTestId('coverage-row').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('assigns a person from a pasted page address: this screen, this exact page or everything under it', async () => {
    const page = await console_.signedIn('ada@corp.example', '/experts');
    await row(page, 'Account').waitFor();
    await page.getByRole('button', { name: 'Assign an expert' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign an expert' });
    await dialog.getByLabel('Page address').fill('https://crm.elsewhere.example/x');
    await dialog.getByRole('button', { name: 'Find the page' }).click();
    await dialog.getByText('This address is on no registered app').waitFor();
    await dialog.getByLabel('Page address').fill(`${SITE}/accounts/42?tab=orders&utm=mail`);
    await dialog.getByRole('button', { name: 'Find the page' }).click();
    const screen = dialog.getByRole('radio', { name: /This screen: Account/ });
    await screen.waitFor();
    expect(await screen.isChecked()).toBe(true);
    const pattern = dialog.getByLabel('Pattern');
    expect(await pattern.inputValue()).toBe(`${SITE}/accounts/:id`);
    await dialog.getByRole('radio', { name: /This exact page/ }).check();
    expect(await pattern.inputValue()).toBe(`${SITE}/accounts/42?tab=orders`); // the page key: utm is not part of the page
    await dialog.getByRole('radio', { name: /Everything under \/accounts\/42/ }).check();
    expect(await pattern.inputValue()).toBe(`${SITE}/accounts/42/*?`);
    await screen.check();
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await dialog.getByText('Choose a person first.').waitFor();
    await dialog.getByLabel('Person').fill('ben');
    await dialog.getByRole('radio', { name: /Ben/ }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'experts-assign-light-1280');
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await page.getByRole('status').filter({ hasText: `Ben is now an expert for ${SITE}/accounts/:id.` }).waitFor();
    await expect.poll(() => row(page, 'Account').textContent()).toContain('Ben');
    expect(await row(page, 'Account').getAttribute('data-missing')).toBeNull();
    expect((await experts()).find((e) => e.user.id === org.ben.user.id)).toMatchObject({ pattern: `${SITE}/accounts/:id`, status: 'active' });
    // Assigning him again says why not, in the form, with what was chosen kept.
    await row(page, 'Account').getByRole('button', { name: /Assign someone/ }).click();
    await dialog.getByText('the screen Account').waitFor();
    await dialog.getByLabel('Person').fill('ben');
    await dialog.getByRole('radio', { name: /Ben/ }).check();
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'already an expert' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.context().close();
  });

  it('approves a volunteer and declines another', async () => {
    await org.call('POST', '/experts/volunteer', org.cleo, { pattern: `${SITE}/reports/:id` });
    await org.call('POST', '/experts/volunteer', org.dan, { pattern: `${SITE}/reports/:id` });
    const page = await console_.signedIn('ada@corp.example', '/experts');
    const volunteers = page.getByTestId('volunteer');
    await expect.poll(() => volunteers.count()).toBe(2);
    expect(await volunteers.filter({ hasText: 'Cleo' }).textContent()).toContain('/reports/:id on CRM');
    expect(await seriousViolations(page)).toEqual([]);
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const shot = await console_.signedIn('ada@corp.example', '/experts', { colorScheme, width });
        await row(shot, 'Report').waitFor();
        await shot.getByTestId('volunteer').first().waitFor();
        expect(await seriousViolations(shot)).toEqual([]);
        await shoot(shot, `experts-${colorScheme}-${width}`);
        await shot.context().close();
      }
    }
    await page.getByRole('button', { name: 'Approve Cleo' }).click();
    await page.getByRole('status').filter({ hasText: 'Cleo is now an expert' }).waitFor();
    await expect.poll(() => row(page, 'Report').textContent()).toContain('Cleo');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('volunteers-title');
    await page.getByRole('button', { name: 'Decline Dan' }).click();
    await expect.poll(() => volunteers.count()).toBe(0);
    const now = await experts();
    expect(now.find((e) => e.user.id === org.cleo.user.id)).toMatchObject({ pattern: `${SITE}/reports/:id`, status: 'active' });
    expect(now.find((e) => e.user.id === org.dan.user.id && e.pattern === `${SITE}/reports/:id`)).toBeUndefined();
    await page.context().close();
  });

  it('removes an expert after asking; the screen is flagged again', async () => {
    const page = await console_.signedIn('ada@corp.example', '/experts');
    await expect.poll(() => row(page, 'Account').textContent()).toContain('Ben');
    await row(page, 'Account').getByRole('button', { name: 'Remove Ben from Account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this expert?' });
    await dialog.getByText('Ben will no longer be asked').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('status').filter({ hasText: 'Ben is no longer an expert' }).waitFor();
    await expect.poll(() => row(page, 'Account').getAttribute('data-missing')).toBe('true');
    expect((await experts()).some((e) => e.user.id === org.ben.user.id)).toBe(false);
    await page.context().close();
  });
});
