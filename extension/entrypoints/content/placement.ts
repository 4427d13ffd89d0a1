// Where on its edges the launcher can sit without covering anything of the page: a probe that tells
// what is under (and just around) a rectangle, and a search along both edges for the free place nearest
// to the one wanted. The probe samples points on a 12 px lattice shared by all candidates, so a search
// looks each point up once, and it stops at the first free candidate in order of distance.
import { createRange, elementsFromPointIn } from '../../host-page/document';
import { frameDocument, frameOrigin, isFrame } from '../../host-page/frames';
import type { DockPosition } from './dock';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/** How much covering a point costs: the app's own controls and our tip markers most, text least. */
export const COST = { control: 10, marker: 10, fixed: 6, content: 3, free: 0 } as const;
export type PointKind = Exclude<keyof typeof COST, 'marker'>;

export const EDGE_MARGIN = 16;
/** The ring around the launcher that must be free too: a control right beside it is as hard to reach. */
export const GAP = 8;
const LATTICE = 12;

/** The box of a launcher of `size` docked at `dock`, computed (not measured), so a move in flight does not matter. */
export function boxAt(dock: DockPosition, size: { width: number; height: number }, viewport: Viewport): Box {
  return {
    left: dock.side === 'left' ? EDGE_MARGIN : viewport.width - EDGE_MARGIN - size.width,
    top: viewport.height - dock.bottom - size.height,
    width: size.width,
    height: size.height,
  };
}

/** Values from `from` to `to` on the lattice, and both ends: no control wider than the lattice slips between. */
function lattice(from: number, to: number): number[] {
  const values = [Math.round(from)];
  for (let v = Math.ceil(from / LATTICE) * LATTICE; v < to; v += LATTICE) if (v > from) values.push(v);
  values.push(Math.round(to));
  return values;
}

/**
 * The sample points of a box and its ring. Rows sit on the viewport's lattice, widened outwards to it
 * (so candidates along an edge share every row); columns are the same for every candidate of a side.
 */
export function samplePoints(box: Box): Array<[number, number]> {
  const xs = lattice(box.left - GAP, box.left + box.width + GAP);
  const ys: number[] = [];
  for (let y = Math.floor((box.top - GAP) / LATTICE) * LATTICE; y <= box.top + box.height + GAP + LATTICE - 1; y += LATTICE) ys.push(y);
  return ys.flatMap((y) => xs.map((x): [number, number] => [x, y]));
}

const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
const ring = (box: Box): Box => ({ left: box.left - GAP, top: box.top - GAP, width: box.width + 2 * GAP, height: box.height + 2 * GAP });

/**
 * What a box covers: each sample point's cost (`kindAt` memoizes, so a search asks once per point), and
 * our own tip markers by their boxes (they sit in our shadow root, which elementsFromPoint on the
 * document looks past, and are small enough to slip between points).
 */
export function coverCost(box: Box, kindAt: (x: number, y: number) => PointKind, markers: readonly Box[] = []): number {
  const around = ring(box);
  const onMarkers = markers.filter((m) => overlaps(around, m)).length * COST.marker * 4;
  return samplePoints(box).reduce((sum, [x, y]) => sum + COST[kindAt(x, y)], onMarkers);
}

/** Every place along both edges, nearest to `wanted` first (same side, then the other). */
export function candidates(wanted: DockPosition, height: number, viewport: Viewport): DockPosition[] {
  const highest = Math.max(EDGE_MARGIN, viewport.height - height - EDGE_MARGIN);
  const bottoms: number[] = [];
  for (let b = EDGE_MARGIN; b <= highest; b += LATTICE) bottoms.push(b);
  if (bottoms.at(-1) !== highest) bottoms.push(highest);
  const distance = (d: DockPosition) => Math.abs(d.bottom - wanted.bottom) + (d.side === wanted.side ? 0 : viewport.height);
  const all = (['left', 'right'] as const).flatMap((side) => [wanted.bottom, ...bottoms].map((bottom) => ({ side, bottom: Math.min(Math.max(bottom, EDGE_MARGIN), highest) })));
  return all.sort((a, b) => distance(a) - distance(b));
}

/**
 * The free place nearest to `wanted` (itself if free); where no place is free, the one covering least.
 * Free places are taken as soon as found: candidates come nearest first.
 */
export function findPlace(
  wanted: DockPosition,
  size: { width: number; height: number },
  viewport: Viewport,
  kindAt: (x: number, y: number) => PointKind,
  markers: readonly Box[] = [],
): DockPosition {
  let best: { dock: DockPosition; cost: number } | null = null;
  for (const dock of candidates(wanted, size.height, viewport)) {
    const cost = coverCost(boxAt(dock, size, viewport), kindAt, markers);
    if (cost === 0) return dock;
    if (!best || cost < best.cost) best = { dock, cost };
  }
  return best?.dock ?? wanted;
}

const CONTROL = 'a[href],button,input,select,textarea,summary,label,[role="button"],[role="link"],[role="tab"],[role="menuitem"],[role="checkbox"],[role="switch"],[contenteditable=""],[contenteditable="true"],[tabindex]:not([tabindex="-1"])';
/** Rows and items: their text is content, and so is the space between their cells (a table's status column). */
const ROW = 'tr,td,th,li,dt,dd,[role="row"],[role="gridcell"],[role="cell"],[role="listitem"],[role="option"]';
const MEDIA = new Set(['IMG', 'SVG', 'VIDEO', 'CANVAS', 'PICTURE', 'OBJECT', 'EMBED']);

/** The boxes of an element's own lines of text (not its children's): a block's blank side is no text. */
function ownTextBoxes(el: Element): DOMRect[] {
  const boxes: DOMRect[] = [];
  for (const node of el.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE || node.textContent!.trim() === '') continue;
    const range = createRange();
    range.selectNodeContents(node);
    boxes.push(...range.getClientRects());
  }
  return boxes;
}

/** Fixed or sticky: the app's own floating UI (toolbars, chat buttons), which stays where the launcher is. */
function isPinned(el: Element): boolean {
  const position = getComputedStyle(el).position;
  return position === 'fixed' || position === 'sticky';
}

const TEXT_SLACK = 4;
const inside = (x: number, y: number, r: DOMRect) =>
  x >= r.left - TEXT_SLACK && x <= r.right + TEXT_SLACK && y >= r.top - TEXT_SLACK && y <= r.bottom + TEXT_SLACK;

/**
 * What of the host page is at a point of the viewport (our own shadow host `own` is looked through).
 * `textOf` gives an element's own text boxes (memoized by the caller: neighbouring points share elements).
 * A frame of the app's origin is looked into at that point; what another origin's frame shows there is
 * unknown, so it counts as a control.
 */
export function hostKindAt(
  x: number,
  y: number,
  own: Element,
  textOf: (el: Element) => DOMRect[] = ownTextBoxes,
  pinned: (el: Element) => boolean = isPinned,
  doc: Document = document,
): PointKind {
  const view = doc.defaultView ?? window;
  if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return 'free';
  const stack = elementsFromPointIn(doc, x, y).filter((el) => el !== own);
  const top = stack[0];
  if (!top) return 'free';
  if (isFrame(top)) {
    const inner = frameDocument(top);
    if (!inner) return 'control';
    const origin = frameOrigin(top);
    return hostKindAt(x - origin.x, y - origin.y, own, textOf, pinned, inner);
  }
  if (top.closest(CONTROL)) return 'control';
  for (const el of stack) {
    if (el.localName === 'body' || el.localName === 'html') break;
    if (pinned(el)) return 'fixed';
  }
  if (top.closest(ROW) || MEDIA.has(top.nodeName.toUpperCase())) return 'content';
  return textOf(top).some((r) => inside(x, y, r)) ? 'content' : 'free';
}

function memo<T>(read: (el: Element) => T): (el: Element) => T {
  const known = new Map<Element, T>();
  return (el) => {
    if (!known.has(el)) known.set(el, read(el));
    return known.get(el)!;
  };
}

/** A memoizing classifier of the host page's points, for one probe or search. */
export function pointClassifier(own: Element): (x: number, y: number) => PointKind {
  const seen = new Map<string, PointKind>();
  // Neighbouring points share most of their elements: each is read once per search.
  const textOf = memo(ownTextBoxes);
  const pinned = memo(isPinned);
  return (x, y) => {
    const key = `${x},${y}`;
    let kind = seen.get(key);
    if (kind === undefined) seen.set(key, (kind = hostKindAt(x, y, own, textOf, pinned)));
    return kind;
  };
}
