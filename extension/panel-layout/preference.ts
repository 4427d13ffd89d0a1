// How the panel sits beside the page: the person's choice (docked or floating) and the docked width,
// kept in storage.local for every site alike (see extension/README.md, "Docked panel"). Read by the
// content script, which lays the panel out, and by the panel, whose header switches the mode.
import { browser } from 'wxt/browser';

export type PanelMode = 'docked' | 'floating';

export interface PanelLayout {
  mode: PanelMode;
  /** The docked panel's width in CSS px. */
  width: number;
}

export const DEFAULT_LAYOUT: PanelLayout = { mode: 'docked', width: 400 };
export const MIN_WIDTH = 320;
export const MAX_WIDTH = 720;
/** What a docked panel leaves the page at least: below it, the panel floats instead (a phone, a split screen). */
export const MIN_PAGE_WIDTH = 480;

/** Whether a window this wide has room to dock the panel beside the page. */
export const canDock = (viewportWidth: number) => viewportWidth >= MIN_WIDTH + MIN_PAGE_WIDTH;

/** The widest a docked panel may be in this window: the page keeps MIN_PAGE_WIDTH. */
export const maxWidthFor = (viewportWidth: number) => Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, viewportWidth - MIN_PAGE_WIDTH));

/** A width within the limits for this window, in whole pixels. */
export const clampWidth = (width: number, viewportWidth: number) =>
  Math.round(Math.min(Math.max(width, MIN_WIDTH), maxWidthFor(viewportWidth)));

const KEY = 'panel:layout';

/** A stored value as a layout: anything else (absent, an older shape, edited by hand) is the default. */
export function parseLayout(value: unknown): PanelLayout {
  const v = value as Partial<PanelLayout> | null | undefined;
  return {
    mode: v?.mode === 'floating' || v?.mode === 'docked' ? v.mode : DEFAULT_LAYOUT.mode,
    width: typeof v?.width === 'number' && Number.isFinite(v.width) ? Math.min(Math.max(v.width, MIN_WIDTH), MAX_WIDTH) : DEFAULT_LAYOUT.width,
  };
}

export async function loadLayout(): Promise<PanelLayout> {
  return parseLayout((await browser.storage.local.get(KEY))[KEY]);
}

export async function saveLayout(change: Partial<PanelLayout>): Promise<void> {
  await browser.storage.local.set({ [KEY]: { ...(await loadLayout()), ...change } });
}

/** Calls `changed` whenever the stored layout changes (in any tab); returns the unsubscribe. */
export function watchLayout(changed: (layout: PanelLayout) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) changed(parseLayout(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
