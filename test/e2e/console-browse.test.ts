// The console's Browse and Inbox, as colleagues meet them: an app, its screen, the notes there with a link
// to the page; what each person may see (a private note of another and a team note of another team stay
// hidden); one's own notes and answers; the inbox with an answer to my question, marked read. axe-core;
// light and dark at 1280 and 390 px (screenshots in $TMPDIR/alongside-screens/console).
import { join } from 'node:path';
import type { SessionPage as Page } from '../support/driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import { startConsole, type Console } from '../support/console';
import { seriousViolations } from './axe';
import { seedOrg, SITE, type ConsoleOrg } from './console-org';

const SHOTS = screensDir('console');

describe.skipIf(!browserAvailable)('the web console: browse and inbox', () => {
  let console_: Console;
  let org: ConsoleOrg;
  beforeAll(async () => {
    console_ = await startConsole();
    org = await seedOrg(console_.server.origin);
    const { call, ada, ben, cleo, dan, teamId } = org;
    await call('POST', '/notes', ada, { pattern: `${SITE}/accounts/:id`, body: 'Every account has an **owner**' });
    await call('POST', '/notes', cleo, { pattern: `${SITE}/accounts/:id`, body: 'Support only: call before closing', visibility: 'team', teamId });
    await call('POST', '/notes', dan, { pattern: `${SITE}/accounts/:id`, body: 'Dan keeps this to himself', visibility: 'private' });
    await call('POST', '/notes', ben, { pattern: `${SITE}/accounts/42`, body: 'Ben remembers: account 42 is the pilot', visibility: 'private' });
    const refunds = await call('POST', '/questions', cleo, { pattern: `${SITE}/accounts/:id`, title: 'Who approves refunds?' });
    await call('POST', `/questions/${refunds.id}/answers`, ben, { body: 'The account owner, under 500 EUR' });
  });
  afterAll(() => console_?.close());

  const shoot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const titles = (page: Page) => page.getByTestId('browse-item').locator('.browse-excerpt').allTextContents();

  it('goes from the app to its screen to the notes there, each with a link to its page', async () => {
    const page = await console_.signedIn('ben@corp.example', '/browse');
    await page.getByRole('link', { name: 'CRM' }).click();
    await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const screens = page.getByRole('region', { name: 'Screens' });
    await screens.getByRole('link', { name: 'Account' }).first().waitFor();
    // Two scopes are the Account screen: the template itself and Ben's one page; the template holds 2 notes, 1 question for Ben.
    const template = screens.getByRole('listitem').filter({ hasText: '/accounts/:id' });
    expect(await template.textContent()).toContain('2 notes · 1 question');
    await template.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    await expect.poll(() => titles(page)).toEqual(['Who approves refunds?', 'Support only: call before closing', 'Every account has an owner']);
    const note = page.getByTestId('browse-item').filter({ hasText: 'Every account has an owner' });
    expect(await note.textContent()).toMatch(/Ada · .*ago|Ada · just now/);
    expect(await note.textContent()).toContain('Everyone');
    expect(await note.textContent()).toContain('Applies to many pages: /accounts/:id');
    expect(await note.getByRole('link', { name: /Open \/accounts/ }).getAttribute('href')).toBe(`${SITE}/accounts`);
    const question = page.getByTestId('browse-item').filter({ hasText: 'Who approves refunds?' });
    expect(await question.textContent()).toContain('Not answered yet');
    expect(await seriousViolations(page)).toEqual([]);
    // Back to the app by the breadcrumb, then Ben's own page: "Open the page" is that page.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'CRM' }).click();
    await screens.getByRole('listitem').filter({ hasText: '/accounts/42' }).getByRole('link', { name: 'Account' }).click();
    const mine = page.getByTestId('browse-item').filter({ hasText: 'account 42 is the pilot' });
    expect(await mine.getByRole('link', { name: /Open the page/ }).getAttribute('href')).toBe(`${SITE}/accounts/42`);
    expect(await mine.textContent()).toContain('Only me');
    await page.context().close();
  });

  it("shows each person what the API lets them see: another's private note and another team's note stay hidden", async () => {
    const scopeOf = async (who: ConsoleOrg['ben']) => {
      const scopes: Array<{ id: string; pattern: string }> = await org.call('GET', `/browse/sites/${org.site.id}`, who);
      return scopes.find((s) => s.pattern === `${SITE}/accounts/:id`)!.id;
    };
    const scope = await scopeOf(org.ben);
    const ben = await console_.signedIn('ben@corp.example', `/browse/sites/${org.site.id}/scopes/${scope}`);
    await expect.poll(() => titles(ben)).toContain('Support only: call before closing');
    expect(await titles(ben)).not.toContain('Dan keeps this to himself');
    const dan = await console_.signedIn('dan@corp.example', `/browse/sites/${org.site.id}/scopes/${scope}`);
    await expect.poll(() => titles(dan)).toEqual(['Who approves refunds?', 'Dan keeps this to himself', 'Every account has an owner']);
    // Ben's private page is not among Dan's screens at all.
    await dan.goto(`${console_.server.origin}/browse/sites/${org.site.id}`);
    await dan.getByRole('link', { name: 'Account' }).first().waitFor();
    expect(await dan.getByRole('region', { name: 'Screens' }).textContent()).not.toContain('/accounts/42');
    await ben.context().close();
    await dan.context().close();
  });

  it('lists my own notes, questions and answers under Mine', async () => {
    const page = await console_.signedIn('ben@corp.example', '/browse');
    await page.getByRole('link', { name: 'Mine' }).click();
    await page.getByRole('heading', { name: 'Mine', level: 1 }).waitFor();
    await expect.poll(() => titles(page)).toEqual(['The account owner, under 500 EUR', 'Ben remembers: account 42 is the pilot']);
    const answer = page.getByTestId('browse-item').filter({ hasText: 'under 500 EUR' });
    expect(await answer.textContent()).toContain('Answer to “Who approves refunds?”');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('brings an answer to my question into the inbox, with the panel\'s words and its page; marking read updates the count', async () => {
    const asked = await org.call('POST', '/questions', org.dan, { pattern: `${SITE}/reports/7`, title: 'Is the Q3 report final?' });
    const page = await console_.signedIn('dan@corp.example', '/inbox');
    await page.getByText('Nothing in your inbox').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await org.call('POST', `/questions/${asked.id}/answers`, org.ada, { body: 'Yes, since Monday' });
    await org.call('POST', `/questions/${asked.id}/answers`, org.cleo, { body: 'Ada is right' });
    await page.reload();
    const items = page.getByTestId('inbox-item');
    await expect.poll(() => items.count()).toBe(1); // two answers to one question: one entry
    expect(await page.getByTestId('unread-count').textContent()).toBe('2 unread');
    const first = items.first();
    expect(await first.textContent()).toContain('2 new answers · Cleo and Ada');
    expect(await first.textContent()).toContain('“Is the Q3 report final?”');
    expect(await first.textContent()).toContain('/reports/7');
    expect(await first.locator('a.inbox-open').getAttribute('href')).toBe(`${SITE}/reports/7`);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'inbox-unread-light-1280');
    // Mark read marks the whole entry: both answers.
    await first.getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe('Nothing unread');
    await expect.poll(async () => (await org.call('GET', '/inbox?unread=true', org.dan)).unread).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('inbox-open'))).toBe(true); // the keyboard stays on the entry
    await org.call('POST', `/questions/${asked.id}/answers`, org.ben, { body: 'Confirmed' });
    await page.reload();
    await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe('1 unread');
    expect(await first.textContent()).toContain('3 answers, 1 new · Ben, Cleo and 1 other');
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe('Nothing unread');
    await expect.poll(async () => (await org.call('GET', '/inbox?unread=true', org.dan)).unread).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'All marked read.' }).count()).toBe(1);
    await page.context().close();
  });

  it('looks right in light and dark, wide and narrow', async () => {
    const scopes: Array<{ id: string; pattern: string }> = await org.call('GET', `/browse/sites/${org.site.id}`, org.dan);
    const scope = scopes.find((s) => s.pattern === `${SITE}/accounts/:id`)!.id;
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const page = await console_.signedIn('dan@corp.example', `/browse/sites/${org.site.id}`, { colorScheme, width });
        await page.getByRole('link', { name: 'Account' }).first().waitFor();
        await shoot(page, `browse-site-${colorScheme}-${width}`);
        await page.goto(`${console_.server.origin}/browse/sites/${org.site.id}/scopes/${scope}`);
        await page.getByTestId('browse-item').first().waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `browse-scope-${colorScheme}-${width}`);
        await page.goto(`${console_.server.origin}/inbox`);
        await page.getByTestId('inbox-item').first().waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `inbox-${colorScheme}-${width}`);
        await page.context().close();
      }
    }
  });
});
