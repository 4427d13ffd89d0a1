/**
 * What anchoring reads from the page, computed lazily and shared by every anchor of one pass: the
 * page text and the positions of elements by tag. Valid only until the DOM changes.
 */
import { bodyOf, rootOf } from '../host-page/document';
import { PageText } from './page-text';
import { PositionIndex } from './position';
import type { AnchorRoot } from './types';

export class PageSnapshot {
  readonly root: Element;
  private pageText?: PageText;
  private readonly positions = new Map<string, PositionIndex>();

  constructor(root: AnchorRoot) {
    this.root = root instanceof Document ? (bodyOf(root) ?? rootOf(root)!) : root;
  }

  get text(): PageText {
    return (this.pageText ??= new PageText(this.root));
  }

  positionsOf(tag: string): PositionIndex {
    let index = this.positions.get(tag);
    if (!index) this.positions.set(tag, (index = new PositionIndex(this.root, tag)));
    return index;
  }
}

/** Up to `limit` elements under the root matching a selector; none when the selector is invalid here. */
export function queryAll(root: Element, selector: string, limit: number): Element[] {
  try {
    const found = root.querySelectorAll(selector);
    return Array.from({ length: Math.min(limit, found.length) }, (_, i) => found[i]!);
  } catch {
    return [];
  }
}
