// Our UI renders at zoom 1 whatever the host app sets: CSS `zoom` on the page's root or body (an app made
// "bigger") multiplies into every descendant, our shadow host's too, and would blow the launcher and the
// panel up and off screen. The host gets the inverse of its parent's effective zoom (currentCSSZoom), in
// our shadow root's own stylesheet (`:host { all: initial !important }` outranks any inline style).
// Positions stay right: getBoundingClientRect and elementsFromPoint answer in viewport pixels, which are
// our pixels at zoom 1. Updated when the app changes the root's or body's style or class, on resize
// (media queries), and when the host moves (top-layer.ts).
import { createElement, pageBody, pageRoot, zoomOf } from '../../host-page/document';

export interface ZoomCounter {
  /** The style element to put into the shadow root. */
  style: HTMLStyleElement;
  /** Reads the parent's zoom again. */
  update(): void;
  start(): void;
  stop(): void;
}

export function createZoomCounter(host: HTMLElement): ZoomCounter {
  const style = createElement('style');
  let applied = 1;
  function update() {
    const parent = host.parentElement;
    const counter = parent ? 1 / zoomOf(parent) : 1;
    if (counter === applied) return;
    applied = counter;
    style.textContent = counter === 1 ? '' : `:host { zoom: ${counter} !important; }`;
  }
  const watch = new MutationObserver(update);
  return {
    style,
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
