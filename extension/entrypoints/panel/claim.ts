import { askBackground, type TabPage } from '../../messaging';
import { secretOf } from '../../messaging/panel-secret';

/**
 * The page of this panel's tab, once this frame has shown it is the one its content script framed
 * (background/panel-frames.ts): each secret its parent window posts is tried, since the host page may
 * post too, and the first the background accepts wins. A frame nobody hands the right secret (a host page
 * framed panel.html itself) waits for ever: it loads and shows nothing.
 */
export function claimPage(): Promise<TabPage | null> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const secret = event.source === window.parent ? secretOf(event.data) : null;
      if (!secret) return;
      void askBackground('panel:page', { secret }).then(
        (claimed) => {
          if (!claimed) return;
          window.removeEventListener('message', onMessage);
          resolve(claimed.page);
        },
        () => undefined, // the background restarted meanwhile: the next candidate, if any
      );
    };
    window.addEventListener('message', onMessage);
  });
}
