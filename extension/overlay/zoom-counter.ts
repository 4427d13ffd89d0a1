// Our UI renders at zoom 1 whatever the host app sets: CSS `zoom` on the page's root or body (an app made
// "bigger") multiplies into every descendant, our shadow host's too, and would blow the launcher and the
// panel up and off screen. The host gets the inverse of its parent's effective zoom (currentCSSZoom): our
// shadow root's stylesheet reads it from a custom property on the host (`zoom: var(--alongside-zoom)`
// after `all: initial`, which leaves custom properties alone), set through the CSSOM. A style element
// whose text changes would be an inline style block to the page's CSP (Firefox reports it under a
// strict style-src), and `:host { all: initial !important }` outranks the host's inline `zoom`.
// Positions stay right: getBoundingClientRect and elementsFromPoint answer in viewport pixels, which are
// our pixels at zoom 1. Updated when the app changes the root's or body's style or class, on resize
// (media queries), and when the host moves (top-layer.ts).
import { pageBody, pageRoot, zoomOf } from '../host-page/document';

/** The declaration our shadow root's :host rule carries, after `all: initial`. */
export const HOST_ZOOM = 'zoom: var(--alongside-zoom, 1) !important;';

export interface ZoomCounter {
  /** Reads the parent's zoom again. */
  update(): void;
  start(): void;
  stop(): void;
}

export function createZoomCounter(host: HTMLElement): ZoomCounter {
  let applied = 1;
  function update() {
    const parent = host.parentElement;
    const counter = parent ? 1 / zoomOf(parent) : 1;
    if (counter === applied) return;
    applied = counter;
    if (counter === 1) host.style.removeProperty('--alongside-zoom');
    else host.style.setProperty('--alongside-zoom', String(counter), 'important');
  }
  const watch = new MutationObserver(update);
  return {
    update,
    start() {
      for (const el of [pageRoot(), pageBody()]) if (el) watch.observe(el, { attributes: true, attributeFilter: ['style', 'class'] });
      addEventListener('resize', update, { passive: true });
      update();
    },
    stop() {
      watch.disconnect();
      removeEventListener('resize', update);
    },
  };
}
