// The console's first run as a new admin does it, scripted: from a fresh server's first page to "Finish
// setup", registering an app from a pasted address, turning on sign-up for the company's domain and
// reading the extension step. The browser suite checks what it leaves behind; the benchmark times it and
// counts what the person did (clicks, and fields typed into).
import type { Page } from './driver';
import { PASSWORD } from './console';

export const FIRST_RUN = {
  admin: { name: 'Ada Admin', email: 'ada@corp.example' },
  /** A page of the app, pasted from the browser: `tab` identifies the page, the fragment only marks a spot. */
  appUrl: 'https://crm.corp.example/accounts/42?tab=activity&session=abc123#notes',
  appName: 'CRM',
};

export interface FirstRunActions {
  clicks: number;
  typed: number;
}

/** Runs the first run on a page open at the console of a fresh server; returns what the person did. */
export async function scriptedFirstRun(page: Page): Promise<FirstRunActions> {
  const did: FirstRunActions = { clicks: 0, typed: 0 };
  const click = async (locator: ReturnType<Page['getByRole']>) => (did.clicks++, locator.click());
  const fill = async (label: string, value: string) => (did.typed++, page.getByLabel(label, { exact: true }).fill(value));

  await page.getByRole('heading', { name: 'Welcome to Alongside' }).waitFor();
  await fill('Your name', FIRST_RUN.admin.name);
  await fill('Work email', FIRST_RUN.admin.email);
  await fill('Password', PASSWORD);
  await click(page.getByRole('button', { name: 'Create the admin account' }));

  await page.getByRole('heading', { name: 'Step 2 of 4: Your first app' }).waitFor();
  await fill('An address of the app', FIRST_RUN.appUrl);
  // The form answers the questions from the address (tab kept; session, secret-looking, not), live.
  await page.getByTestId('page-key').filter({ hasText: 'https://crm.corp.example/accounts/42?tab=activity' }).waitFor();
  await click(page.getByRole('button', { name: 'Register the app' }));

  await page.getByRole('heading', { name: 'Step 3 of 4: Invite colleagues' }).waitFor();
  await click(page.getByRole('button', { name: 'Turn on sign-up' })); // the domain is the admin's own, filled in
  await click(page.getByRole('button', { name: 'Continue' })); // a click waits for it to be enabled

  await page.getByRole('heading', { name: 'Step 4 of 4: Install the extension' }).waitFor();
  await click(page.getByRole('button', { name: 'Got it, continue' }));

  await page.getByRole('heading', { name: 'Done', level: 2 }).waitFor();
  await click(page.getByRole('button', { name: 'Finish setup' }));
  await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
  return did;
}
