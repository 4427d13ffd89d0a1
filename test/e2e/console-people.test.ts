// The console's People section as an admin uses it on a server with many accounts: search (kept in the
// address) and paging to the last person, creating an account (a weak password refused beside its field,
// nothing typed lost), changing a role (and the server refusing the last admin's own demotion), turning an
// account off (its bearer token stops working) and on (it signs in again), teams and their members, an
// invitation link copied and opened in another browser to join, company sign-up on and off; axe-core on
// each state; light and dark at 1280 and 390 px (screenshots in $TMPDIR/alongside-screens/console).
import { join } from 'node:path';
import type { SessionPage as Page } from '../support/driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import { PASSWORD, startConsole, type Console } from '../support/console';
import { seriousViolations } from './axe';

const SHOTS = screensDir('console');

const ADMIN = 'ada@corp.example';
const SEEDED = 59; // "Colleague 01" … "Colleague 59", and "Zora Last": with the admin, three pages of 25

describe.skipIf(!browserAvailable)('the web console: people, teams and invitations', () => {
  let console_: Console;
  let adminToken: string;
  let page: Page;

  /** A call to the API as someone (over HTTP, as any client). */
  const call = async (method: string, path: string, options: { token?: string; json?: unknown } = {}) => {
    const res = await fetch(`${console_.server.origin}/api/v1${path}`, {
      method,
      headers: { ...(options.token && { authorization: `Bearer ${options.token}` }), ...(options.json !== undefined && { 'content-type': 'application/json' }) },
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const createUser = async (name: string, email: string) => {
    const res = await call('POST', '/users', { token: adminToken, json: { name, email, password: PASSWORD } });
    if (res.status !== 201) throw new Error(`seeding ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const findUser = async (q: string) => (await call('GET', `/users?q=${encodeURIComponent(q)}`, { token: adminToken })).body.items[0];
  const signInToken = async (email: string) => call('POST', '/auth/signin', { json: { email, password: PASSWORD } });
  const status = () => page.getByRole('status').filter({ hasText: /\S/ }).first();
  const shoot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    console_ = await startConsole();
    const first = await call('POST', '/auth/signup', { json: { name: 'Ada Admin', email: ADMIN, password: PASSWORD } });
    adminToken = first.body.token;
    const names = [...Array.from({ length: SEEDED }, (_, i) => `Colleague ${String(i + 1).padStart(2, '0')}`), 'Zora Last'];
    for (let i = 0; i < names.length; i += 10) {
      await Promise.all(names.slice(i, i + 10).map((name) => createUser(name, `${name.toLowerCase().replace(' ', '.')}@corp.example`)));
    }
    page = await console_.signedIn(ADMIN, '/people');
  });
  afterAll(() => console_?.close());

  it('pages through everyone to the last person, and finds people by a search the address keeps', async () => {
    const rows = page.getByRole('region', { name: 'Accounts' }).getByRole('row');
    await page.getByRole('rowheader', { name: 'Colleague 24' }).waitFor(); // after Ada Admin
    expect(await rows.count()).toBe(1 + 25);
    expect(await seriousViolations(page)).toEqual([]);
    const more = page.getByRole('button', { name: 'Show more people' });
    await more.click();
    await page.getByRole('rowheader', { name: 'Colleague 49' }).waitFor();
    await more.click();
    await page.getByRole('rowheader', { name: 'Zora Last' }).waitFor();
    expect(await rows.count()).toBe(1 + SEEDED + 2);
    expect(await more.count()).toBe(0); // the end
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Colleague 50'); // the first of the page just shown

    const search = page.getByLabel('Search people');
    await search.fill('colleague');
    await expect.poll(() => page.url()).toContain('/people?q=colleague');
    await page.getByText('25+ matching “colleague”').waitFor();
    await more.click();
    await more.click();
    await page.getByRole('rowheader', { name: 'Colleague 59' }).waitFor();
    expect(await rows.count()).toBe(1 + SEEDED);

    await search.fill('zora');
    await page.getByText('1 matching “zora”').waitFor();
    expect(await rows.count()).toBe(2);
    await page.reload();
    await page.getByRole('rowheader', { name: 'Zora Last' }).waitFor();
    expect(await page.getByLabel('Search people').inputValue()).toBe('zora');
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('heading', { name: 'Teams', level: 1 }).waitFor();
    await page.goBack();
    await page.getByText('1 matching “zora”').waitFor();
    expect(await page.getByLabel('Search people').inputValue()).toBe('zora');

    await page.getByLabel('Search people').fill('nobody-by-this-name');
    await page.getByText('No one matches “nobody-by-this-name”').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates an account, refusing a weak password beside its field without losing what was typed', async () => {
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create an account', level: 1 }).waitFor();
    await page.getByLabel('Name').fill('Nia New');
    await page.getByLabel('Email').fill('nia@corp.example');
    await page.getByLabel('Role').selectOption('moderator');
    const password = page.getByLabel('First password');
    await password.fill('password12');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const described = (await password.getAttribute('aria-describedby'))!.split(' ').pop();
    expect(await page.locator(`[id="${described}"]`).textContent()).toContain('too easy to guess');
    expect(await page.getByLabel('Name').inputValue()).toBe('Nia New');
    expect(await page.getByLabel('Role').inputValue()).toBe('moderator');
    expect(await seriousViolations(page)).toEqual([]);
    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Create the account' }).click();
    await status().filter({ hasText: "Created Nia New's account" }).waitFor();
    expect(await page.getByLabel('Name').inputValue()).toBe(''); // ready for the next one
    expect(await findUser('nia@corp.example')).toMatchObject({ name: 'Nia New', role: 'moderator', disabled: false });
    expect((await signInToken('nia@corp.example')).status).toBe(200);
  });

  it("changes a role, and says the server's refusal when the last admin would demote themselves", async () => {
    await page.goto(`${console_.server.origin}/people?q=colleague%2007`);
    const role = page.getByLabel('Role of Colleague 07');
    await role.selectOption('moderator');
    await status().filter({ hasText: 'Colleague 07 is now moderator.' }).waitFor();
    expect((await findUser('colleague.07@')).role).toBe('moderator');

    await page.getByLabel('Search people').fill('ada');
    const own = page.getByLabel('Role of Ada Admin');
    await own.selectOption('member');
    await status().filter({ hasText: 'This is the last admin' }).waitFor();
    expect(await own.inputValue()).toBe('admin'); // what is still true
    expect((await findUser(ADMIN)).role).toBe('admin');
  });

  it("turns an account off after a confirmation (its token stops working) and on again (it signs in)", async () => {
    const dee = await signInToken('colleague.12@corp.example');
    expect((await call('GET', '/auth/me', { token: dee.body.token })).status).toBe(200);
    await page.getByLabel('Search people').fill('colleague 12');
    const toggle = page.getByRole('button', { name: "Turn off Colleague 12's account" });
    await toggle.click();
    const dialog = page.getByRole('dialog', { name: "Turn off Colleague 12's account?" });
    await dialog.getByText('signed out at once, everywhere').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Turn off account' }).click();
    await status().filter({ hasText: "Colleague 12's account is off" }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await page.getByRole('row', { name: /Colleague 12/ }).getByText('Turned off').waitFor();
    expect((await call('GET', '/auth/me', { token: dee.body.token })).status).toBe(401);
    expect((await signInToken('colleague.12@corp.example')).body.code).toBe('account_disabled');
    // The keyboard is back on the same button, which now turns it on.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Turn on');

    await page.getByRole('button', { name: "Turn on Colleague 12's account" }).click();
    await status().filter({ hasText: "Colleague 12's account is on again" }).waitFor();
    expect((await signInToken('colleague.12@corp.example')).status).toBe(200);
  });

  it('creates a team, adds and removes a member, and deletes the team after a confirmation', async () => {
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByText('No teams yet').waitFor();
    await page.getByLabel('Team name').fill('Design');
    await page.getByRole('button', { name: 'Create team' }).click();
    const card = page.getByRole('region', { name: /^Design/ });
    await card.getByText('No members yet').waitFor();
    await card.getByLabel('Add a person to Design').fill('colleague 3');
    await card.getByRole('button', { name: 'Add Colleague 33' }).click();
    await card.getByRole('list', { name: 'Members of Design' }).getByText('Colleague 33').waitFor();
    expect(await card.getByRole('button', { name: 'Add Colleague 33' }).count()).toBe(0); // a member is not offered again
    expect(await seriousViolations(page)).toEqual([]);
    const [design] = (await call('GET', '/teams', { token: adminToken })).body;
    expect(design.members.map((m: { name: string }) => m.name)).toEqual(['Colleague 33']);

    await page.getByRole('navigation', { name: 'People sections' }).getByRole('link', { name: 'People' }).click();
    await page.getByLabel('Search people').fill('colleague 33');
    await page.getByRole('row', { name: /Colleague 33/ }).getByRole('cell', { name: 'Design' }).waitFor();
    await page.getByRole('link', { name: 'Teams' }).click();

    await card.getByRole('button', { name: 'Remove Colleague 33 from Design' }).click();
    await card.getByText('No members yet').waitFor();
    expect((await call('GET', '/teams', { token: adminToken })).body[0].members).toEqual([]);
    await card.getByRole('button', { name: 'Delete the team Design' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the team Design?' });
    await dialog.getByRole('button', { name: 'Delete team' }).click();
    await page.getByText('No teams yet').waitFor();
    expect((await call('GET', '/teams', { token: adminToken })).body).toEqual([]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id && document.querySelector('label[for="' + document.activeElement.id + '"]')?.textContent)).toBe('Team name');
  });

  it('makes an invitation link whose copied value lets a colleague join from another browser, even with sign-up off', async () => {
    expect((await call('PUT', '/server/signup', { token: adminToken, json: { mode: 'closed' } })).status).toBe(200);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: console_.server.origin });
    await page.getByRole('link', { name: 'Invite' }).click();
    await page.getByRole('heading', { name: 'Invite colleagues', level: 1 }).waitFor();
    await page.getByText('None: create one above.').waitFor();
    await page.getByRole('button', { name: 'Create a link' }).click();
    const link = page.getByRole('textbox', { name: 'Invitation link' });
    await link.waitFor();
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await link.inputValue());
    expect(copied).toMatch(/\/join\?invitation=ali_/);
    await shoot('people-invite-link-light-1280');
    await page.getByRole('list', { name: 'Links that work now' }).getByText('Member link, expires in 2 weeks').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const guest = await console_.open(new URL(copied).pathname + new URL(copied).search);
    await guest.getByRole('heading', { name: 'Join Alongside' }).waitFor();
    await guest.getByLabel('Your name').fill('Ivy Invited');
    await guest.getByLabel('Work email').fill('ivy@elsewhere.example');
    await guest.getByLabel('Password').fill(PASSWORD);
    await guest.getByRole('button', { name: 'Create my account' }).click();
    await guest.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await findUser('ivy@elsewhere.example')).toMatchObject({ role: 'member' });
    await guest.context().close();

    await page.reload();
    await page.getByText('used once').waitFor();
    await page.getByRole('button', { name: /^Revoke the member link/ }).click();
    await page.getByRole('dialog', { name: 'Revoke this invitation link?' }).getByRole('button', { name: 'Revoke link' }).click();
    await page.getByText('None: create one above.').waitFor();
    expect((await call('GET', '/invitations', { token: adminToken })).body[0].revoked).toBe(true);
  });

  it("turns sign-up on for the admin's own email domain and off again, as GET /server then says", async () => {
    const ways = page.getByRole('region', { name: 'Let your company sign up' });
    await ways.getByText(/^Sign-up is off: only/).waitFor();
    const domains = ways.getByLabel('Company email domains');
    expect(await domains.inputValue()).toBe('corp.example'); // the admin's own
    await domains.fill('corp.example, not a domain');
    await ways.getByRole('button', { name: 'Turn on sign-up' }).click();
    await expect.poll(() => domains.getAttribute('aria-invalid')).toBe('true');
    await ways.getByText('must be a domain').waitFor();
    await domains.fill('corp.example');
    await ways.getByRole('button', { name: 'Turn on sign-up' }).click();
    await ways.getByText('People with an email at @corp.example can sign up.').waitFor();
    expect((await call('GET', '/server', { token: adminToken })).body.signUp).toEqual({ mode: 'domains', domains: ['corp.example'] });
    expect(await seriousViolations(page)).toEqual([]);

    await ways.getByRole('button', { name: 'Turn off sign-up' }).click();
    await ways.getByText(/^Sign-up is off: only/).waitFor();
    expect((await call('GET', '/server', { token: adminToken })).body.signUp.mode).toBe('closed');
  });

  it('looks right in light and dark, wide and narrow; at 390 px the table scrolls inside its region, not the page', async () => {
    await call('POST', '/teams', { token: adminToken, json: { name: 'Customer success' } });
    const team = (await call('POST', '/teams', { token: adminToken, json: { name: 'Sales' } })).body;
    for (const u of ['colleague.01', 'colleague.02', 'zora.last']) await call('POST', `/teams/${team.id}/members`, { token: adminToken, json: { userId: (await findUser(u)).id } });
    await call('PUT', '/server/signup', { token: adminToken, json: { mode: 'domains', domains: ['corp.example'] } });
    await call('POST', '/invitations', { token: adminToken, json: { role: 'moderator', days: 30 } });
    await call('PATCH', `/users/${(await findUser('colleague.03')).id}`, { token: adminToken, json: { disabled: true } });
    const views = [
      { name: 'people', path: '/people', ready: () => page.getByRole('rowheader', { name: 'Colleague 24' }).waitFor() },
      { name: 'people-new', path: '/people/new', ready: () => page.getByLabel('First password').waitFor() },
      { name: 'people-teams', path: '/people/teams', ready: () => page.getByRole('region', { name: /^Sales/ }).waitFor() },
      { name: 'people-invite', path: '/people/invite', ready: () => page.getByText('Moderator link').waitFor() },
    ];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 800 });
        for (const view of views) {
          await page.goto(`${console_.server.origin}${view.path}`);
          await view.ready();
          await shoot(`${view.name}-${colorScheme}-${width}`);
          expect(await seriousViolations(page)).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${view.name} at ${width}`).toBe(true);
          if (view.name === 'people' && width === 390) {
            expect(await page.getByRole('region', { name: 'Accounts' }).evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
          }
        }
      }
      await page.goto(`${console_.server.origin}/people?q=colleague%2004`);
      await page.getByRole('button', { name: "Turn off Colleague 04's account" }).click();
      await page.getByRole('dialog').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shoot(`people-dialog-${colorScheme}-390`);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    }
  });
});
