import { browser } from 'wxt/browser';
import { createElement } from '../../host-page/document';
import { askBackground } from '../../messaging';
import { panelSecret } from '../../messaging/panel-secret';

/**
 * The origin of the panel's document. Chrome serves panel.html at a per-session alias (use_dynamic_url,
 * what runtime.getURL answers here), but the document it loads has the extension id's origin; Firefox's
 * extension URLs are their own origin.
 */
const panelOrigin = () => (import.meta.env.FIREFOX ? new URL(browser.runtime.getURL('/')).origin : `chrome-extension://${browser.runtime.id}`);

/**
 * The panel is an extension page in an iframe: the host page's CSS cannot reach it and its scripts
 * cannot read it (another origin). It is created on open and removed on close, so nothing of it
 * loads on pages where nobody opens it. A host page can frame panel.html too: ours is told apart by a
 * fresh secret, registered with the background and then posted to this frame alone
 * (background/panel-frames.ts).
 */
export interface PanelFrame {
  frame: HTMLIFrameElement;
  /** Posts a message to the panel once its document (of the extension's origin) has loaded. */
  tell(message: unknown): void;
}

export function createPanelFrame(side: 'left' | 'right'): PanelFrame {
  const frame = createElement('iframe');
  frame.className = 'panel';
  frame.dataset.side = side;
  frame.dataset.testid = 'alongside-panel';
  frame.title = 'Alongside: notes and questions for this page';
  frame.src = browser.runtime.getURL('/panel.html');
  const secret = crypto.randomUUID();
  const expected = askBackground('panel:expect', { secret });
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  // Only a document of the extension's origin receives these: not whatever the host navigated the frame to.
  const post = (message: unknown) => frame.contentWindow?.postMessage(message, panelOrigin());
  void loaded.then(() => {
    void expected.then(() => post(panelSecret(secret)));
    // The panel focuses its own heading once loaded; focusing the frame moves keyboard focus into it.
    frame.focus();
  });
  return { frame, tell: (message) => void loaded.then(() => post(message)) };
}
