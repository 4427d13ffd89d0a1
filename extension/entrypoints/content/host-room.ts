// Room for the docked panel in the host page: the page's root element gets a margin on the panel's side,
// so the app's own layout (its flow, its sticky headers) reflows into the narrower space, and the fixed
// elements that reach under the panel (status bars, chat buttons, toolbars) move their inset by as much.
// Every change is one inline declaration with !important (no host stylesheet rule outranks it) whose
// earlier value is kept and put back exactly on release; nothing but lengths we compute is written.
import { elementsFromPoint, pageRoot, zoomOf } from '../../host-page/document';

export type Side = 'left' | 'right';

interface Held {
  element: HTMLElement;
  property: string;
  /** The element's inset or margin without us, in viewport px, measured once when taken. */
  base: number;
  /**
   * The inline declaration before ours, and the style attribute as the host wrote it (null: none) with
   * what it declared: touching the declarations re-serializes the attribute, which we undo if nothing
   * else changed meanwhile.
   */
  before: { value: string; priority: string; attribute: string | null; cssText: string };
}

export interface HostRoom {
  /** Makes (or resizes) the room: `width` px on `side`. */
  set(side: Side, width: number): void;
  /** Looks again for fixed elements under the panel's strip (the window changed; page changes it sees itself). */
  rescan(): void;
  /** Puts every declaration back as it was. */
  release(): void;
}

const px = (value: string) => Number.parseFloat(value) || 0;

/** The layout viewport's width without its scrollbar, where fixed elements (the panel's too) are placed. */
export const viewportWidth = () => pageRoot()?.clientWidth || window.innerWidth;

/** Points in the strip a panel of `width` covers on `side`, where the host's fixed elements would hide. */
function stripPoints(side: Side, width: number): Array<[number, number]> {
  const w = viewportWidth();
  const xs = [0.1, 0.5, 0.95].map((f) => (side === 'right' ? w - width * f : width * f));
  const points: Array<[number, number]> = [];
  for (let y = 2; y < window.innerHeight; y += 40) for (const x of xs) points.push([x, y]);
  for (const x of xs) points.push([x, window.innerHeight - 2]);
  return points;
}

/** The fixed-position element an element is part of (itself or an ancestor), if any. */
function fixedOf(element: Element, root: Element): HTMLElement | null {
  for (let el: Element | null = element; el && el !== root; el = el.parentElement) {
    if (getComputedStyle(el).position === 'fixed') return el instanceof HTMLElement ? el : null;
  }
  return null;
}

/** @param ownHost our shadow host, never adjusted */
export function createHostRoom(ownHost: Element): HostRoom {
  const held = new Map<HTMLElement, Held>();
  let current: { side: Side; width: number } | null = null;

  // In the element's own CSS px: an app's CSS zoom (on the root, say) multiplies the lengths we write.
  const valueOf = (h: Held) => `${(h.base + (current?.width ?? 0)) / zoomOf(h.element)}px`;
  const apply = (h: Held) => {
    if (h.element.style.getPropertyValue(h.property) === valueOf(h) && h.element.style.getPropertyPriority(h.property) === 'important') return;
    h.element.style.setProperty(h.property, valueOf(h), 'important');
  };
  // A host script that rewrites a style attribute (a framework re-rendering) would drop ours: put it
  // back. Our own writes come through here too, and stop at once since the value is already ours.
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const h = held.get(r.target as HTMLElement);
      if (h && current) apply(h);
    }
  });

  // The app shows fixed elements later too (a chat window, a toast, a dialog): after the page changes,
  // look again once the browser is idle. What we find is new, or nothing: our own writes end here.
  let idle = 0;
  const pageChanges = new MutationObserver(() => {
    if (idle || !current) return;
    idle = requestIdleCallback(() => {
      idle = 0;
      takeFixed();
    }, { timeout: 500 });
  });

  function take(element: HTMLElement, property: string, base: number) {
    const h: Held = {
      element,
      property,
      base,
      before: {
        value: element.style.getPropertyValue(property),
        priority: element.style.getPropertyPriority(property),
        attribute: element.getAttribute('style'),
        cssText: element.style.cssText,
      },
    };
    held.set(element, h);
    observer.observe(element, { attributes: true, attributeFilter: ['style'] });
    apply(h);
  }

  function takeFixed() {
    if (!current) return;
    const root = pageRoot();
    if (!root) return;
    const { side, width } = current;
    const found = new Set<HTMLElement>();
    for (const [x, y] of stripPoints(side, width)) {
      for (const el of elementsFromPoint(x, y)) {
        if (el === ownHost || el === root || ownHost.contains(el)) continue;
        const fixed = fixedOf(el, root);
        if (fixed && !held.has(fixed)) found.add(fixed);
      }
    }
    // Read every element first, then write: one layout for all of them.
    const bases = [...found].map((el) => {
      const box = el.getBoundingClientRect();
      return [el, side === 'right' ? viewportWidth() - box.right : box.left] as const;
    });
    for (const [el, base] of bases) take(el, side, base);
  }

  function release() {
    observer.disconnect();
    pageChanges.disconnect();
    cancelIdleCallback(idle);
    idle = 0;
    for (const h of held.values()) {
      const { element, property, before } = h;
      element.style.removeProperty(property);
      if (before.value) element.style.setProperty(property, before.value, before.priority);
      if (element.style.cssText !== before.cssText) continue; // the host changed it meanwhile: keep theirs
      // Chrome writes a changed declaration block back to the attribute lazily, on its next read: read it
      // now, or that write would come after (and undo) the removal.
      element.getAttribute('style');
      if (before.attribute === null) element.removeAttribute('style');
      else element.setAttribute('style', before.attribute);
    }
    held.clear();
    current = null;
  }

  return {
    set(side, width) {
      if (current && current.side !== side) release();
      const first = !current;
      current = { side, width };
      if (first) {
        const root = pageRoot();
        if (!root) return;
        take(root, `margin-${side}`, px(getComputedStyle(root).getPropertyValue(`margin-${side}`)) * zoomOf(root));
        takeFixed();
        pageChanges.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'] });
      } else {
        for (const h of held.values()) apply(h);
      }
    },
    rescan: takeFixed,
    release,
  };
}
