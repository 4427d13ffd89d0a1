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
export function createPanelFrame(side: 'left' | 'right'): HTMLIFrameElement {
  const frame = createElement('iframe');
  frame.className = 'panel';
  frame.dataset.side = side;
  frame.dataset.testid = 'alongside-panel';
  frame.title = 'Alongside: notes and questions for this page';
  frame.src = browser.runtime.getURL('/panel.html');
  const secret = crypto.randomUUID();
  const expected = askBackground('panel:expect', { secret });
  frame.addEventListener(
    'load',
    () => {
      // Only a document of the extension's origin receives it: not whatever the host navigated the frame to.
      void expected.then(() => frame.contentWindow?.postMessage(panelSecret(secret), panelOrigin()));
      // The panel focuses its own heading once loaded; focusing the frame moves keyboard focus into it.
      frame.focus();
    },
    { once: true },
  );
  return frame;
}
