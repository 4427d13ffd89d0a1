// Where the launcher sits: docked to the left or right edge, at a distance from the bottom, remembered
// per site. Kept off the edges and the corners, where host apps put their own controls.
import { browser } from 'wxt/browser';
import { elementsFromPoint } from '../../host-page/document';

export interface DockPosition {
  side: 'left' | 'right';
  /** Distance of the launcher's bottom from the viewport's bottom, in px. */
  bottom: number;
}

export const DEFAULT_DOCK: DockPosition = { side: 'right', bottom: 96 };
const MARGIN = 16;

/** The dock a launcher dropped at (x, y) snaps to, for a viewport and launcher height. */
export function dockAt(x: number, y: number, viewport: { width: number; height: number }, height: number): DockPosition {
  const bottom = Math.round(viewport.height - y - height / 2);
  return {
    side: x < viewport.width / 2 ? 'left' : 'right',
    bottom: Math.min(Math.max(bottom, MARGIN), Math.max(MARGIN, viewport.height - height - MARGIN)),
  };
}

const key = () => `launcher:${location.origin}`;

/** The position the user left the launcher at on this site, or null if they never moved it. */
export async function loadDock(): Promise<DockPosition | null> {
  return ((await browser.storage.local.get(key()))[key()] as DockPosition | undefined) ?? null;
}

export const saveDock = (dock: DockPosition) => browser.storage.local.set({ [key()]: dock });

const CONTROL = 'a[href],button,input,select,textarea,[role="button"],[tabindex]';

/**
 * Whether the host page has a control or a fixed element (a chat button, a toolbar) under this
 * rectangle or within a few pixels of it: probed on a grid, since such controls often only clip a corner.
 */
export function coversHostControl(rect: DOMRect, ownHost: Element): boolean {
  const gap = 6;
  const xs = [0, 0.25, 0.5, 0.75, 1].map((f) => rect.left - gap + f * (rect.width + 2 * gap));
  const ys = [0, 0.5, 1].map((f) => rect.top - gap + f * (rect.height + 2 * gap));
  return xs.some((x) =>
    ys.some((y) =>
      elementsFromPoint(x, y).some(
        (el) => el !== ownHost && (el.closest(CONTROL) !== null || getComputedStyle(el).position === 'fixed'),
      ),
    ),
  );
}
