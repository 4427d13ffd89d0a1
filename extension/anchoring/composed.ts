/**
 * The page as people see it, through web components and frames: the document with every open shadow root
 * inside it (nested), light-DOM content shown where its slot is (the flat tree), and the document of each
 * frame of the app's origin where its frame is. Anchoring reads text, elements and ancestors through
 * here, so that a button inside a design system's components, or inside a legacy portal's frame, is an
 * element like any other. Closed shadow roots stay closed, and another origin's frames unread: their
 * inside is neither read nor offered. Our own UI's shadow host is left out, so that an open root (the
 * end-to-end build) reads as a closed one does.
 */
import { frameDocument, frameOf, isFrame } from '../host-page/frames';

const ownHosts = new WeakSet<Element>();

/** Our own UI's shadow host: never part of the page anchoring reads or pin mode offers. */
export function leaveOut(host: Element): void {
  ownHosts.add(host);
}

export const isOwn = (el: Element): boolean => ownHosts.has(el);

/** The element's open shadow root (not our own UI's), or null. */
export function openShadowRoot(el: Element): ShadowRoot | null {
  return ownHosts.has(el) ? null : el.shadowRoot;
}

/**
 * Whether the element hosts a closed shadow root, as the extension's own APIs can tell (a content script
 * may see that one is there, and must not pretend it is not); false where none, or nothing can tell.
 */
export function hasClosedShadowRoot(el: Element): boolean {
  if (el.shadowRoot || ownHosts.has(el)) return false;
  const firefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  const chromium = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null } } }).chrome?.dom;
  return !!(firefox ?? chromium?.openOrClosedShadowRoot?.(el));
}

/**
 * What an element shows as a tree of its own, where selectors are queried apart: its open shadow root,
 * or the root element of a readable frame's document; null for any other element.
 */
export function innerTree(el: Element): ShadowRoot | Element | null {
  const shadow = openShadowRoot(el);
  if (shadow) return shadow;
  return isFrame(el) ? (frameDocument(el)?.documentElement ?? null) : null;
}

const isShadowRoot = (node: Node | null): node is ShadowRoot => node?.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;

/** A slot in a shadow tree with content assigned to it (a slot without shows its own children, its fallback). */
function assignedTo(el: Element): Node[] | null {
  if (el.localName !== 'slot' || !('assignedNodes' in el)) return null;
  const nodes = (el as HTMLSlotElement).assignedNodes();
  return nodes.length ? nodes : null;
}

/**
 * The parent in the flat tree: a slotted node's slot, the host of a shadow root's child, the frame of a
 * frame document's root element, else the parent element.
 */
export function flatParent(node: Node): Element | null {
  const slot = (node as Element).assignedSlot;
  if (slot) return slot;
  const parent = node.parentNode;
  if (isShadowRoot(parent)) return ownHosts.has(parent.host) ? null : parent.host;
  if (parent?.nodeType === Node.DOCUMENT_NODE) return frameOf(parent as Document);
  return parent?.nodeType === Node.ELEMENT_NODE ? (parent as Element) : null;
}

/** Whether `node` is `ancestor` or inside it, through shadow roots, slots and frames. */
export function flatContains(ancestor: Node, node: Node): boolean {
  if (ancestor.contains(node)) return true;
  for (let n: Node | null = flatParent(node); n; n = flatParent(n)) if (n === ancestor) return true;
  return false;
}

/** The element's tree: the document (a frame's, for an element in one), or the shadow root it is in. */
export function treeOf(el: Element): Document | ShadowRoot {
  const root = el.getRootNode();
  return isShadowRoot(root) ? root : (el.ownerDocument ?? document);
}

/**
 * The elements an element is shown inside as trees of their own, outermost first: shadow hosts, and the
 * frames of frame documents (none for an element of the page's own document).
 */
export function hostsOf(el: Element): Element[] {
  const hosts: Element[] = [];
  for (let tree = treeOf(el); ; ) {
    const host = isShadowRoot(tree) ? tree.host : frameOf(tree);
    if (!host) return hosts;
    hosts.unshift(host);
    tree = treeOf(host);
  }
}

type Step = (this: Node) => Node | null;
/** This world's own accessors (a host <form> shadows built-in properties with its named controls), read on first use. */
let steps: { firstChild: Step; nextSibling: Step } | undefined;
const accessor = (name: 'firstChild' | 'nextSibling') => Object.getOwnPropertyDescriptor(Node.prototype, name)!.get! as Step;

export interface FlatVisitor {
  /** Entering an element (the root too); false skips what is inside it. */
  enter?(el: Element): boolean | void;
  /** Leaving an element entered. */
  leave?(el: Element): void;
  /** A text node; true stops the walk. */
  text?(node: Text): boolean | void;
}

/**
 * Walks the flat tree under `root` in the order people read it: a host's shadow content in place of its
 * children, a slot's assigned nodes in place of its fallback. Children no slot takes are not shown, and
 * not visited.
 */
export function walkFlat(root: Element | Document, visitor: FlatVisitor): void {
  const { firstChild, nextSibling } = (steps ??= { firstChild: accessor('firstChild'), nextSibling: accessor('nextSibling') });
  let stopped = false;
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      stopped = visitor.text?.(node as Text) === true;
      return;
    }
    if (node.nodeType === Node.DOCUMENT_NODE) for (let c = firstChild.call(node); c && !stopped; c = nextSibling.call(c)) visit(c);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (ownHosts.has(el) || visitor.enter?.(el) === false) return;
    const assigned = assignedTo(el);
    const frame = !assigned && isFrame(el) ? frameDocument(el) : null;
    if (assigned) for (let i = 0; i < assigned.length && !stopped; i++) visit(assigned[i]!);
    else if (frame) visit(frame);
    else for (let c = firstChild.call(el.shadowRoot ?? el); c && !stopped; c = nextSibling.call(c)) visit(c);
    visitor.leave?.(el);
  };
  visit(root);
}

/** The element's text as shown (its shadow content and slotted text included), up to about `max` characters. */
export function flatText(el: Element, max: number): string {
  let text = '';
  walkFlat(el, { text: (n) => (text += n.data).length >= max });
  return text.slice(0, max);
}

/**
 * The trees of their own under `root` (innerTree: open shadow roots, ours aside, and readable frames'
 * root elements), nested ones too, parents before their children.
 */
export function innerTrees(root: Element): Array<ShadowRoot | Element> {
  const found: Array<ShadowRoot | Element> = [];
  const scan = (scope: Element | ShadowRoot) => {
    const elements = scope.querySelectorAll('*');
    for (let i = 0; i < elements.length; i++) {
      const inner = innerTree(elements[i]!);
      if (inner) {
        found.push(inner);
        scan(inner);
      }
    }
  };
  const own = innerTree(root);
  if (own) {
    found.push(own);
    scan(own);
  }
  scan(root);
  return found;
}
