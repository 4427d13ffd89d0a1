/**
 * The page as people see it, through web components: the document with every open shadow root inside it
 * (nested), and light-DOM content shown where its slot is (the flat tree). Anchoring reads text, elements
 * and ancestors through here, so that a button inside a design system's components is an element like
 * any other. Closed shadow roots stay closed: their inside is neither read nor offered. Our own UI's
 * shadow host is left out, so that an open root (the end-to-end build) reads as a closed one does.
 */

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

const isShadowRoot = (node: Node | null): node is ShadowRoot => node?.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;

/** A slot in a shadow tree with content assigned to it (a slot without shows its own children, its fallback). */
function assignedTo(el: Element): Node[] | null {
  if (el.localName !== 'slot' || !('assignedNodes' in el)) return null;
  const nodes = (el as HTMLSlotElement).assignedNodes();
  return nodes.length ? nodes : null;
}

/** The parent in the flat tree: a slotted node's slot, the host of a shadow root's child, else the parent element. */
export function flatParent(node: Node): Element | null {
  const slot = (node as Element).assignedSlot;
  if (slot) return slot;
  const parent = node.parentNode;
  if (isShadowRoot(parent)) return ownHosts.has(parent.host) ? null : parent.host;
  return parent?.nodeType === Node.ELEMENT_NODE ? (parent as Element) : null;
}

/** Whether `node` is `ancestor` or inside it, through shadow roots and slots. */
export function flatContains(ancestor: Node, node: Node): boolean {
  if (ancestor.contains(node)) return true;
  for (let n: Node | null = flatParent(node); n; n = flatParent(n)) if (n === ancestor) return true;
  return false;
}

/** The element's tree: the document, or the shadow root it is in. */
export function treeOf(el: Element): Document | ShadowRoot {
  const root = el.getRootNode();
  return isShadowRoot(root) ? root : (el.ownerDocument ?? document);
}

/** The shadow hosts an element is inside, outermost first (none for an element of the document). */
export function hostsOf(el: Element): Element[] {
  const hosts: Element[] = [];
  for (let tree = treeOf(el); isShadowRoot(tree); tree = treeOf(tree.host)) hosts.unshift(tree.host);
  return hosts;
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
    if (assigned) for (let i = 0; i < assigned.length && !stopped; i++) visit(assigned[i]!);
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

/** The open shadow roots under `root`, nested ones too (ours aside), parents before their children. */
export function openShadowRoots(root: Element): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const scan = (scope: Element | ShadowRoot) => {
    const elements = scope.querySelectorAll('*');
    for (let i = 0; i < elements.length; i++) {
      const shadow = openShadowRoot(elements[i]!);
      if (shadow) {
        found.push(shadow);
        scan(shadow);
      }
    }
  };
  const own = openShadowRoot(root);
  if (own) {
    found.push(own);
    scan(own);
  }
  scan(root);
  return found;
}
