// The frame script: in a frame of another granted site inside a granted page (a partner's widget, a
// legacy screen framed from its own host), which the tab's page cannot read. Injected by the background
// when the frame probe (../frame-probe.ts) there asks: it shows the tips pinned in this frame and runs pin
// mode here, as the tab's page does (the tip layer, loaded on demand); the launcher and the panel stay the
// page's.
import '../../host-page/own-globals';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { askBackground, tabListener, type TabPage } from '../../messaging';
import { createOverlayRoot, type OverlayRoot } from '../../overlay/overlay-root';
import { tipLayerLoader } from '../../tips/layer-loader';
import { watchLocation } from '../content/location-watch';

/** Set by wxt.config.ts (Vite `define`): true only in the end-to-end build. */
declare const __ALONGSIDE_E2E__: boolean;

export default defineUnlistedScript(() => {
  // What WXT gives a content script: invalidated when the extension is reloaded or updated.
  const ctx = new ContentScriptContext('frame-agent', { noScriptStartedPostMessage: true });

  /** This frame's page key while it is a granted site's in a granted page; null: idle. */
  let frameKey: string | null = null;
  let page: TabPage | null = null;
  let ui: OverlayRoot | null = null;
  const mounted = () => {
    if (!ui) {
      // Closed, as the page's: the frame's scripts do not reach our markers (open only in the end-to-end build).
      ui = createOverlayRoot(ctx, { mode: __ALONGSIDE_E2E__ ? 'open' : 'closed', css: '' });
      ui.mount();
    }
    return ui;
  };
  const tips = tipLayerLoader(() => ({
    root: mounted().container,
    ask: askBackground,
    openPanel: () => void askBackground('panel:open', null).catch(() => undefined),
    restoreFocus: () => undefined, // focus stays where the person left it in this frame
    topLayer: mounted().topLayer,
    frame: frameKey,
  }));
  function idle() {
    frameKey = page = null;
    tips.stop();
    ui?.remove();
    ui = null;
  }

  // The frame's address or the tab's page changed: ask again what this frame is (answers in order only).
  let asked = 0;
  async function locate() {
    const ticket = ++asked;
    const answer = await askBackground('frame:located', { url: location.href }).catch(() => null);
    if (ticket !== asked) return;
    if (!answer?.page) return idle();
    // Another page in this frame: its tips and picks are that page's.
    if (answer.frameKey !== frameKey) tips.stop();
    frameKey = answer.frameKey;
    page = answer.page;
    const shown = page;
    if (tips.loaded() || shown.counts?.tips) tips.use((layer) => layer.show(shown));
  }

  browser.runtime.onMessage.addListener(
    tabListener({
      'page:update': (next) => (next ? void locate() : idle()),
      'pin:start': ({ repin }) => {
        const shown = page;
        if (!shown) return;
        tips.use((layer) => {
          layer.show(shown);
          layer.pin(repin, []);
        });
      },
      'pin:stop': () => tips.ifLoaded((layer) => layer.unpin()),
      'tips:refresh': () => tips.ifLoaded((layer) => layer.refresh()),
    }),
  );
  ctx.onInvalidated(() => tips.stop());
  watchLocation(ctx, () => void locate());
});
