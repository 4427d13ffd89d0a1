// The in-page layer on granted sites (registered at run time by the background, never in the manifest):
// follows the page's location, draws the launcher with counts, frames the panel on demand.
// Nothing the host page defines changes what this does: no global name of ours is looked up (the host's
// elements shadow those), the page's document is read through this world's prototypes
// (host-page/document.ts), and the libraries' global names are our own first (host-page/own-globals.ts).
import '../../host-page/own-globals';
import { browser } from 'wxt/browser';
import { askBackground, tabListener, type TabPage } from '../../messaging';
import { tipLayerLoader } from '../../tips/layer-loader';
import css from './overlay.css?inline';
import { createLauncher } from './launcher';
import { watchLocation } from './location-watch';
import { createOverlayRoot } from '../../overlay/overlay-root';
import { createPanelFrame } from './panel-frame';
import { createPanelLayout } from './panel-layout';

/** Set by wxt.config.ts (Vite `define`): true only in the end-to-end build. */
declare const __ALONGSIDE_E2E__: boolean;

export default defineContentScript({
  registration: 'runtime',
  // WXT would post "content script started" to the page's window, naming the extension's id: a page
  // could detect the extension with it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let frame: HTMLIFrameElement | null = null;
    let mounted = false;
    const launcher = createLauncher(() => toggle(), { instrument: __ALONGSIDE_E2E__ });

    function open() {
      if (frame) return;
      const panel = createPanelFrame(launcher.side());
      frame = panel.frame;
      ui.container.append(frame);
      layout.attach(frame, launcher.side(), panel.tell);
      launcher.setOpen(true);
    }
    function close() {
      if (!frame) return;
      layout.detach();
      frame.remove();
      frame = null;
      launcher.setOpen(false);
      launcher.element.focus();
    }
    const toggle = () => (frame ? close() : open());

    // The tip layer (markers, pin mode) is a separate script the background injects on demand: pages
    // without tips never load it. See extension/tips/types.ts.
    const tips = tipLayerLoader(() => ({
      root: ui.container,
      ask: askBackground,
      openPanel: open,
      restoreFocus: () => launcher.element.focus(),
      topLayer: ui.topLayer,
      frame: null,
    }));
    function show(page: TabPage) {
      launcher.show(page);
      if (tips.loaded() || page.counts?.tips) tips.use((layer) => layer.show(page));
    }
    function pin(repin: string | null, granted: string[], page: TabPage | null) {
      if (!page) return;
      close();
      tips.use((layer) => {
        layer.show(page);
        layer.pin(repin, granted);
      });
    }

    /** Not (or no longer) a granted site: take everything away. */
    function takeAway() {
      close();
      tips.stop();
      launcher.stop();
      ui.remove();
      mounted = false;
    }
    // The extension was reloaded or updated: WXT removes the UI, the layer's window listeners (pin mode
    // swallows clicks) and anchoring go with it.
    ctx.onInvalidated(() => {
      tips.stop();
      launcher.stop();
    });

    // Closed: the host page's scripts do not reach our controls (the launcher's counts among them). No
    // colleague text is ever drawn here (tips are read in the panel): a closed root does not hide text from
    // window.find. Only the end-to-end build opens it, so Playwright reaches our UI.
    const ui = createOverlayRoot(ctx, { mode: __ALONGSIDE_E2E__ ? 'open' : 'closed', css });
    // Docked or floating; a docked panel's room in the host page goes with the extension, too.
    const layout = createPanelLayout(ui.container, ui.host);
    ctx.onInvalidated(() => layout.detach());

    let current: TabPage | null = null;
    browser.runtime.onMessage.addListener(
      tabListener({
        'page:update': (page) => {
          current = page;
          if (page) show(page);
          else takeAway();
        },
        'panel:toggle': toggle,
        'panel:close': close,
        'pin:start': ({ repin, granted }) => pin(repin, granted, current),
        'pin:stop': () => tips.ifLoaded((layer) => layer.unpin()),
        'panel:open': open,
        'tips:refresh': () => tips.ifLoaded((layer) => layer.refresh()),
      }),
    );

    // SPA jumps A→B→C: only the answer for the page shown now counts (B's may arrive after C's).
    let located = 0;
    watchLocation(ctx, async (url) => {
      const ticket = ++located;
      const page = await askBackground('page:located', { url, moved: ticket > 1 });
      if (ticket !== located || url !== location.href) return;
      current = page;
      if (!page) return takeAway();
      if (!mounted) {
        ui.container.append(launcher.root);
        ui.mount();
        mounted = true;
        void launcher.settle();
      }
      show(page);
    });
  },
});
