/**
 * The tip layer: the part of the in-page layer that shows tips on their elements (markers) and lets
 * people pin new ones (pin mode). It is a separate script (entrypoints/tip-layer/) that the background
 * injects only into pages that have tips, or when pin mode starts, so that pages without tips pay
 * nothing for anchoring and positioning. Both scripts run in the extension's isolated world of the
 * page, so the layer publishes its factory there (layer-slot.ts) and the content script creates it with
 * what it owns: its shadow root, its messaging and the panel.
 */
import type { askBackground, TabPage } from '../messaging';

export interface TipLayerHost {
  /** Where the layer draws (inside the content script's shadow root); it takes everything away on stop. */
  root: HTMLElement;
  ask: typeof askBackground;
  /** Opens the panel (what it shows was set with `panel:target` first). */
  openPanel(): void;
  /** Where keyboard focus goes back to when pin mode ends without a pick. */
  restoreFocus(): void;
  /**
   * null in the tab's page. In a frame of another granted site (entrypoints/frame-agent/), that frame's
   * page key: its tips are those pinned in it, and a pick there is pinned with it (Anchor `frame`).
   */
  frame: string | null;
  /**
   * The app's modal dialog open now, outside which the page is inert (overlay/top-layer.ts),
   * and a call after it changes: no marker stands for an element hidden behind it.
   */
  topLayer: { blocker(): Element | null; onChange(listener: () => void): () => void };
}

export interface TipLayer {
  /** The tab's page now (first load, SPA navigation, new counts): loads its tips when they may have changed. */
  show(page: TabPage): void;
  /** Loads the page's tips again (a tip was re-pinned or verified). */
  refresh(): void;
  /**
   * Enters pin mode: a pick makes a new tip, or re-pins the tip `repin`. `granted`: the origins of other
   * sites' frames that run pin mode themselves (the page shields the others).
   */
  pin(repin: string | null, granted: string[]): void;
  /** Leaves pin mode without a word: it ended in another frame of the tab. */
  unpin(): void;
  stop(): void;
}

export type CreateTipLayer = (host: TipLayerHost) => TipLayer;
