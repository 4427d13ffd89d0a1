// The web console's frame, as a new admin meets it: the first account from a fresh server, the weak
// password refused beside its field with nothing typed lost, the navigation, the Server page, signing out
// (the session ends), signing in again; the session cookie out of page scripts' reach; axe-core; light
// and dark at 1280 and 390 px (screenshots kept in $TMPDIR/alongside-screens/console).
import { join } from 'node:path';
import type { SessionPage as Page } from '../support/driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screensDir } from '../support/browser';
import { PASSWORD, startConsole, type Console } from '../support/console';
import { seriousViolations } from './axe';

const SHOTS = screensDir('console');

describe.skipIf(!browserAvailable)('the web console: first account, frame, server page, sign-out', () => {
  let console_: Console;
  beforeAll(async () => {
    console_ = await startConsole();
  });
  afterAll(() => console_?.close());

  const shoot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it('walks the first person on a fresh server into the admin account, refusing a weak password beside its field', async () => {
    const page = await console_.open('/');
    await page.getByRole('heading', { name: 'Welcome to Alongside' }).waitFor();
    await page.getByLabel('Your name').fill('Ada Admin');
    await page.getByLabel('Work email').fill('ada@corp.example');
    await page.getByLabel('Password').fill('password12');
    await page.getByRole('button', { name: 'Create the admin account' }).click();
    const password = page.getByLabel('Password');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const described = await password.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described!.split(' ').pop()}"]`).textContent()).toContain('too easy to guess');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Ada Admin'); // nothing typed is lost
    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Create the admin account' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.evaluate(() => document.cookie)).not.toContain('alongside_session'); // HttpOnly
  });

  it('shows the server, opens the narrow menu, and looks right in light and dark, wide and narrow', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        const page = await console_.signedIn('ada@corp.example', '/server', { colorScheme, width });
        await page.getByRole('heading', { name: 'Settings in force' }).waitFor();
        expect(await page.getByRole('rowheader', { name: 'SESSION_DAYS' }).count()).toBe(1);
        expect(await seriousViolations(page)).toEqual([]);
        await shoot(page, `server-${colorScheme}-${width}`);
        if (width === 390) {
          const menu = page.getByRole('button', { name: 'Menu' });
          await menu.click();
          expect(await menu.getAttribute('aria-expanded')).toBe('true');
          await page.getByRole('link', { name: 'Home' }).click();
          await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
        }
        await page.context().close();
      }
    }
  });

  it('signs out: the session ends on the server, and signing in again works', async () => {
    const page = await console_.signedIn('ada@corp.example');
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'alongside_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Alongside' }).waitFor();
    const after = await fetch(`${console_.server.origin}/api/v1/auth/me`, { headers: { cookie: `alongside_session=${session.value}` } });
    expect(after.status).toBe(401);
    await page.getByLabel('Email').fill('ada@corp.example');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe('ada@corp.example');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
