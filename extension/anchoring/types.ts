/**
 * Anchoring: finding, on a page that keeps changing, the element a tip was pinned to.
 *
 * When someone pins a tip, `describeElement` records several independent descriptions of the
 * element (its stable attributes, a CSS selector refined by its text, a quote of its text with the
 * text around it, and its position among similar elements) in the stored `Anchor` shape of
 * shared/contract. Later, on the same app after a release, a re-render or a navigation,
 * `anchorElement` gathers candidate elements from every description, scores each candidate against
 * all of them, and answers with the element only when one candidate is both good enough and clearly
 * better than the rest: a tip that shows nowhere is a nuisance, a tip that points at the wrong
 * button is a lie. `watchAnchors` keeps the answers current as the DOM changes, cheaply. The module
 * is plain DOM code with no UI, run by the content script in every page of a registered app, so it
 * stays small and does no work while nothing changes. (Modelled on hypothesis/client's
 * `annotator/anchoring`.)
 */
import type { Anchor } from '@shared/contract/anchors';

export type { Anchor };
export type AnchorSelector = Anchor['selector'][number];
export type TextQuoteSelector = Extract<AnchorSelector, { type: 'TextQuoteSelector' }>;
export type CssSelector = Extract<AnchorSelector, { type: 'CssSelector' }>;
export type AttributeSelector = Extract<AnchorSelector, { type: 'AttributeSelector' }>;
export type PositionSelector = Extract<AnchorSelector, { type: 'ElementPositionSelector' }>;

/**
 * `not_on_screen`: the element's look-alikes (the same button on other records) fill a list that
 * scrolls, none of them on the recorded record: a virtualized list shows that record only when it is
 * scrolled to. Not a sign the tip is outdated, unlike `not_found`.
 */
export type AnchorResult =
  | { status: 'found'; element: Element; confidence: number; quote?: Range }
  | { status: 'not_found'; best?: { element: Element; confidence: number }; reason: string }
  | { status: 'not_on_screen'; reason: string };

/** Where anchoring looks: a whole document, or one element's subtree (a frame of an app, a test fixture). */
export type AnchorRoot = Document | Element;
