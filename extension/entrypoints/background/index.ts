// The background: session and server settings live in storage (server/settings.ts), this wires the events.
import { browser } from 'wxt/browser';
import { backgroundListener, tellTab } from '../../messaging';
import { checkInbox, INBOX_ALARM, unreadFromPanel } from './inbox';
import { listenToNotificationClicks } from './notifications';
import { flushOutbox, outbox, OUTBOX_ALARM } from './outbox-sender';
import { syncRegistrations } from './registration';
import { forgetTab, locate, relocateAll, tabPage, tabTips, updateContext } from './tab-pages';
import { forgetTipState, injectTipLayer, recordAnchoring, reportOutcomes, setPanelTarget, startPinMode } from './tips';

function senderTab(sender: { tab?: { id?: number } }): number {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error('This message must come from a tab.');
  return id;
}

/** A clicked notification marked its item read: the badge's unread count follows. */
const afterNotificationRead = () => checkInbox(true);

export default defineBackground(() => {
  // Registrations persist across sessions, but sites, grants or the session may have changed meanwhile.
  void syncRegistrations();
  void flushOutbox();
  void checkInbox(true);
  listenToNotificationClicks(afterNotificationRead);

  browser.runtime.onMessage.addListener(
    backgroundListener({
      'page:located': ({ url }, sender) => {
        // The content script reports its own tab; a URL of another origin than the tab's is refused.
        const tabUrl = sender.tab?.url;
        if (tabUrl && new URL(tabUrl).origin !== new URL(url).origin) return null;
        return locate(senderTab(sender), url).finally(() => void checkInbox());
      },
      'panel:page': (_, sender) => tabPage(senderTab(sender)),
      'panel:context': async ({ pageKey, counts, tips }, sender) => {
        await updateContext(senderTab(sender), pageKey, counts, tips);
        return null;
      },
      'panel:close': async (_, sender) => {
        await tellTab(senderTab(sender), 'panel:close', null);
        return null;
      },
      'outbox:add': async (entry) => {
        const item = await outbox.add(entry);
        await flushOutbox(true);
        return (await outbox.list()).find((i) => i.id === item.id) ?? null;
      },
      'outbox:discard': async ({ id }) => {
        await outbox.discard(id);
        return null;
      },
      'outbox:flush': async () => {
        await flushOutbox(true);
        return null;
      },
      'sites:sync': async () => {
        await syncRegistrations();
        await relocateAll();
        await checkInbox(true);
        return null;
      },
      'inbox:unread': async ({ unread }) => {
        await unreadFromPanel(unread);
        return null;
      },
      // Tips (see ./tips.ts): the tab's own page only, from sender.tab.
      'tips:layer': async (_, sender) => {
        await injectTipLayer(senderTab(sender));
        return null;
      },
      'tips:page': ({ pageKey }, sender) => tabTips(senderTab(sender), pageKey),
      'tips:anchored': async (anchoring, sender) => {
        await recordAnchoring(senderTab(sender), anchoring);
        return null;
      },
      'tips:report': async ({ pageKey, reports }, sender) => {
        await reportOutcomes(senderTab(sender), pageKey, reports);
        return null;
      },
      'pin:start': async ({ repin }, sender) => {
        await startPinMode(senderTab(sender), repin);
        return null;
      },
      'panel:target': async (target, sender) => {
        await setPanelTarget(senderTab(sender), target);
        return null;
      },
    }),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void flushOutbox();
    if (alarm.name === INBOX_ALARM) void checkInbox();
  });
  browser.permissions.onRemoved.addListener(() => void syncRegistrations());
  browser.permissions.onAdded.addListener(() => {
    void syncRegistrations();
    listenToNotificationClicks(afterNotificationRead);
  });
  // Switching tabs is a moment to bring the unread count (the badge where no page count applies) up to date.
  browser.tabs.onActivated.addListener(() => void checkInbox());
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void forgetTipState(tabId);
  });

  // The shortcut (manifest `commands`) and the toolbar button toggle the panel on a site's page,
  // and open the settings anywhere else.
  const toggle = async (tabId: number | undefined) => {
    if (tabId !== undefined && (await tabPage(tabId))) await tellTab(tabId, 'panel:toggle', null);
    else await browser.runtime.openOptionsPage();
  };
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-panel') void toggle(tab?.id);
    if (command === 'pin-tip' && tab?.id !== undefined) void startPinMode(tab.id, null);
  });
  browser.action.onClicked.addListener((tab) => void toggle(tab.id));
});
