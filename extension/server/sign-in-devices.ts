// This browser's sign-in device tokens, one per server and account, in storage.local. The server hands
// one out with every session; sent back with the next sign-in to that account, it counts that browser's
// attempts on their own, so guesses from elsewhere never lock the owner out (api/auth/sign-in.ts). It
// belongs to the browser, not the session: signing out keeps it.
import { browser } from 'wxt/browser';
import { apiRoot } from '@shared/client';

const KEY = 'signInDevices';

/** An account on a server: the API root (however the address was typed) and the email as the server compares it. */
const accountKey = (serverUrl: string, email: string) => `${apiRoot(serverUrl)} ${email.trim().toLowerCase()}`;

async function devices(): Promise<Record<string, string>> {
  const { [KEY]: stored } = await browser.storage.local.get(KEY);
  return (stored as Record<string, string> | undefined) ?? {};
}

/** The device token of this browser's last sign-in to the account, if it signed in before. */
export async function deviceFor(serverUrl: string, email: string): Promise<string | undefined> {
  return (await devices())[accountKey(serverUrl, email)];
}

export async function keepDevice(serverUrl: string, email: string, device: string): Promise<void> {
  await browser.storage.local.set({ [KEY]: { ...(await devices()), [accountKey(serverUrl, email)]: device } });
}
