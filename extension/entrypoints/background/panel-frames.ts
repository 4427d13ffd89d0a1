// Which frame of a tab is its panel: only the one the tab's content script framed. A host page can frame
// panel.html itself (invisible, on top: clickjacking), and that frame is in the same tab; so the tab is not
// enough. The content script registers a fresh secret here (panel:expect) and hands it to its frame with
// postMessage, which the host page cannot read; the frame that presents it (panel:page) is the tab's panel,
// the only one answered, until the content script frames the next one.
import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

interface PanelFrame {
  secret: string;
  /** The frame that presented the secret; null until one did. */
  frameId: number | null;
  /** Its document (Chrome says which; Firefox does not): a reload in that frame is not the panel either. */
  documentId: string | null;
}

const key = (tabId: number) => `panel-frame:${tabId}`;

async function stored(tabId: number): Promise<PanelFrame | null> {
  return ((await browser.storage.session.get(key(tabId)))[key(tabId)] as PanelFrame | undefined) ?? null;
}

/** The tab's content script is framing a panel and will hand it `secret`. */
export async function expectPanel(tabId: number, secret: string): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: { secret, frameId: null, documentId: null } satisfies PanelFrame });
}

/** A frame presents the secret: it becomes the tab's panel if it is the first to present the right one. */
export async function claimPanel(tabId: number, sender: Sender, secret: string): Promise<boolean> {
  const expected = await stored(tabId);
  if (!expected || expected.frameId !== null || expected.secret !== secret || !sender.frameId) return false;
  await browser.storage.session.set({ [key(tabId)]: { secret, frameId: sender.frameId, documentId: sender.documentId ?? null } satisfies PanelFrame });
  return true;
}

/** Whether the sender is its tab's panel (the frame that claimed it). */
export async function isPanel(tabId: number, sender: Sender): Promise<boolean> {
  const panel = await stored(tabId);
  return !!panel && panel.frameId !== null && panel.frameId === sender.frameId && (panel.documentId === null || panel.documentId === sender.documentId);
}

export const forgetPanel = (tabId: number) => browser.storage.session.remove(key(tabId));
