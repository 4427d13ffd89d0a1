/**
 * An element's position among elements of the same tag in its nearest landmark, form, table or
 * dialog ("the 3rd of 5 buttons in the toolbar's form"): survives changes elsewhere on the page,
 * and singles out elements that have no attributes and share their text (row actions, say).
 */
import { treeOf } from './composed';

interface Position {
  index: number;
  of: number;
}

const CONTAINERS =
  'main,nav,aside,header,footer,form,table,dialog,fieldset,ul,ol,[role=main],[role=navigation],[role=complementary],' +
  '[role=banner],[role=contentinfo],[role=region],[role=dialog],[role=toolbar],[role=menu],[role=tablist],[role=grid],[role=table]';

/**
 * The nearest container in the element's own tree (a shadow root's elements are grouped in it: a
 * component's buttons are counted among themselves; so are a frame's), else that tree's root.
 */
function containerOf(el: Element, root: Element): ParentNode {
  const c = el.parentElement?.closest(CONTAINERS);
  const tree = treeOf(el);
  if (tree.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return c ?? tree;
  if (tree !== root.ownerDocument) return c ?? (tree as Document).documentElement;
  return c && root.contains(c) ? c : root;
}

/** Elements of one tag under a root and in its open shadow roots, grouped by container, with each one's position. */
export class PositionIndex {
  readonly groups: Element[][] = [];
  private readonly positions = new Map<Element, Position>();

  constructor(root: Element, scopes: readonly ParentNode[], tag: string) {
    const byContainer = new Map<ParentNode, Element[]>();
    for (const scope of scopes) {
      for (const el of Array.from(scope.querySelectorAll(tag))) {
        const c = containerOf(el, root);
        let group = byContainer.get(c);
        if (!group) byContainer.set(c, (group = []));
        group.push(el);
      }
    }
    for (const group of byContainer.values()) {
      this.groups.push(group);
      group.forEach((el, index) => this.positions.set(el, { index, of: group.length }));
    }
  }

  positionOf(el: Element): Position | undefined {
    return this.positions.get(el);
  }

  /** Elements standing where a stored position says: at `index` in groups of the same size first, then in larger ones. */
  at(position: Position, limit: number): Element[] {
    const exact = this.groups.filter((g) => g.length === position.of);
    const larger = this.groups.filter((g) => g.length !== position.of && g.length > position.index);
    return [...exact, ...larger]
      .map((g) => g[position.index])
      .filter((el): el is Element => el !== undefined)
      .slice(0, limit);
  }
}

/** The position of one element (for describing it: no index of the whole page needed). */
export function positionOf(el: Element, root: Element): Position {
  const container = containerOf(el, root);
  const tag = el.localName;
  const group = Array.from(container.querySelectorAll(tag)).filter((e) => containerOf(e, root) === container);
  return { index: Math.max(0, group.indexOf(el)), of: Math.max(1, group.length) };
}

/** Agreement in [0, 1]: the same index in a group of the same size; an index counts less in a group of another size. */
export function positionSimilarity(stored: Position, actual: Position): number {
  const delta = Math.abs(stored.index - actual.index);
  if (stored.of === actual.of) return delta === 0 ? 1 : delta === 1 ? 0.6 : 0.3;
  return delta === 0 ? 0.4 : delta === 1 ? 0.2 : 0;
}
