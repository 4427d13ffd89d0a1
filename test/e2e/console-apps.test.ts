// The console's Apps section as an admin uses it: the empty list, adding an app from one pasted address
// (the live page key follows the answers to the # and ? questions; the saved rules checked over the API),
// the server's refusals beside the field they name with nothing typed lost, editing a screen, the URL
// tester showing a scope seeded over HTTP with its note, owners added and removed, removing an app (the
// counts said first, a 404 after), and Apps kept from a member's navigation. axe-core on each state;
// light and dark at 1280 and 390 px (screenshots in $TMPDIR/alongside-screens/console).
import { join } from 'node:path';
import type { SessionPage as Page } from '../support/driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import { PASSWORD, startConsole, type Console } from '../support/console';
import { seriousViolations } from './axe';

const SHOTS = screensDir('console');

const CRM = 'https://crm.corp.example';
/** expect.poll with room for a busy machine (its own default is one second; the live key waits 300 ms first). */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const DESK = 'https://desk.corp.example';

describe.skipIf(!browserAvailable)('the web console: apps', () => {
  let console_: Console;
  const tokens: Record<'ada' | 'bob', string> = { ada: '', bob: '' };
  const ids: Record<'bob' | 'crm' | 'desk', string> = { bob: '', crm: '', desk: '' };

  /** A call on the API over HTTP, as someone's bearer token. */
  async function call(who: keyof typeof tokens | null, method: string, path: string, json?: unknown) {
    const res = await fetch(`${console_.server.origin}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(who && { authorization: `Bearer ${tokens[who]}` }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return { status: res.status, body: await res.json() };
  }

  beforeAll(async () => {
    console_ = await startConsole();
    const ada = await call(null, 'POST', '/auth/signup', { name: 'Ada Admin', email: 'ada@corp.example', password: PASSWORD });
    tokens.ada = ada.body.token; // the first account: the admin
    const bob = await call(null, 'POST', '/auth/signup', { name: 'Bob Baker', email: 'bob@corp.example', password: PASSWORD });
    tokens.bob = bob.body.token;
    ids.bob = bob.body.user.id;
  });
  afterAll(() => console_?.close());

  /** A full-page shot from the top (scrolled, the sticky header would be drawn mid-page). */
  const shoot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  const pageKey = (page: Page) => page.getByTestId('page-key').first().textContent();
  const checkbox = (page: Page, name: string) => page.getByRole('checkbox', { name: new RegExp(`^${name}\\b`) });

  it('says what an app is before the first one, and adds one from a pasted address with a query and a hash route', async () => {
    const page = await console_.signedIn('ada@corp.example', '/apps');
    await page.getByText('No apps yet').waitFor();
    expect(await page.getByText('An app is an internal web application').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'apps-empty-light-1280');

    await page.locator('.empty').getByRole('link', { name: 'Add an app' }).click();
    await page.getByRole('heading', { name: 'Add an app', level: 1 }).waitFor();
    await page.getByLabel('An address of the app').fill(`${CRM}/app/accounts/42?tab=notes&access_token=s3cret&utm_source=mail#/deals/7`);
    expect(await page.getByLabel('App name').inputValue()).toBe('CRM'); // suggested from the host
    await page.getByText(`The app would be registered as ${CRM}`).waitFor();
    // The address answered for itself: tab identifies the page, the secret and the tracking do not, # is a route.
    expect(await checkbox(page, 'tab').isChecked()).toBe(true);
    expect(await checkbox(page, 'access_token').isChecked()).toBe(false);
    expect(await checkbox(page, 'utm_source').isChecked()).toBe(false);
    expect(await page.getByText('s3cret').count()).toBe(0); // a secret's value is not repeated on screen
    const yes = page.getByRole('radio', { name: /^Yes/ });
    expect(await yes.isChecked()).toBe(true);
    // Of a route, only its plain words leave the browser until a screen names the rest.
    await eventually(() => pageKey(page)).toBe(`${CRM}/app/accounts/42?tab=notes#/deals`);

    // Each answer changes the live page key.
    await page.getByRole('radio', { name: /^No/ }).check();
    await eventually(() => pageKey(page)).toBe(`${CRM}/app/accounts/42?tab=notes`);
    await checkbox(page, 'tab').uncheck();
    await eventually(() => pageKey(page)).toBe(`${CRM}/app/accounts/42`);
    await checkbox(page, 'tab').check();
    await yes.check();
    await eventually(() => pageKey(page)).toBe(`${CRM}/app/accounts/42?tab=notes#/deals`);

    // A screen from the address's route, built from the real URL.
    await page.getByText('From your address:').waitFor();
    expect(await page.locator('.suggestion code').textContent()).toBe('#/deals/:id');
    await page.getByRole('button', { name: 'Add this screen' }).click();
    const screen1 = page.getByRole('group', { name: /^Screen 1/ });
    await eventually(() => screen1.getByLabel('Name').evaluate((el) => el === document.activeElement)).toBe(true); // focus follows the new row
    await eventually(() => page.getByTestId('screen').first().textContent()).toBe('Deal');
    expect(await pageKey(page)).toBe(`${CRM}/app/accounts/42?tab=notes#/deals/7`); // the screen names the id: it is kept
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'apps-new-light-1280');

    await page.getByRole('button', { name: 'Add the app' }).click();
    await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor();
    ids.crm = new URL(page.url()).pathname.split('/').pop()!;
    const saved = await call('ada', 'GET', `/sites/${ids.crm}`);
    expect(saved.body).toMatchObject({ origin: CRM, name: 'CRM', rules: { keepQuery: ['tab'], hashRouting: true, templates: [{ name: 'Deal', pattern: '#/deals/:id' }] } });
    await page.context().close();
  });

  it("shows the server's refusal beside the field it names, keeping what was typed", async () => {
    const page = await console_.signedIn('ada@corp.example', '/apps/new');
    const address = page.getByLabel('An address of the app');
    await address.fill('ftp://files.corp.example/share');
    await page.locator('.live-key .field-error').waitFor(); // the live key says it cannot read this address
    await page.getByLabel('App name').fill('Files');
    await page.getByRole('button', { name: 'Add the app' }).click();
    await eventually(() => address.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await address.getAttribute('aria-describedby'))!.split(' ').pop()!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('is not a web address');
    expect(await address.inputValue()).toBe('ftp://files.corp.example/share');
    expect(await page.getByLabel('App name').inputValue()).toBe('Files');

    await address.fill(`${DESK}/tickets/9`);
    await page.getByLabel('App name').fill('Desk');
    await page.getByRole('button', { name: 'Add a screen' }).click();
    const screen1 = page.getByRole('group', { name: /^Screen 1/ });
    await screen1.getByLabel('Name').fill('Ticket');
    await screen1.getByLabel('Pattern').fill('/tickets/(\\d+)');
    await page.getByRole('button', { name: 'Add the app' }).click();
    const pattern = screen1.getByLabel('Pattern');
    await eventually(() => pattern.getAttribute('aria-invalid')).toBe('true');
    const patternError = (await pattern.getAttribute('aria-describedby'))!.split(' ').pop()!;
    expect(await page.locator(`[id="${patternError}"]`).textContent()).toMatch(/regular expression|group/i);
    expect(await page.getByRole('alert').textContent()).toContain('Some fields need a change');
    expect(await pattern.inputValue()).toBe('/tickets/(\\d+)');
    expect(await seriousViolations(page)).toEqual([]);

    await pattern.fill('/tickets/:id');
    await page.getByRole('button', { name: 'Add the app' }).click();
    await page.getByRole('heading', { name: 'Desk', level: 1 }).waitFor();
    ids.desk = new URL(page.url()).pathname.split('/').pop()!;
    await page.context().close();
  });

  it('edits a screen, and lists the screens with their experts', async () => {
    await call('ada', 'POST', '/experts', { userId: ids.bob, pattern: `${DESK}/tickets/*` });
    const page = await console_.signedIn('ada@corp.example', `/apps/${ids.desk}`);
    const screens = page.getByRole('region', { name: 'Screens and their experts' });
    await screens.getByRole('rowheader', { name: 'Ticket' }).waitFor();
    expect(await screens.getByRole('row', { name: /Ticket/ }).textContent()).toContain('Bob Baker');

    const screen1 = page.getByRole('group', { name: /^Screen 1/ });
    await screen1.getByLabel('Name').fill('Support ticket');
    await screen1.getByLabel('Pattern').fill('/tickets/:ticket');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await screens.getByRole('rowheader', { name: 'Support ticket' }).waitFor();
    expect((await call('ada', 'GET', `/sites/${ids.desk}`)).body.rules.templates).toEqual([{ name: 'Support ticket', pattern: '/tickets/:ticket' }]);
    await page.context().close();
  });

  it('tests a URL: its page key, screen, and a scope seeded over HTTP with the note on it', async () => {
    const note = await call('ada', 'POST', '/notes', { pattern: `${DESK}/tickets/:id`, body: "Check the **customer's plan** first" });
    expect(note.status).toBe(201);
    await call('bob', 'POST', '/questions', { pattern: `${DESK}/tickets/:id`, title: 'Who handles refunds?' });
    const page = await console_.signedIn('ada@corp.example', `/apps/${ids.desk}`);
    const tester = page.getByRole('region', { name: 'URL tester' });
    await tester.getByLabel('Address to test').fill(`${DESK}/tickets/12?utm_source=x#top`);
    await eventually(() => tester.getByTestId('page-key').textContent()).toBe(`${DESK}/tickets/12`);
    expect(await tester.getByTestId('screen').textContent()).toBe('Support ticket');
    const scope = tester.locator('.scopes > li').filter({ hasText: `${DESK}/tickets/:id` });
    await scope.waitFor();
    expect(await scope.textContent()).toContain('1 note, 0 tips, 1 question (1 open)');
    expect(await scope.textContent()).toContain("Check the customer's plan first");
    expect(await scope.textContent()).toContain('Who handles refunds?');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('adds an owner found by name, and removes them', async () => {
    const page = await console_.signedIn('ada@corp.example', `/apps/${ids.desk}`);
    const owners = page.getByRole('region', { name: 'Owners' });
    await owners.getByText('No owner yet.').waitFor();
    await owners.getByLabel('Add an owner').fill('bob');
    await owners.getByRole('button', { name: 'Add Bob Baker' }).click();
    await owners.getByRole('status').filter({ hasText: 'Bob Baker is now an owner of Desk.' }).waitFor();
    expect(await owners.getByRole('list', { name: 'Owners' }).textContent()).toContain('Bob Baker');
    await eventually(() => owners.getByLabel('Add an owner').evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await call('ada', 'GET', `/sites/${ids.desk}/owners`)).body.map((o: { user: { name: string } }) => o.user.name)).toEqual(['Bob Baker']);
    expect(await seriousViolations(page)).toEqual([]);

    await owners.getByRole('button', { name: 'Remove Bob Baker' }).click();
    await owners.getByText('No owner yet.').waitFor();
    expect((await call('ada', 'GET', `/sites/${ids.desk}/owners`)).body).toEqual([]);
    await page.context().close();
  });

  it('removes an app after saying what goes with it, and the list says so', async () => {
    const page = await console_.signedIn('ada@corp.example', `/apps/${ids.desk}`);
    await page.getByRole('button', { name: 'Remove Desk…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Desk?' });
    const deletes = dialog.getByRole('list', { name: 'What removal deletes' });
    await deletes.waitFor();
    expect(await deletes.getByRole('listitem').allTextContents()).toEqual(['1 note', '1 question', '1 expert assignment']);
    const confirm = dialog.getByRole('button', { name: 'Remove the app' });
    expect(await confirm.isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'apps-remove-light-1280');
    await dialog.getByLabel('Type Desk to confirm').fill('Desk');
    await confirm.click();
    await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Desk was removed, with everything on it.' }).waitFor();
    expect(await page.getByRole('link', { name: 'Desk' }).count()).toBe(0);
    expect((await call('ada', 'GET', `/sites/${ids.desk}`)).status).toBe(404);
    await page.context().close();
  });

  it('keeps Apps out of a member’s navigation', async () => {
    const page = await console_.signedIn('bob@corp.example', '/');
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Home' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Apps' }).count()).toBe(0);
    await page.goto(`${console_.server.origin}/apps`);
    await page.getByText('Apps are set up by admins').waitFor();
    await page.context().close();
  });

  it('looks right in light and dark, wide and narrow', async () => {
    await call('ada', 'POST', `/sites/${ids.crm}/owners`, { userId: ids.bob });
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const page = await console_.signedIn('ada@corp.example', '/apps', { colorScheme, width });
        await page.getByRole('link', { name: 'CRM' }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `apps-list-${colorScheme}-${width}`);

        await page.getByRole('link', { name: 'CRM' }).click();
        await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor();
        await page.getByLabel('Address to test').fill(`${CRM}/app/accounts/42?tab=notes#/deals/7`);
        await page.getByRole('region', { name: 'URL tester' }).getByTestId('page-key').waitFor();
        await page.getByRole('region', { name: 'Screens and their experts' }).getByRole('rowheader', { name: 'Deal' }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `apps-app-${colorScheme}-${width}`);

        await page.goto(`${console_.server.origin}/apps/new`);
        await page.getByLabel('An address of the app').fill(`${CRM}/app/accounts/42?tab=notes&access_token=s3cret#/deals/7`);
        await page.getByTestId('page-key').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `apps-new-${colorScheme}-${width}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `sideways scroll at ${width}px`).toBeLessThanOrEqual(0);
        await page.context().close();
      }
    }
  });
});
