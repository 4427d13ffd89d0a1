// The web console as people meet it: the real API (with the built console) over HTTP on 127.0.0.1, on a
// fresh database, and a browser without the extension. `signIn` goes through the console's own form.
import type { Settings } from '../../api/config';
import type { SessionPage as Page } from './driver';
import { startApiServer, type ApiServer } from './api-server';
import { launchBrowser, type SessionBrowser } from './browser';

export const PASSWORD = 'correct horse battery';

export interface Console {
  server: ApiServer;
  /** A new page (its own browser context: its own cookies) at a console path. */
  open(path?: string, options?: { colorScheme?: 'light' | 'dark'; width?: number }): Promise<Page>;
  /** A page signed in as this account, through the sign-in form. */
  signedIn(email: string, path?: string, options?: { colorScheme?: 'light' | 'dark'; width?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startConsole(settings: Partial<Settings> = {}): Promise<Console> {
  const server = await startApiServer(settings);
  // One browser for the suite, launched with its first page; each page a session of its own.
  let browser: Promise<SessionBrowser> | undefined;
  const sessions: Array<{ close(): Promise<void> }> = [];
  const open: Console['open'] = async (path = '/', options = {}) => {
    const session = await (browser ??= launchBrowser()).then((b) => b.newSession({ colorScheme: options.colorScheme }));
    sessions.push(session);
    const page = await session.newPage();
    if (options.width) await page.setViewportSize({ width: options.width, height: 800 });
    await page.goto(`${server.origin}${path}`);
    return page;
  };
  return {
    server,
    open,
    async signedIn(email, path = '/', options) {
      const page = await open(path, options);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      return page;
    },
    async close() {
      await Promise.all(sessions.map((s) => s.close().catch(() => undefined))); // a test may have closed its own
      await (await browser)?.close();
      await server.close();
    },
  };
}
