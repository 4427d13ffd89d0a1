// The opt-in for browser notifications of questions routed to me: off by default; on asks the browser for
// the `notifications` permission (an optional one). Stored as the time it was turned on, so items older
// than that never pop up.
import { browser } from 'wxt/browser';

const KEY = 'notifyRoutedSince';

/** When routed-question notifications were turned on (ISO time), or null when off. */
export async function routedNotificationsSince(): Promise<string | null> {
  const since = (await browser.storage.local.get(KEY))[KEY];
  if (typeof since !== 'string') return null;
  return (await browser.permissions.contains({ permissions: ['notifications'] })) ? since : null;
}

/** Turns them on or off; on must run from the user's click (the permission prompt). False: not granted. */
export async function setRoutedNotifications(on: boolean): Promise<boolean> {
  if (!on) {
    await browser.storage.local.remove(KEY);
    await browser.permissions.remove({ permissions: ['notifications'] }).catch(() => false);
    return true;
  }
  if (!(await browser.permissions.request({ permissions: ['notifications'] }))) return false;
  await browser.storage.local.set({ [KEY]: new Date().toISOString() });
  return true;
}
