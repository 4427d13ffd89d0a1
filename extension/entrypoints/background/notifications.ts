// Browser notifications, opt-in (options page), for questions routed to me. The background sees new
// unread items when it checks the inbox (./inbox.ts); each item is notified once, ever: the notified ids
// are kept in storage.local with where a click leads. A notification names the question only when its
// page is on a site the extension runs on (listed, turned on, granted); nothing of any other site shows.
import { browser } from 'wxt/browser';
import type { InboxItem } from '@shared/contract';
import { pageLink } from '@shared/page-key';
import { routedNotificationsSince } from '../../inbox/notify-setting';
import { cachedSites, sessionClient } from '../../server/settings';
import { activeOrigins } from './registration';

/** storage.local: item id → the page a click opens (null: none), for the items already notified. */
const NOTIFIED_KEY = 'notifiedInbox';
const KEEP_NOTIFIED = 200;
const PREFIX = 'inbox:';

type Notified = Record<string, string | null>;

async function notified(): Promise<Notified> {
  return ((await browser.storage.local.get(NOTIFIED_KEY))[NOTIFIED_KEY] as Notified | undefined) ?? {};
}

/** Shows a notification for each new unread routed question among `items` (if the user opted in). */
export async function notifyRouted(items: InboxItem[]): Promise<void> {
  const since = await routedNotificationsSince();
  if (!since) return;
  const done = await notified();
  // Items created before the switch was turned on are not news (the server's clock against ours: minor).
  const fresh = items.filter((i) => i.kind === 'question_routed' && !i.readAt && i.question && !(i.id in done) && i.createdAt >= since);
  if (!fresh.length) return;
  const [sites, active] = await Promise.all([cachedSites(), activeOrigins()]);
  const shown = fresh.reverse().map((item) => {
    const link = pageLink(item.question!.pattern);
    const origin = link ? new URL(link.url).origin : null;
    const site = origin && active.includes(origin) ? sites.find((s) => s.origin === origin) : undefined;
    done[item.id] = site && link ? link.url : null;
    return { item, site };
  });
  // Saved before any is shown: a failure below never shows one twice.
  const ids = Object.keys(done);
  const kept = Object.fromEntries(ids.slice(Math.max(0, ids.length - KEEP_NOTIFIED)).map((id) => [id, done[id]!]));
  await browser.storage.local.set({ [NOTIFIED_KEY]: kept });
  for (const { item, site } of shown) {
    try {
      await browser.notifications.create(`${PREFIX}${item.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: 'A question was routed to you',
        message: site ? item.question!.title : 'Open the Alongside panel on your apps to see it.',
        contextMessage: site ? site.name : undefined,
      });
    } catch {
      // this one is not shown (permission gone, system refused); the others still are
    }
  }
}

/** A click opens the question's page and marks the item read; `afterRead` then brings the count up to date. */
async function openNotified(notificationId: string, afterRead: () => Promise<void>): Promise<void> {
  if (!notificationId.startsWith(PREFIX)) return;
  const id = notificationId.slice(PREFIX.length);
  await browser.notifications.clear(notificationId);
  const url = (await notified())[id];
  if (url) await browser.tabs.create({ url });
  const client = await sessionClient();
  await client?.api.call('POST /inbox/{id}/read', { params: { id } }).catch(() => undefined);
  await afterRead();
}

let listening = false;

/**
 * Listens to notification clicks; the API exists only once the permission is granted (call again then).
 * `afterRead` re-checks the inbox (./inbox.ts, which imports this module: passed in, not imported).
 */
export function listenToNotificationClicks(afterRead: () => Promise<void>): void {
  if (listening || !browser.notifications) return;
  listening = true;
  browser.notifications.onClicked.addListener((id) => void openNotified(id, afterRead));
}
