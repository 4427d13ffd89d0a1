// The in-page layer on granted sites (registered at run time by the background, never in the manifest):
// follows the page's location, draws the launcher with counts, frames the panel on demand.
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { askBackground, tabListener } from '../../messaging';
import css from './overlay.css?inline';
import { createLauncher } from './launcher';
import { watchLocation } from './location-watch';
import { createPanelFrame } from './panel-frame';

export default defineContentScript({
  registration: 'runtime',
  async main(ctx) {
    let frame: HTMLIFrameElement | null = null;
    let mounted = false;
    const launcher = createLauncher(() => toggle());

    function open() {
      if (frame) return;
      frame = createPanelFrame(launcher.side());
      ui.uiContainer.append(frame);
      launcher.setOpen(true);
    }
    function close() {
      if (!frame) return;
      frame.remove();
      frame = null;
      launcher.setOpen(false);
      launcher.element.focus();
    }
    const toggle = () => (frame ? close() : open());
    /** Not (or no longer) a granted site: take everything away. */
    function takeAway() {
      close();
      ui.remove();
      mounted = false;
    }

    // Mode 'open' so end-to-end tests can reach the launcher; the panel's content is in a cross-origin
    // frame either way, which is what keeps colleagues' notes away from the host page's scripts.
    const ui = await createShadowRootUi(ctx, {
      name: 'alongside-overlay',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      isolateEvents: true,
      css,
      onMount: (container) => {
        container.append(launcher.element);
      },
    });

    browser.runtime.onMessage.addListener(
      tabListener({
        'page:update': (page) => (page ? launcher.show(page) : takeAway()),
        'panel:toggle': toggle,
        'panel:close': close,
      }),
    );

    watchLocation(ctx, async (url) => {
      const page = await askBackground('page:located', { url });
      if (!page) return takeAway();
      if (!mounted) {
        ui.mount();
        mounted = true;
        void launcher.settle();
      }
      launcher.show(page);
    });
  },
});
