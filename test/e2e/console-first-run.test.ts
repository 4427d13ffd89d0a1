// The console's first run end to end: a fresh server's first visitor becomes the admin and is walked
// through registering an app (tested live on the pasted address), letting colleagues in and installing the
// extension; what it leaves on the server; leaving a step and resuming it from Home; a colleague joining
// through the sign-up it turned on; axe and screenshots of every step (light and dark, 1280 and 390 px).
import { join } from 'node:path';
import type { SessionPage as Page } from '../support/driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import { PASSWORD, startConsole, type Console } from '../support/console';
import { FIRST_RUN, scriptedFirstRun } from '../support/first-run';
import { seriousViolations } from './axe';

const SHOTS = screensDir('console');

const json = async (res: Response) => {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res.json();
};

describe.skipIf(!browserAvailable)('the console: first run', () => {
  let console_: Console;
  let token: string;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${console_.server.origin}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } }).then(json);

  beforeAll(async () => {
    console_ = await startConsole();
  });
  afterAll(() => console_?.close());

  it('takes the first person from a fresh server to a registered app, open sign-up and the extension, and leaves it all on the server', async () => {
    const page = await console_.open('/');
    const did = await scriptedFirstRun(page);
    expect(did).toEqual({ clicks: 6, typed: 4 });
    expect(await page.getByRole('heading', { name: 'Finish setting up Alongside' }).count()).toBe(0); // finished: no setup card

    token = (await json(await fetch(`${console_.server.origin}/api/v1/auth/signin`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: FIRST_RUN.admin.email, password: PASSWORD }),
    }))).token;
    const sites = await api('/sites');
    expect(sites).toMatchObject([{ origin: 'https://crm.corp.example', name: FIRST_RUN.appName, rules: { keepQuery: ['tab'], hashRouting: false } }]);
    const server = await api('/server');
    expect(server.signUp).toEqual({ mode: 'domains', domains: ['corp.example'] });
    expect(server.setup).toEqual({ app: true, invited: true, extension: true, done: true });
  });

  it('lets a colleague of the company sign up on their own, as a member', async () => {
    const page = await console_.open('/');
    await page.getByRole('heading', { name: 'Sign in to Alongside' }).waitFor();
    await page.goto(`${console_.server.origin}/join`);
    await page.getByLabel('Your name').fill('Ben Member');
    await page.getByLabel('Work email').fill('ben@corp.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByText('Ben Member · member').waitFor();
    expect(await page.getByRole('link', { name: 'Apps' }).count()).toBe(0);
    await page.getByRole('link', { name: FIRST_RUN.appName }).waitFor(); // Home lists the app
  });
});

describe.skipIf(!browserAvailable)('the console: a first run left and resumed', () => {
  let console_: Console;
  beforeAll(async () => {
    console_ = await startConsole();
  });
  afterAll(() => console_?.close());

  const shoot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('resumes at the first open step from Home, skips one, and every step passes axe in light and dark, wide and narrow', async () => {
    const first = await console_.open('/');
    await first.getByLabel('Your name').fill(FIRST_RUN.admin.name);
    await first.getByLabel('Work email').fill(FIRST_RUN.admin.email);
    await first.getByLabel('Password').fill(PASSWORD);
    await first.getByRole('button', { name: 'Create the admin account' }).click();
    await first.getByRole('heading', { name: 'Step 2 of 4: Your first app' }).waitFor();
    await first.getByLabel('An address of the app').fill(FIRST_RUN.appUrl);
    await first.getByRole('button', { name: 'Register the app' }).click();
    await first.getByRole('heading', { name: 'Step 3 of 4: Invite colleagues' }).waitFor();
    await first.getByRole('link', { name: /^Leave setup/ }).click(); // left at the second step

    await first.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await first.getByText('2 of 4 steps done').waitFor();
    await first.context().close();

    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const page = await console_.signedIn(FIRST_RUN.admin.email, '/', { colorScheme, width });
        await page.getByRole('heading', { name: 'Finish setting up Alongside' }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `home-setup-${colorScheme}-${width}`);
        await page.getByRole('link', { name: 'Continue setup' }).click();
        const colleagues = page.getByRole('heading', { name: 'Step 3 of 4: Invite colleagues' });
        await colleagues.waitFor(); // resumed where it was left
        expect(await page.getByRole('button', { name: 'Continue' }).isDisabled()).toBe(true); // nobody has a way in yet
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `setup-colleagues-${colorScheme}-${width}`);
        await page.getByRole('button', { name: 'Skip for now' }).click();
        await page.getByRole('heading', { name: 'Step 4 of 4: Install the extension' }).waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Step 4 of 4: Install the extension'); // focus follows
        expect(await page.getByLabel('Server address').inputValue()).toBe(console_.server.origin);
        await page.getByText('For IT: install it for everyone').click();
        expect(await page.locator('pre').first().textContent()).toContain(`"serverUrl": "${console_.server.origin}"`);
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `setup-extension-${colorScheme}-${width}`);
        await page.getByRole('link', { name: /Your first app/ }).click();
        await page.getByRole('heading', { name: 'Step 2 of 4: Your first app' }).waitFor();
        await page.getByText('Your first app is registered.').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `setup-app-${colorScheme}-${width}`);
        await page.context().close();
      }
    }
  });

  it('finishes with what is still open said and linked', async () => {
    const page = await console_.signedIn(FIRST_RUN.admin.email, '/setup?step=done');
    await page.getByRole('heading', { name: 'Done', level: 2 }).waitFor();
    const step = page.getByRole('region', { name: 'Done' });
    await step.getByRole('link', { name: 'invite colleagues' }).waitFor();
    await step.getByRole('link', { name: 'install the extension' }).waitFor();
    await shoot(page, 'setup-done-light-1280');
    await page.getByRole('button', { name: 'Finish setup' }).click();
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Finish setting up Alongside' }).count()).toBe(0);
  });
});
