// Where the launcher sits: docked to the left or right edge, at a distance from the bottom, remembered
// per site (the origin). What is under it decides where it actually sits: placement.ts.
import { browser } from 'wxt/browser';
import { pageBody, pageRoot } from '../../host-page/document';

export interface DockPosition {
  side: 'left' | 'right';
  /** Distance of the launcher's bottom from the viewport's bottom, in px. */
  bottom: number;
}

/**
 * Where the launcher (and so the panel) sits until the person moves it: at the page's inline end, the right
 * on a left-to-right page, the left on a right-to-left one, where its own toolbars and menus do not start.
 */
export function defaultDock(): DockPosition {
  const el = pageBody() ?? pageRoot();
  const rtl = !!el && getComputedStyle(el).direction === 'rtl';
  return { side: rtl ? 'left' : 'right', bottom: 96 };
}
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

/**
 * The position the user left the launcher at on this site, and how much of the page it covered there
 * when they did (placement.ts's cost: they saw it and chose it; only more than that moves it away).
 */
export interface ChosenDock extends DockPosition {
  covered?: number;
}

/** Where the user left the launcher on this site, or null if they never moved it. */
export async function loadDock(): Promise<ChosenDock | null> {
  return ((await browser.storage.local.get(key()))[key()] as ChosenDock | undefined) ?? null;
}

export const saveDock = (dock: ChosenDock) => browser.storage.local.set({ [key()]: dock });
