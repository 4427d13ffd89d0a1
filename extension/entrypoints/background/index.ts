// The background: session and server settings live in storage (core/settings), this wires the events.
import { browser } from 'wxt/browser';
import { backgroundListener, tellTab } from '../../messaging';
import { flushOutbox, outbox, OUTBOX_ALARM } from './outbox-sender';
import { syncRegistrations } from './registration';
import { forgetTab, locate, relocateAll, tabPage, updateCounts } from './tab-pages';

function senderTab(sender: { tab?: { id?: number } }): number {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error('This message must come from a tab.');
  return id;
}

export default defineBackground(() => {
  // Registrations persist across sessions, but sites, grants or the session may have changed meanwhile.
  void syncRegistrations();
  void flushOutbox();

  browser.runtime.onMessage.addListener(
    backgroundListener({
      'page:located': ({ url }, sender) => {
        // The content script reports its own tab; a URL of another origin than the tab's is refused.
        const tabUrl = sender.tab?.url;
        if (tabUrl && new URL(tabUrl).origin !== new URL(url).origin) return null;
        return locate(senderTab(sender), url);
      },
      'panel:page': (_, sender) => tabPage(senderTab(sender)),
      'panel:counts': async ({ pageKey, counts }, sender) => {
        await updateCounts(senderTab(sender), pageKey, counts);
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
        return null;
      },
    }),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void flushOutbox();
  });
  browser.permissions.onRemoved.addListener(() => void syncRegistrations());
  browser.permissions.onAdded.addListener(() => void syncRegistrations());
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  // The shortcut (manifest `commands`) and the toolbar button toggle the panel on a site's page,
  // and open the settings anywhere else.
  const toggle = async (tabId: number | undefined) => {
    if (tabId !== undefined && (await tabPage(tabId))) await tellTab(tabId, 'panel:toggle', null);
    else await browser.runtime.openOptionsPage();
  };
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-panel') void toggle(tab?.id);
  });
  browser.action.onClicked.addListener((tab) => void toggle(tab.id));
});
