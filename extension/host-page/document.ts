// The host page's document as the in-page programs (content script, tip layer, anchoring) use it, read
// through this world's own DOM prototypes. A page can shadow any property of `document` with an element
// of that name (<img name="createElement">, <form name="body">: DOM clobbering, since Document overrides
// built-ins with its named elements), and the extension's isolated world sees those elements too. The
// prototypes of this world are out of the page's reach, so these always do what they say. (`document`
// itself cannot be shadowed.)

/** The prototype property a name means on a node, not the node's own named element. */
function builtIn(node: Node, name: string): PropertyDescriptor {
  for (let proto = Object.getPrototypeOf(node); proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertyDescriptor(proto, name);
    if (found) return found;
  }
  throw new Error(`no ${name} on ${node.nodeName}`);
}

const method = <K extends keyof Document>(name: K) =>
  ((...args: unknown[]) => (builtIn(document, name).value as (...a: unknown[]) => unknown).apply(document, args)) as Document[K];
const getter = <T>(name: string) => (of: Node) => builtIn(of, name).get!.call(of) as T;

export const createElement = method('createElement');
export const createRange = method('createRange');
export const createTreeWalker = method('createTreeWalker');
export const getElementById = method('getElementById');
export const elementsFromPoint = method('elementsFromPoint');
/** elementsFromPoint on another document (a same-origin frame's), in its own viewport's coordinates. */
export const elementsFromPointIn = (doc: Document, x: number, y: number): Element[] =>
  (builtIn(doc, 'elementsFromPoint').value as Document['elementsFromPoint']).call(doc, x, y);
/** A document's body and root element, whatever elements it names so. */
export const bodyOf = getter<HTMLElement | null>('body');
export const rootOf = getter<HTMLElement | null>('documentElement');
export const pageBody = () => bodyOf(document);
export const pageRoot = () => rootOf(document);
export const pageBaseURI = () => getter<string>('baseURI')(document);

/**
 * Our own constant markup (the icons) as nodes to append; never for data, which goes in as textContent.
 * A parser of this world, not innerHTML: nothing the page defines is involved, and no HTML sink is fed
 * a value (Mozilla's add-on linter reports every innerHTML assignment of a non-literal).
 */
export const ownMarkup = (html: string): Node[] => Array.from(new DOMParser().parseFromString(html, 'text/html').body.childNodes);

/** The effective CSS zoom of an element, what the app's `zoom` multiplies to there (1 where the browser does not say). */
export const zoomOf = (el: Element | null): number => (el as { currentCSSZoom?: number } | null)?.currentCSSZoom || 1;
