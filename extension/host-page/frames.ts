// The app's frames as the in-page programs see them. A frame of the app's own origin (legacy portals put
// whole screens in one) is read like the page: its document, and where its viewport sits in ours. A frame
// of another origin cannot be read (its document is not ours to see), so what is in it is unknown.

export type FrameElement = HTMLIFrameElement | HTMLFrameElement;

export const isFrame = (el: Element): el is FrameElement => el.localName === 'iframe' || el.localName === 'frame';

/** A frame's document when this page may read it (same origin, loaded), else null. */
export function frameDocument(frame: FrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    return doc?.documentElement ? doc : null;
  } catch {
    return null;
  }
}

/** Where the frame's viewport starts in its parent's viewport: its box, its border and its padding in. */
export function frameOrigin(frame: FrameElement): { x: number; y: number } {
  const box = frame.getBoundingClientRect();
  const style = getComputedStyle(frame);
  return {
    x: box.left + frame.clientLeft + (Number.parseFloat(style.paddingLeft) || 0),
    y: box.top + frame.clientTop + (Number.parseFloat(style.paddingTop) || 0),
  };
}

/** The app's frames inside `doc`, nested ones too, in document order: readable ones (with their documents) and the others. */
export function framesIn(doc: Document): { readable: Array<{ frame: FrameElement; doc: Document }>; unreadable: FrameElement[] } {
  const readable: Array<{ frame: FrameElement; doc: Document }> = [];
  const unreadable: FrameElement[] = [];
  const visit = (d: Document) => {
    for (const frame of Array.from(d.querySelectorAll<FrameElement>('iframe, frame'))) {
      const inner = frameDocument(frame);
      if (inner) {
        readable.push({ frame, doc: inner });
        visit(inner);
      } else unreadable.push(frame);
    }
  };
  visit(doc);
  return { readable, unreadable };
}

const frames = new WeakMap<Document, FrameElement>();
/** Documents no frame shows (a frame's page before it reloaded): asked about at every step up from their elements. */
const unshown = new WeakSet<Document>();

/**
 * The frame element a document is shown in, in its parent page (null for the page's own). Found from the
 * page down, not by `frameElement`, which Chromium answers with null in an extension's isolated world.
 */
export function frameOf(doc: Document): FrameElement | null {
  if (doc === document || unshown.has(doc)) return null;
  const known = frames.get(doc);
  if (known?.isConnected && frameDocument(known) === doc) return known;
  for (const shown of framesIn(document).readable) frames.set(shown.doc, shown.frame);
  const frame = frames.get(doc);
  if (frame && frameDocument(frame) === doc) return frame;
  // A document is shown in one frame or none, ever: one that is not shown now (it was unloaded) stays so.
  unshown.add(doc);
  return null;
}

/** An element's box in the top page's viewport: its own box, moved by each frame it is shown in. */
export function viewportRect(el: Element): DOMRect {
  const box = el.getBoundingClientRect();
  let { x, y } = box;
  for (let frame = frameOf(el.ownerDocument); frame; frame = frameOf(frame.ownerDocument)) {
    const origin = frameOrigin(frame);
    x += origin.x;
    y += origin.y;
  }
  return new DOMRect(x, y, box.width, box.height);
}

/** The frame of the page's own document that an element is shown in (through nested frames), or null. */
export function outermostFrame(el: Element): FrameElement | null {
  let frame: FrameElement | null = null;
  for (let f = frameOf(el.ownerDocument); f; f = frameOf(f.ownerDocument)) frame = f;
  return frame;
}

/** Whether an element in frames is inside each frame's viewport (not scrolled out of one). */
export function shownInFrames(el: Element): boolean {
  const box = viewportRect(el);
  for (let frame = frameOf(el.ownerDocument); frame; frame = frameOf(frame.ownerDocument)) {
    const view = viewportRect(frame);
    if (box.right <= view.left || box.left >= view.right || box.bottom <= view.top || box.top >= view.bottom) return false;
  }
  return true;
}

/**
 * Whether an element is still in a live document. In Firefox an extension's reference to a node of a
 * frame's page that has since unloaded is a dead object: touching it throws.
 */
export function alive(el: Element): boolean {
  try {
    return el.isConnected;
  } catch {
    return false;
  }
}
