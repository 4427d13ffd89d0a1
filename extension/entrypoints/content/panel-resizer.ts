// The docked panel's resize handle: a focusable separator on the panel's inner edge, dragged with the
// pointer or moved with the arrow keys (Home and End: narrowest and widest), as the ARIA window
// splitter pattern describes. It reports widths; the layout clamps, applies and remembers them.
import { createElement } from '../../host-page/document';
import { viewportWidth, type Side } from './host-room';

const STEP = 16;
const BIG_STEP = 64;

export interface Resizer {
  element: HTMLDivElement;
  /** Shows the handle for a panel of `width` (within min..max) on `side`. */
  show(side: Side, width: number, min: number, max: number): void;
  hide(): void;
}

/**
 * @param onResize a new width, while dragging (`done` false) and once settled (`done` true: remember it)
 * @param frame the panel's frame: it would swallow the pointer while dragging over it
 */
export function createResizer(frame: HTMLIFrameElement, onResize: (width: number, done: boolean) => void): Resizer {
  const handle = createElement('div');
  handle.className = 'panel-resizer';
  handle.dataset.testid = 'alongside-panel-resizer';
  handle.tabIndex = 0;
  handle.setAttribute('role', 'separator');
  handle.setAttribute('aria-orientation', 'vertical');
  handle.setAttribute('aria-label', 'Panel width');
  handle.hidden = true;
  let side: Side = 'right';
  let width = 0;
  let min = 0;
  let max = 0;

  // Dragging: the width follows the pointer's distance from the panel's outer edge.
  let dragging = false;
  const widthAt = (clientX: number) => (side === 'right' ? viewportWidth() - clientX : clientX);
  handle.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    e.preventDefault();
    dragging = true;
    handle.setPointerCapture(e.pointerId);
    handle.classList.add('dragging');
    frame.style.pointerEvents = 'none';
  });
  handle.addEventListener('pointermove', (e) => {
    if (dragging) onResize(widthAt(e.clientX), false);
  });
  const stop = (e: PointerEvent) => {
    if (!dragging) return;
    dragging = false;
    handle.classList.remove('dragging');
    frame.style.pointerEvents = '';
    onResize(widthAt(e.clientX), true);
  };
  handle.addEventListener('pointerup', stop);
  handle.addEventListener('pointercancel', stop);

  handle.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    // Left moves the edge left: wider for a panel on the right, narrower for one on the left.
    const towardsPage = side === 'right' ? 1 : -1;
    const next =
      e.key === 'ArrowLeft' ? width + step * towardsPage
      : e.key === 'ArrowRight' ? width - step * towardsPage
      : e.key === 'Home' ? min
      : e.key === 'End' ? max
      : null;
    if (next === null) return;
    e.preventDefault();
    onResize(next, true);
  });

  return {
    element: handle,
    show(s, w, lo, hi) {
      side = s;
      width = w;
      min = lo;
      max = hi;
      handle.hidden = false;
      handle.dataset.side = s;
      handle.style.setProperty('--panel-width', `${w}px`);
      handle.setAttribute('aria-valuenow', String(w));
      handle.setAttribute('aria-valuemin', String(lo));
      handle.setAttribute('aria-valuemax', String(hi));
      handle.setAttribute('aria-valuetext', `${w} pixels wide`);
    },
    hide() {
      handle.hidden = true;
    },
  };
}
