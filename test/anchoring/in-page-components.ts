/**
 * The web-component fixture's procedures, run in the page (fixtures/web-components.html): reach an
 * element through shadow roots, describe it, anchor it (or watch it), and say which element an answer
 * points at in words independent of the engine: the record of the card it is in, its tag and text.
 */
import { anchorElement, describeElement, pinnability, watchAnchors, type Anchor } from '../../extension/anchoring/index';

export interface Seen {
  status: 'found' | 'not_found' | 'not_on_screen';
  /** Which element: `INV-1042 button “Approve”`, `page h1 “Approvals”`. */
  element?: string;
  confidence?: number;
}

/** An element through shadow roots: the first selector in the document, each next in the shadow root of the one before. */
export function deep(path: string[]): Element {
  let scope: Document | ShadowRoot = document;
  let el: Element | null = null;
  for (const selector of path) {
    el = scope.querySelector(selector);
    if (!el) throw new Error(`no element for ${path.join(' » ')} (at ${selector})`);
    scope = el.shadowRoot ?? scope;
  }
  return el!;
}

const parentOf = (n: Node): Node | null => (n as Element).assignedSlot ?? n.parentNode ?? (n as ShadowRoot).host ?? null;

/** What an element is, for people: the record of its card (or `page`), its tag, its text as shown. */
export function identify(el: Element): string {
  let record = 'page';
  for (let n: Node | null = el; n; n = parentOf(n)) {
    if ((n as Element).localName === 'wc-card') {
      record = (n as Element).getAttribute('record')!;
      break;
    }
  }
  const shown = (n: Node): string =>
    n instanceof HTMLSlotElement && n.assignedNodes().length
      ? n.assignedNodes().map(shown).join('')
      : n.nodeType === Node.TEXT_NODE
        ? (n as Text).data
        : Array.from(((n as Element).shadowRoot ?? n).childNodes).map(shown).join('');
  return `${record} ${el.localName} “${shown(el).replace(/\s+/g, ' ').trim()}”`;
}

function seen(result: ReturnType<typeof anchorElement>): Seen {
  if (result.status !== 'found') return { status: result.status };
  return { status: 'found', element: identify(result.element), confidence: result.confidence };
}

export const describe = (path: string[]): Anchor => describeElement(deep(path));
export const anchorNow = (anchor: Anchor): Seen => seen(anchorElement(document, anchor));
export const pinnable = (path: string[]) => pinnability(deep(path));

let latest: ReturnType<typeof anchorElement> | undefined;
let stop: (() => void) | undefined;

/** Starts the tip layer's watcher on the anchor; `watched()` reads its latest answer now. */
export function watch(anchor: Anchor): void {
  stop?.();
  latest = undefined;
  stop = watchAnchors(document, new Map([['tip', anchor]]), (results) => (latest = results.get('tip'))).stop;
}

export const watched = (): Seen | null => (latest ? seen(latest) : null);
