// Two people, two browser profiles: one writes a note and asks, the other sees them, votes and answers,
// the first accepts. A private note never reaches the other person. Asking again, the other is shown the
// question already asked, with its accepted answer; searching from another page finds it there.
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { seriousViolations } from './axe';
import { launcherLabel, openPanel, panelFrame, suiteWorld } from './world';

describe.skipIf(!browserAvailable)('two colleagues on one page', () => {
  let url: string;
  const { world, ada, ben } = suiteWorld({ people: ['ada', 'ben'], setUp: (w) => (url = `${w.demo.origin}/accounts/1002`) });

  it('Ada writes a team note and a private note, with a preview, and asks a question', async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    const panel = await openPanel(page);
    await panel.getByText('No notes here yet: be the first').waitFor();

    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByRole('textbox', { name: 'Note' }).fill('Ask **Priya** before changing the tier.');
    await panel.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => panel.locator('.preview strong').textContent()).toBe('Priya');
    await panel.getByRole('button', { name: 'Write' }).click();
    await panel.getByLabel('Visible to').selectOption({ label: 'Team: Support' });
    await panel.getByRole('button', { name: 'Post note' }).click();
    await panel.locator('article.card', { hasText: 'before changing the tier' }).waitFor();

    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByRole('textbox', { name: 'Note' }).fill('My own reminder: renewal call');
    await panel.getByLabel('Visible to').selectOption({ label: 'Only me' });
    await panel.getByRole('button', { name: 'Post note' }).click();
    await panel.locator('article.card', { hasText: 'renewal call' }).waitFor();

    await panel.getByRole('tab', { name: /Questions/ }).click();
    await panel.getByRole('button', { name: 'Ask a question' }).click();
    await panel.getByLabel('Question', { exact: true }).fill('Is the Q3 discount still valid?');
    await panel.getByRole('button', { name: 'Ask', exact: true }).click();
    await panel.getByText('Is the Q3 discount still valid?').waitFor();
    await launcherLabel(page, /2 notes, 0 tips, 1 open question/);
    await page.close();
  });

  it('Ben sees the team note and the question, never the private note, votes and answers', async () => {
    const page = await ben().context.newPage();
    await page.goto(url);
    await launcherLabel(page, /1 note, 0 tips, 1 open question/);
    const panel = await openPanel(page);
    const cards = panel.locator('article.card');
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().textContent()).toContain('before changing the tier');
    expect(await panel.locator('body').textContent()).not.toContain('renewal call');
    // Nor anywhere in what the API sends Ben for this page.
    const ctx = await world().server.api.request('GET', `/context?url=${encodeURIComponent(url)}`, { token: world().ben.token });
    expect(JSON.stringify(ctx.body)).not.toContain('renewal call');

    await cards.first().getByRole('button', { name: /Helpful/ }).click();
    await expect.poll(() => cards.first().locator('.vote').getAttribute('aria-pressed')).toBe('true');

    await panel.getByRole('tab', { name: /Questions/ }).click();
    await panel.getByRole('button', { name: 'Is the Q3 discount still valid?' }).click();
    await panel.getByRole('textbox', { name: 'Your answer' }).fill('Yes, until **December 31**.');
    await panel.getByRole('button', { name: 'Answer', exact: true }).click();
    await panel.locator('[data-testid="answer"]', { hasText: 'until December 31' }).waitFor();
    await page.close();
  });

  it('Ada accepts the answer; Ben sees the question answered', async () => {
    const page = await ada().context.newPage();
    await page.goto(url);
    const panel = await openPanel(page);
    await panel.getByRole('tab', { name: /Questions/ }).click();
    await panel.getByRole('button', { name: 'Is the Q3 discount still valid?' }).click();
    await panel.getByRole('button', { name: 'Accept answer' }).click();
    await panel.locator('[data-testid="answer"] .tag.ok').waitFor();
    await launcherLabel(page, /2 notes, 0 tips, 0 open questions/);

    // Ada edits her private note, then deletes it.
    await panel.getByRole('tab', { name: /Notes/ }).click();
    const own = panel.locator('article.card', { hasText: 'renewal call' });
    await own.getByRole('button', { name: 'Edit' }).click();
    await panel.getByRole('textbox', { name: 'Edit note' }).fill('My own reminder: renewal call on _Friday_');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.locator('article.card em', { hasText: 'Friday' }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await panel.locator('article.card', { hasText: 'renewal call' }).getByRole('button', { name: 'Delete' }).click();
    await launcherLabel(page, /1 note, 0 tips, 0 open questions/);
    expect(await panel.locator('article.card', { hasText: 'renewal call' }).count()).toBe(0);
    await page.close();

    const benPage = await ben().context.newPage();
    await benPage.goto(url);
    const benPanel = await openPanel(benPage);
    await benPanel.getByRole('tab', { name: /Questions/ }).click();
    await benPanel.locator('[data-testid="question"] .tag.ok', { hasText: 'Answered' }).waitFor();
    await benPage.close();
  });

  it('Ben starts asking the same thing: the question already asked shows with its accepted answer, and opens in place', async () => {
    const page = await ben().context.newPage();
    await page.goto(url);
    const panel = await openPanel(page);
    await panel.getByRole('tab', { name: /Questions/ }).click();
    await panel.getByRole('button', { name: 'Ask a question' }).click();
    await panel.getByLabel('Question', { exact: true }).fill('Is the Q3 discount val');
    const similar = panel.getByRole('region', { name: 'Already asked on this app' });
    await similar.getByRole('button', { name: /Is the Q3 discount still valid\?/ }).waitFor();
    expect(await similar.textContent()).toContain('Answered');
    expect(await similar.textContent()).toContain('Yes, until December 31.');
    await similar.getByRole('button', { name: /Is the Q3 discount still valid\?/ }).click();
    await panel.locator('[data-testid="answer"]', { hasText: 'until December 31' }).waitFor();
    await page.close();
  });

  it('Ben searches from another page: `/` to the field, this page finds nothing, this app finds the question, which opens on its page, and there in place', async () => {
    const elsewhere = `${world().demo.origin}/accounts/1003`;
    const page = await ben().context.newPage();
    await page.goto(elsewhere);
    const panel = await openPanel(page);
    await page.keyboard.press('/');
    const field = panel.getByRole('searchbox', { name: 'Search' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('discount');
    await panel.getByText('Nothing found for “discount”').waitFor();
    await panel.getByLabel('Where to search').selectOption({ label: 'This app' });
    const hit = panel.locator('[data-testid="search-hit"][data-kind="question"]');
    await hit.waitFor();
    expect(await hit.textContent()).toContain('Is the Q3 discount still valid?');
    expect(await hit.locator('mark').first().textContent()).toBe('discount');
    expect(await panel.locator('[data-testid="search-hit"]', { hasText: 'renewal call' }).count()).toBe(0);
    expect(await seriousViolations(panelFrame(page))).toEqual([]);
    const opened = ben().context.waitForEvent('page');
    await hit.getByRole('button').click();
    const there = await opened;
    expect(there.url()).toBe(url);
    await page.close();

    // On its page, the same search (where to search is remembered) opens it in place.
    const again = await openPanel(there);
    expect(await again.getByLabel('Where to search').inputValue()).toBe('app');
    await again.getByRole('searchbox', { name: 'Search' }).fill('discount');
    await again.locator('[data-testid="search-hit"][data-kind="question"]').getByRole('button').click();
    await again.locator('[data-testid="answer"]', { hasText: 'until December 31' }).waitFor();
    expect(await again.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('');
    await there.close();
  });
});
