// The panel follows its tab (the page, what anchoring found, what to show) over a port to the background,
// which keeps them: in Firefox this frame cannot read storage.session (background/panel-state.ts).
import { browser } from 'wxt/browser';
import { PANEL_PORT, type PanelState } from '../../messaging';

/** Calls `onState` with the tab's state now and after every change, for the life of this frame. */
export function followTab(onState: (state: PanelState) => void): void {
  let port: ReturnType<typeof browser.runtime.connect>;
  try {
    port = browser.runtime.connect({ name: PANEL_PORT });
  } catch {
    return; // the extension was reloaded or removed: this frame is an orphan
  }
  let heard = false;
  port.onMessage.addListener((state) => {
    heard = true;
    onState(state as PanelState);
  });
  // Chrome stops an idle worker and closes its ports: connecting again wakes it and brings the state anew.
  // A port closed before any word is a refusal (not this tab's panel), not worth another try.
  port.onDisconnect.addListener(() => {
    if (heard) followTab(onState);
  });
}
