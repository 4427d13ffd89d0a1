/**
 * Records several independent descriptions of an element, so that it can be found again after the
 * app changes: whichever descriptions a release breaks, the others still point at it. Inside web
 * components' open shadow roots too: the text is read as shown, and the CSS selector goes through each
 * shadow host (css-path.ts).
 */
import { createRange } from '../host-page/document';
import { finder, className as wordLikeClass } from '@medv/finder';
import { isGeneratedId, isHashedClass, isStateClass, stableAttributes } from './attributes';
import { flatContains, hostsOf, treeOf } from './composed';
import { type CssPath, cssSelectorOf } from './css-path';
import { collapseWhitespace } from './page-text';
import { positionOf } from './position';
import { PageSnapshot } from './snapshot';
import type { Anchor, AnchorSelector, TextQuoteSelector } from './types';

/** Characters of quoted text kept (the schema allows 1000; more only slows fuzzy search). */
export const MAX_QUOTE = 200;
/** Characters of surrounding text kept on each side of a quote. */
export const CONTEXT_SIZE = 32;
const MAX_CSS = 2000;
/** Shadow hosts a CSS selector may go through (the stored shape allows 8). */
const MAX_HOSTS = 8;

const SELECTOR_ATTRIBUTES = new Set(['data-testid', 'data-test', 'data-qa', 'data-cy', 'aria-label', 'name', 'role']);

export function describeElement(element: Element, options: { selectedText?: Range } = {}): Anchor {
  const snapshot = new PageSnapshot(document);
  const root = snapshot.root;
  const { tag, attributes, exact, prefix, suffix } = contentOf(element, snapshot);
  const selector: AnchorSelector[] = [];

  const css = cssPathOf(element, root);
  if (css) {
    const refinedBy = refinement(element, exact, options.selectedText);
    selector.push(cssSelectorOf(refinedBy ? { ...css, refinedBy } : css));
  }
  selector.push(quote(exact, prefix, suffix));
  selector.push({ type: 'AttributeSelector', tag, attributes });
  selector.push({ type: 'ElementPositionSelector', tag, ...positionOf(element, root) });
  return { selector };
}

/**
 * What an anchor records of the element apart from where it sits (its CSS path and position): its
 * tag, stable attributes, own text and the text around it. Each part is computed on first use, so
 * that comparing many elements part by part stops at the first difference.
 */
export interface ElementContent {
  readonly tag: string;
  readonly attributes: Record<string, string>;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export function contentOf(element: Element, snapshot: PageSnapshot): ElementContent {
  let attributes: Record<string, string> | undefined;
  let exact: string | undefined;
  let context: { prefix: string; suffix: string } | undefined;
  return {
    tag: element.localName.slice(0, 50),
    get attributes() {
      return (attributes ??= stableAttributes(element));
    },
    get exact() {
      return (exact ??= snapshot.text.textOf(element, MAX_QUOTE));
    },
    get prefix() {
      return (context ??= snapshot.text.contextOf(element, CONTEXT_SIZE)).prefix;
    },
    get suffix() {
      return (context ??= snapshot.text.contextOf(element, CONTEXT_SIZE)).suffix;
    },
  };
}

function quote(exact: string, prefix: string, suffix: string): TextQuoteSelector {
  const q: TextQuoteSelector = { type: 'TextQuoteSelector', exact };
  if (prefix) q.prefix = prefix;
  if (suffix) q.suffix = suffix;
  return q;
}

/**
 * Unique selectors avoiding generated ids, hashed and state classes: the element's in its tree, and each
 * shadow host's above it in the tree holding that host. Undefined if one is not found quickly.
 */
function cssPathOf(element: Element, root: Element): Omit<CssPath, 'refinedBy'> | undefined {
  if (element === root || !flatContains(root, element)) return undefined;
  const hosts = hostsOf(element);
  if (hosts.length > MAX_HOSTS) return undefined;
  const values = [...hosts, element].map((el) => uniqueSelector(el, treeOf(el), root));
  if (values.some((v) => v === undefined)) return undefined;
  return { hosts: values.slice(0, -1) as string[], value: values.at(-1)! };
}

function uniqueSelector(element: Element, tree: Document | ShadowRoot, root: Element): string | undefined {
  try {
    const value = finder(element, {
      // In the page's document, unique under the anchoring root; in a frame's, under its root element; in
      // a shadow root, in that root (finder queries it).
      root: tree === root.ownerDocument ? root : tree.nodeType === Node.DOCUMENT_NODE ? (tree as Document).documentElement : (tree as unknown as Element),
      idName: (id) => !isGeneratedId(id),
      className: (name) => wordLikeClass(name) && !isHashedClass(name) && !isStateClass(name),
      attr: (name, value) => SELECTOR_ATTRIBUTES.has(name) && value.length < 100 && !isGeneratedId(value),
      timeoutMs: 50,
      maxNumberOfPathChecks: 2000,
    });
    return value.length <= MAX_CSS ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The text the CSS selector's element must hold: the user's selection inside the element (with the
 * element's text around it), or else the element's own text. None for an element without text.
 */
function refinement(element: Element, exact: string, selection: Range | undefined): TextQuoteSelector | undefined {
  if (selection && element.contains(selection.commonAncestorContainer)) {
    const selected = collapseWhitespace(selection.toString()).trim().slice(0, MAX_QUOTE);
    if (selected) {
      const before = createRange();
      before.setStart(element, 0);
      before.setEnd(selection.startContainer, selection.startOffset);
      const after = createRange();
      after.setStart(selection.endContainer, selection.endOffset);
      after.setEnd(element, element.childNodes.length);
      const prefix = collapseWhitespace(before.toString()).trimStart().slice(-CONTEXT_SIZE);
      const suffix = collapseWhitespace(after.toString()).trimEnd().slice(0, CONTEXT_SIZE);
      return quote(selected, prefix, suffix);
    }
  }
  return exact ? { type: 'TextQuoteSelector', exact } : undefined;
}
