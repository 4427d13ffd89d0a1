// What an open panel follows of its tab: the tab's page, what anchoring found there and what the page
// asked the panel to show. The background keeps them in storage.session and sends them whole over the
// panel's port each time one changes. The panel cannot read storage.session itself in Firefox: there an
// extension page framed by a web page gets only the content scripts' APIs (a document is privileged only
// when every frame above it is the extension's: ExtensionPolicyService::CheckDocument), and
// storage.session, tabs and permissions are not among them.
import { browser, type Browser } from 'wxt/browser';
import { PANEL_PORT, type PanelState, type PanelTarget, type TipAnchoring } from '../../messaging';
import { anchoringKey, targetKey } from '../../tips/session-keys';
import { isPanel } from './panel-frames';
import { storeKey, tabPage } from './tab-pages';

export function servePanelState(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PANEL_PORT) void serve(port);
  });
}

async function panelState(tabId: number): Promise<PanelState> {
  const [page, stored] = await Promise.all([tabPage(tabId), browser.storage.session.get([anchoringKey(tabId), targetKey(tabId)])]);
  return {
    page,
    anchoring: (stored[anchoringKey(tabId)] as TipAnchoring | undefined) ?? null,
    target: (stored[targetKey(tabId)] as PanelTarget | undefined) ?? null,
  };
}

/** Only the tab's own panel is answered (panel-frames.ts); any other frame's port is closed at once. */
async function serve(port: Browser.runtime.Port): Promise<void> {
  let open = true;
  const keys = new Set<string>();
  const onChanged = (changes: Record<string, unknown>) => {
    if (Object.keys(changes).some((k) => keys.has(k))) send();
  };
  port.onDisconnect.addListener(() => {
    open = false;
    browser.storage.session.onChanged.removeListener(onChanged);
  });
  const sender = port.sender;
  const tabId = sender?.tab?.id;
  if (!sender || tabId === undefined || !(await isPanel(tabId, sender))) return port.disconnect();
  for (const k of [storeKey(tabId), anchoringKey(tabId), targetKey(tabId)]) keys.add(k);
  // One read at a time, each after the change that asked for it: the last state sent is the newest.
  let sending = Promise.resolve();
  const send = () => {
    sending = sending
      .then(async () => {
        const state = await panelState(tabId);
        if (open) port.postMessage(state);
      })
      .catch((err: unknown) => console.warn('Alongside: could not tell the panel about its tab', err));
  };
  if (!open) return;
  browser.storage.session.onChanged.addListener(onChanged);
  send();
}
