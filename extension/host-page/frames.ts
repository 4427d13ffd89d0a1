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

/** The app's frames inside `doc`, nested ones too, in document order: readable ones and the others. */
export function framesIn(doc: Document): { readable: Document[]; unreadable: FrameElement[] } {
  const readable: Document[] = [];
  const unreadable: FrameElement[] = [];
  const visit = (d: Document) => {
    for (const frame of Array.from(d.querySelectorAll<FrameElement>('iframe, frame'))) {
      const inner = frameDocument(frame);
      if (inner) {
        readable.push(inner);
        visit(inner);
      } else unreadable.push(frame);
    }
  };
  visit(doc);
  return { readable, unreadable };
}

/** The frame element a document is shown in, in its parent page (null for the top page). */
export const frameOf = (doc: Document): FrameElement | null => (doc.defaultView?.frameElement as FrameElement | null | undefined) ?? null;

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
