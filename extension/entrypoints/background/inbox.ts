// The unread inbox count behind the toolbar badge (./badge.ts), and the notifications it leads to.
//
// Why polling, not a live stream: the MV3 service worker stops after 30 s without events, and an open
// fetch or EventSource stream does not keep it alive, so the background
// cannot hold one. It asks GET /inbox?unread=true instead: on an alarm every 30 s (the shortest period
// chrome.alarms allows), when a tab becomes active or a site's page loads, and at once when an open panel,
// which does hold a live stream, reports a new count (`inbox:unread`). Checks closer than a few seconds
// apart are skipped, except the panel's.
import { browser } from 'wxt/browser';
import { ApiFailure } from '@shared/client';
import { sessionClient } from '../../server/settings';
import { saveUnread, storedUnread } from './badge';
import { notifyRouted } from './notifications';
import { redrawBadges } from './tab-pages';

export const INBOX_ALARM = 'inbox-poll';
const MIN_GAP_MS = 5_000;

/** storage.session: which session the server answered 401 to (expired, signed out elsewhere); not its token. */
const DEAD_SESSION_KEY = 'inbox:deadSession';
const sessionMark = (s: { user: { id: string }; expiresAt: string }) => `${s.user.id} ${s.expiresAt}`;
const deadSession = async () => (await browser.storage.session.get(DEAD_SESSION_KEY))[DEAD_SESSION_KEY] as string | undefined;

let lastCheck = 0;
let checking: Promise<void> | null = null;

async function setUnread(unread: number): Promise<void> {
  if (unread === (await storedUnread())) return;
  await saveUnread(unread);
  await redrawBadges();
}

/** Asks the server for the unread items: updates the badge, notifies new routed questions. */
export function checkInbox(force = false): Promise<void> {
  if (checking) return force ? checking.then(() => checkInbox(true)) : checking;
  if (!force && Date.now() - lastCheck < MIN_GAP_MS) return Promise.resolve();
  lastCheck = Date.now();
  checking = (async () => {
    const client = await sessionClient();
    // No session, or one the server refused: no count, no polling until the session changes (signing in
    // again stores a new session, and the options page's `sites:sync` checks at once).
    if (!client || (await deadSession()) === sessionMark(client.session)) {
      await browser.alarms.clear(INBOX_ALARM);
      return setUnread(0);
    }
    if (!(await browser.alarms.get(INBOX_ALARM))) await browser.alarms.create(INBOX_ALARM, { periodInMinutes: 0.5 });
    try {
      const page = await client.api.call('GET /inbox', { query: { unread: 'true' } });
      await setUnread(page.unread);
      await notifyRouted(page.items);
    } catch (err) {
      if (err instanceof ApiFailure && err.kind === 'unauthorized') {
        await browser.storage.session.set({ [DEAD_SESSION_KEY]: sessionMark(client.session) });
        await browser.alarms.clear(INBOX_ALARM);
        await setUnread(0);
      }
      // Offline: keep the last count; the page's badge shows the problem.
    }
  })().finally(() => {
    checking = null;
  });
  return checking;
}

/** An open panel's live stream reported the count: show it now; more unread may mean something to notify. */
export async function unreadFromPanel(unread: number): Promise<void> {
  const before = await storedUnread();
  await setUnread(unread);
  if (unread > before) await checkInbox(true);
}
