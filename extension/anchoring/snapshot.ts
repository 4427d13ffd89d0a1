/**
 * What anchoring reads from the page, computed lazily and shared by every anchor of one pass: the
 * page text, its open shadow roots and the positions of elements by tag. Valid only until the DOM
 * changes.
 */
import { bodyOf, rootOf } from '../host-page/document';
import { innerTrees } from './composed';
import { PageText } from './page-text';
import { PositionIndex } from './position';
import type { AnchorRoot } from './types';

/** A tree elements are queried in: the root's own, or an open shadow root under it. */
export type Scope = Element | ShadowRoot;

export class PageSnapshot {
  readonly root: Element;
  private pageText?: PageText;
  private innerTrees?: Scope[];
  private readonly positions = new Map<string, PositionIndex>();

  constructor(root: AnchorRoot) {
    this.root = root instanceof Document ? (bodyOf(root) ?? rootOf(root)!) : root;
  }

  get text(): PageText {
    return (this.pageText ??= new PageText(this.root));
  }

  /**
   * The root and every tree of its own under it (open shadow roots, readable frames' documents): a
   * selector matches within one of them, never across.
   */
  get scopes(): readonly Scope[] {
    return [this.root, ...(this.innerTrees ??= innerTrees(this.root))];
  }

  positionsOf(tag: string): PositionIndex {
    let index = this.positions.get(tag);
    if (!index) this.positions.set(tag, (index = new PositionIndex(this.root, this.scopes, tag)));
    return index;
  }

  /** Up to `limit` elements matching a selector, in every scope. */
  queryAll(selector: string, limit: number): Element[] {
    const found: Element[] = [];
    for (const scope of this.scopes) {
      if (found.length >= limit) break;
      found.push(...queryAll(scope, selector, limit - found.length));
    }
    return found;
  }

  /** Every element of a tag, in every scope. */
  elementsOf(tag: string): Element[] {
    const found = Array.from(this.root.getElementsByTagName(tag));
    for (const scope of this.scopes.slice(1)) found.push(...Array.from(scope.querySelectorAll(CSS.escape(tag))));
    return found;
  }
}

/** Up to `limit` elements in one scope matching a selector; none when the selector is invalid here. */
export function queryAll(scope: Scope, selector: string, limit: number): Element[] {
  try {
    const found = scope.querySelectorAll(selector);
    return Array.from({ length: Math.min(limit, found.length) }, (_, i) => found[i]!);
  } catch {
    return [];
  }
}
