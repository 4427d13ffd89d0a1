// The background: session and server settings live in storage (server/settings.ts), this wires the events.
import { browser, type Browser } from 'wxt/browser';
import { backgroundListener, tellTab } from '../../messaging';
import { serverGranted, storedSession } from '../../server/settings';
import { checkInbox, INBOX_ALARM, unreadFromPanel } from './inbox';
import { listenToNotificationClicks } from './notifications';
import { flushOutbox, outbox, OUTBOX_ALARM } from './outbox-sender';
import { syncRegistrations } from './registration';
import { claimPanel, expectPanel, forgetPanel, isPanel } from './panel-frames';
import { servePanelState } from './panel-state';
import { forgetAgents, frameTips, injectFrameAgent } from './frame-agents';
import { forgetTab, locate, locateFrame, relocateAll, tabPage, tabTips, updateContext } from './tab-pages';
import { clearPanelTarget, endPinMode, forgetTipState, injectTipLayer, recordAnchoring, reportOutcomes, setPanelTarget, startPinMode } from './tips';

type Sender = Browser.runtime.MessageSender;

function senderTab(sender: Sender): number {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error('This message must come from a tab.');
  return id;
}

/** The tab of a request only the tab's own panel may make (see ./panel-frames.ts). */
async function panelTab(sender: Sender): Promise<number> {
  const tabId = senderTab(sender);
  if (!(await isPanel(tabId, sender))) throw new Error('This message must come from the panel of its tab.');
  return tabId;
}

/** A clicked notification marked its item read: the badge's unread count follows. */
const afterNotificationRead = () => checkInbox(true);

export default defineBackground(() => {
  // Registrations persist across sessions, but sites, grants or the session may have changed meanwhile.
  void syncRegistrations();
  void flushOutbox();
  void checkInbox(true);
  listenToNotificationClicks(afterNotificationRead);
  servePanelState();

  browser.runtime.onMessage.addListener(
    backgroundListener({
      'page:located': ({ url, moved }, sender) => {
        // The content script reports its own tab; a URL of another origin than the tab's is refused.
        const tabUrl = sender.tab?.url;
        if (tabUrl && new URL(tabUrl).origin !== new URL(url).origin) return null;
        return locate(senderTab(sender), url, { moved }).finally(() => void checkInbox());
      },
      'panel:expect': async ({ secret }, sender) => {
        if (sender.frameId !== 0) throw new Error('Only the content script of a tab frames its panel.');
        await expectPanel(senderTab(sender), secret);
        return null;
      },
      'panel:page': async ({ secret }, sender) => {
        const tabId = senderTab(sender);
        return (await claimPanel(tabId, sender, secret)) ? { page: await tabPage(tabId) } : null;
      },
      'panel:context': async ({ pageKey, counts, tips }, sender) => {
        await updateContext(await panelTab(sender), pageKey, counts, tips);
        return null;
      },
      'panel:close': async (_, sender) => {
        await tellTab(await panelTab(sender), 'panel:close', null);
        return null;
      },
      // What the panel cannot do itself in Firefox (./panel-state.ts says why).
      'panel:target-done': async (_, sender) => {
        await clearPanelTarget(await panelTab(sender));
        return null;
      },
      'panel:server-granted': async (_, sender) => {
        await panelTab(sender);
        const session = await storedSession();
        return !!session && (await serverGranted(session.serverUrl));
      },
      'panel:open-tab': async ({ url }, sender) => {
        await panelTab(sender);
        if (!/^https?:$/.test(new URL(url).protocol)) throw new Error('The panel opens web pages only.');
        await browser.tabs.create({ url });
        return null;
      },
      'panel:options': async (_, sender) => {
        await panelTab(sender);
        await browser.runtime.openOptionsPage();
        return null;
      },
      'outbox:add': async (entry, sender) => {
        await panelTab(sender);
        const item = await outbox.add(entry);
        await flushOutbox(true);
        return (await outbox.list()).find((i) => i.id === item.id) ?? null;
      },
      'outbox:discard': async ({ id }, sender) => {
        await panelTab(sender);
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
      'inbox:unread': async ({ unread }, sender) => {
        await panelTab(sender);
        await unreadFromPanel(unread);
        return null;
      },
      'commands:list': async () =>
        (await browser.commands.getAll()).map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' })),
      // Tips (see ./tips.ts): the tab's own page only, from sender.tab.
      'tips:layer': async (_, sender) => {
        await injectTipLayer(senderTab(sender), sender.frameId);
        return null;
      },
      'tips:page': async ({ pageKey }, sender) => {
        const tabId = senderTab(sender);
        const tips = await tabTips(tabId, pageKey);
        return tips && frameTips(tabId, sender.frameId ?? 0, tips);
      },
      'tips:anchored': async (anchoring, sender) => {
        await recordAnchoring(senderTab(sender), anchoring);
        return null;
      },
      'tips:report': async ({ pageKey, reports }, sender) => {
        await reportOutcomes(senderTab(sender), pageKey, reports);
        return null;
      },
      'pin:start': async ({ repin }, sender) => {
        await startPinMode(await panelTab(sender), repin);
        return null;
      },
      'panel:target': async (target, sender) => {
        await setPanelTarget(senderTab(sender), target);
        return null;
      },
      'frame:start': async (_, sender) => {
        if (!sender.frameId || !sender.url) return null;
        const tabId = senderTab(sender);
        if (await locateFrame(tabId, sender.frameId, sender.url)) await injectFrameAgent(tabId, sender.frameId);
        return null;
      },
      'frame:located': ({ url }, sender) => {
        // A frame's own script, in a frame of the tab's page: never the tab's top frame.
        if (!sender.frameId || (sender.url && new URL(sender.url).origin !== new URL(url).origin)) return null;
        return locateFrame(senderTab(sender), sender.frameId, url);
      },
      'panel:open': async (_, sender) => {
        const tabId = senderTab(sender);
        if (await tabPage(tabId)) await tellTab(tabId, 'panel:open', null);
        return null;
      },
      'pin:ended': async (_, sender) => {
        await endPinMode(senderTab(sender), sender.frameId ?? 0);
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
    void forgetPanel(tabId);
    void forgetAgents(tabId);
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
