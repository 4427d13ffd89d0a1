/**
 * Markers: a small button beside each tip's element, in our shadow root (never inside the host's
 * DOM). floating-ui keeps it on the element through scrolling (containers too), resizing and layout
 * shifts; it hides while the element is hidden or scrolled out of its container. A click opens the tip
 * in the panel. Nothing a colleague wrote is drawn here (the layer never gets it, see TipSummary): the
 * host page's scripts can search this document, shadow roots included, so the marker and its tooltip
 * say only "Tip" and how sure the anchoring is, in our words.
 */
import { autoUpdate, computePosition, flip, hide, offset, platform, shift, type Rect } from '@floating-ui/dom';
import type { TipOutcome, TipSummary } from '../../messaging/types';
import { createElement, ownMarkup, pageRoot, zoomOf } from '../../host-page/document';
import { alive, outermostFrame, shownInFrames, viewportRect } from '../../host-page/frames';

const PIN_ICON =
  '<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"><path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z"/></svg>';

interface Marker {
  element: Element;
  /** What the marker shows: a change redraws it. */
  shows: string;
  button: HTMLButtonElement;
  tooltip: HTMLDivElement;
  /** Places (or hides) it again. */
  update: () => void;
  cleanup: () => void;
}

interface Markers {
  /** Shows a marker for each placed tip (and removes the others). */
  place(placed: ReadonlyMap<string, { tip: TipSummary; element: Element; outcome: TipOutcome }>): void;
  /** Places every marker again (the app opened or closed a modal dialog, which moves nothing). */
  refresh(): void;
  clear(): void;
}

/**
 * Where the page lays out: the window without the root element's margins, so without the room a docked
 * panel took beside the page (content/host-room.ts). A marker on an element flush with that edge stays
 * beside the panel, not half under it.
 */
function pageArea(): Rect {
  const root = pageRoot();
  if (!root) return { x: 0, y: 0, width: window.innerWidth, height: window.innerHeight };
  const style = getComputedStyle(root);
  // Computed margins are in the root's CSS px: times its zoom for viewport px.
  const left = (Number.parseFloat(style.marginLeft) || 0) * zoomOf(root);
  const right = (Number.parseFloat(style.marginRight) || 0) * zoomOf(root);
  // The root's client box is the window's, without its scrollbars.
  return { x: left, y: 0, width: Math.max(0, root.clientWidth - left - right), height: root.clientHeight };
}

const shows = (tip: TipSummary, outcome: TipOutcome) => JSON.stringify([outcome, tip.possiblyOutdated]);

/** What the tooltip adds to "Tip": a warning where the tip may be stale or on the wrong element. */
function caveat(tip: TipSummary, outcome: TipOutcome): string | null {
  if (tip.possiblyOutdated) return 'Possibly outdated';
  return outcome === 'low-confidence' ? 'May point at the wrong element' : null;
}

/**
 * @param blocked whether an element is behind the app's modal dialog (inert, out of reach): its marker
 *   hides meanwhile, while the markers of elements inside the dialog show above it (top layer).
 */
export function createMarkers(root: HTMLElement, onOpen: (tipId: string) => void, blocked: (element: Element) => boolean): Markers {
  const layer = createElement('div');
  layer.className = 'tip-markers';
  root.append(layer);
  // What markers are placed against: our layer, fixed over the viewport at (0, 0). Left to itself,
  // floating-ui takes the window and subtracts the page root's left edge, which a panel docked on the
  // left moves by its width (the room's margin): every marker stood that far off its element.
  const placing = { ...platform, getOffsetParent: () => layer };
  const markers = new Map<string, Marker>();

  function create(tip: TipSummary, element: Element, outcome: TipOutcome): Marker {
    const button = createElement('button');
    button.type = 'button';
    button.className = 'tip-marker';
    button.dataset.testid = 'alongside-tip-marker';
    button.dataset.tipId = tip.id;
    button.append(...ownMarkup(PIN_ICON));
    button.dataset.outcome = outcome;
    const warning = caveat(tip, outcome);
    button.setAttribute('aria-label', `Tip${warning ? ` (${warning.toLowerCase()})` : ''}. Read it in the panel`);

    const tooltip = createElement('div');
    tooltip.className = 'tip-tooltip';
    tooltip.setAttribute('role', 'tooltip');
    tooltip.setAttribute('aria-hidden', 'true'); // the marker's label says the same
    tooltip.hidden = true;
    const title = createElement('strong');
    title.textContent = 'Tip';
    const hint = createElement('span');
    hint.textContent = 'Click to read it in the panel';
    tooltip.append(title, hint);
    if (warning) {
      const flag = createElement('em');
      flag.textContent = warning;
      tooltip.append(flag);
    }

    // In a frame, the element is placed by its box in the page's viewport: floating-ui's own frame offsets
    // came out one docked panel's width off (the room's margin on the page's root). Its frame in the page
    // is what clips it there; inside, each frame's viewport does (shownInFrames).
    const outer = outermostFrame(element);
    const reference = outer ? { getBoundingClientRect: () => viewportRect(element), contextElement: outer } : element;
    const update = async () => {
      if (!alive(element)) {
        button.hidden = tooltip.hidden = true;
        return;
      }
      const box = element.getBoundingClientRect();
      const { x, y, middlewareData } = await computePosition(reference, button, {
        strategy: 'fixed',
        platform: placing,
        placement: 'right-start',
        // On the element's top-right corner, like a badge: beside it without covering its neighbours.
        middleware: [offset({ mainAxis: -10, crossAxis: -10 }), shift({ padding: 2, crossAxis: true, rootBoundary: pageArea() }), hide()],
      });
      const hidden =
        box.width === 0 ||
        box.height === 0 ||
        middlewareData.hide?.referenceHidden === true ||
        blocked(element) ||
        (outer !== null && !shownInFrames(element));
      button.hidden = hidden;
      if (hidden) tooltip.hidden = true;
      Object.assign(button.style, { left: `${x}px`, top: `${y}px` });
      if (!tooltip.hidden) void placeTooltip();
    };
    const placeTooltip = async () => {
      const { x, y } = await computePosition(button, tooltip, {
        strategy: 'fixed',
        platform: placing,
        // Above the marker, so the element the tip is about stays readable; below when there is no room.
        placement: 'top-end',
        middleware: [offset(6), flip(), shift({ padding: 8 })],
      });
      Object.assign(tooltip.style, { left: `${x}px`, top: `${y}px` });
    };
    const show = () => {
      if (button.hidden) return;
      tooltip.hidden = false;
      void placeTooltip();
    };
    // Whether the pointer is on the marker, from its own events: Firefox still matches :hover while it
    // dispatches pointerleave (and in the microtasks after), so :hover cannot tell.
    let pointerOn = false;
    const conceal = () => {
      if (!pointerOn && button.getRootNode() instanceof ShadowRoot && (button.getRootNode() as ShadowRoot).activeElement !== button) {
        tooltip.hidden = true;
      }
    };
    button.addEventListener('pointerenter', () => {
      pointerOn = true;
      show();
    });
    button.addEventListener('focus', show);
    button.addEventListener('pointerleave', () => {
      pointerOn = false;
      conceal();
    });
    button.addEventListener('blur', () => queueMicrotask(conceal));
    button.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !tooltip.hidden) {
        e.stopPropagation();
        tooltip.hidden = true;
      }
    });
    button.addEventListener('click', () => onOpen(tip.id));

    layer.append(button, tooltip);
    const cleanup = autoUpdate(element, button, () => void update(), { layoutShift: true });
    return { element, shows: shows(tip, outcome), button, tooltip, update: () => void update(), cleanup };
  }

  function remove(id: string) {
    const m = markers.get(id);
    if (!m) return;
    try {
      m.cleanup();
    } catch {
      // Its element's frame unloaded: Firefox refuses to touch what autoUpdate listened to there.
    }
    m.button.remove();
    m.tooltip.remove();
    markers.delete(id);
  }

  return {
    place(placed) {
      for (const [id, m] of markers) {
        const next = placed.get(id);
        if (!next || next.element !== m.element || shows(next.tip, next.outcome) !== m.shows) remove(id);
      }
      for (const [id, { tip, element, outcome }] of placed) if (!markers.has(id)) markers.set(id, create(tip, element, outcome));
    },
    refresh() {
      for (const m of markers.values()) m.update();
    },
    clear() {
      for (const id of [...markers.keys()]) remove(id);
    },
  };
}
