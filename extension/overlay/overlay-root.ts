import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createElement, pageBody } from '../host-page/document';
import theme from './theme.css?inline';
import { createTopLayer, type TopLayer } from './top-layer';
import { createZoomCounter, HOST_ZOOM } from './zoom-counter';

export interface OverlayRoot {
  /** Where our UI goes, inside the shadow root. */
  container: HTMLElement;
  /** The shadow host, the one element of ours in the page's document. */
  host: HTMLElement;
  /** Where the host is in the top layer, and what of the page a modal dialog makes inert (top-layer.ts). */
  topLayer: TopLayer;
  /** Puts the shadow host at the end of the page's body, in the top layer. */
  mount(): void;
  /** Takes it all off the page (also when the extension is reloaded or updated). */
  remove(): void;
}

/**
 * The in-page layer's shadow root, in place of WXT's createShadowRootUi, which looks `document.createElement`
 * and `document.body` up on the page's document, where the page can clobber them (host-page/document.ts).
 * The host's CSS stops at the root, and its inherited styles with `:host { all: initial }`; keystrokes in
 * our UI stop there too, so the host app's shortcuts do not hear them. The host is kept above the app's
 * own UI (top-layer.ts) and at zoom 1 (zoom-counter.ts).
 */
export function createOverlayRoot(ctx: ContentScriptContext, options: { mode: ShadowRootMode; css: string }): OverlayRoot {
  const host = createElement('alongside-overlay');
  const shadow = host.attachShadow({ mode: options.mode });
  const style = createElement('style');
  // The popover's backdrop is the page's to style (`::backdrop` rules meant for its dialogs): never ours.
  style.textContent = `:host { all: initial !important; ${HOST_ZOOM} }\n:host::backdrop { display: none !important; }\n${theme}\n${options.css}`;
  const zoom = createZoomCounter(host);
  const topLayer = createTopLayer(host);
  topLayer.onChange(zoom.update);
  const container = createElement('div');
  shadow.append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (e) => e.stopPropagation());
  const remove = () => {
    topLayer.stop();
    zoom.stop();
    host.remove();
    container.replaceChildren();
  };
  ctx.onInvalidated(remove);
  const mount = () => {
    pageBody()?.append(host);
    zoom.start();
    topLayer.start();
  };
  return { container, host, topLayer, mount, remove };
}
