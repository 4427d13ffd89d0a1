// The frame probe: registered for every frame of granted sites, the top page's included (a registered
// script cannot name frames only), so it is kept to a few lines. In a frame of another origin than its
// parent, it asks the background whether this frame needs the frame script (./frame-agent/: the frame's
// site is granted too), which the background then injects. Anywhere else it does nothing: the top page
// has its own layer, and a frame its parent can read is reached by the parent's.
import type { BackgroundRequests } from '../messaging';

/** The browser's own extension namespace, each browser's native one (read off the global object). */
type Native = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Whether the parent page can read this frame (same origin). */
function parentReads(): boolean {
  try {
    return !!window.parent.document;
  } catch {
    return false;
  }
}

export default defineUnlistedScript(() => {
  if (window === window.top || parentReads()) return;
  // The browser's own runtime, not the promise polyfill the other scripts bundle (it would be most of
  // this one): Firefox's `browser` and Chrome's `chrome` both answer sendMessage with a promise.
  const runtime = (globalThis as unknown as Record<string, Native>)[import.meta.env.FIREFOX ? 'browser' : 'chrome']!.runtime;
  const type: keyof BackgroundRequests = 'frame:start';
  void runtime.sendMessage({ type, data: null }).catch(() => undefined);
});
