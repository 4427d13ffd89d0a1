/**
 * The page's visible-ish text as one whitespace-collapsed string, with a map back to text nodes:
 * what text quotes are recorded against and searched in, as shown (through open shadow roots, slotted
 * text where its slot is). Built once per anchoring pass.
 */
import { createRange } from '../host-page/document';
import { walkFlat } from './composed';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

export class PageText {
  /** Collapsed text of every text node under the root, in the order shown (the flat tree: composed.ts). */
  readonly text: string;
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  /** Whether the node's leading whitespace was dropped (the text before it already ended in a space). */
  private readonly trimmedLead: boolean[] = [];
  /** Each element shown: the index of its first text node and of the first one after it. */
  private readonly spans = new Map<Element, readonly [number, number]>();

  constructor(readonly root: Element) {
    let text = '';
    let previousParent: Element | null = null;
    const entered: number[] = [];
    walkFlat(root, {
      enter: (el) => {
        if (SKIPPED.has(el.tagName)) return false;
        entered.push(this.nodes.length);
      },
      leave: (el) => this.spans.set(el, [entered.pop()!, this.nodes.length]),
      text: (n) => {
        let piece = collapseWhitespace(n.data);
        const trim = piece.startsWith(' ') && (text === '' || text.endsWith(' '));
        if (trim) piece = piece.slice(1);
        if (piece === '' || piece === ' ') return;
        // Text of different elements is kept apart (cells, list items), as a reader sees it.
        if (n.parentElement !== previousParent && text !== '' && !text.endsWith(' ') && !piece.startsWith(' ')) text += ' ';
        previousParent = n.parentElement;
        this.nodes.push(n);
        this.starts.push(text.length);
        this.trimmedLead.push(trim);
        text += piece;
      },
    });
    this.text = text;
  }

  /** [start, end) of the element's text in `text`; an empty span where it has none, or is not shown. */
  span(el: Element): readonly [number, number] {
    const span = this.spans.get(el);
    return span ? [this.offsetOf(span[0]), this.offsetOf(span[1])] : [0, 0];
  }

  /** The element's text, trimmed, cut to `max` characters. */
  textOf(el: Element, max: number): string {
    const [start, end] = this.span(el);
    return this.text.slice(start, end).trim().slice(0, max).trimEnd();
  }

  /** Up to `size` characters of text before and after the element (none around one not shown). */
  contextOf(el: Element, size: number): { prefix: string; suffix: string } {
    if (!this.spans.has(el)) return { prefix: '', suffix: '' };
    const [start, end] = this.span(el);
    return { prefix: this.text.slice(Math.max(0, start - size), start), suffix: this.text.slice(end, end + size) };
  }

  /** The text node holding offset `at` (the first one starting after it, at a boundary). */
  nodeAt(at: number): Text | undefined {
    const i = this.indexAt(at);
    return i < 0 ? undefined : this.nodes[i];
  }

  /** A DOM Range over [start, end) of `text`. */
  range(start: number, end: number): Range | undefined {
    const a = this.indexAt(start);
    const b = this.indexAt(Math.max(start, end - 1));
    const startNode = this.nodes[a];
    const endNode = this.nodes[b];
    if (!startNode || !endNode) return undefined;
    const range = createRange();
    range.setStart(startNode, this.rawOffset(a, start - this.starts[a]!));
    range.setEnd(endNode, this.rawOffset(b, end - this.starts[b]!));
    return range;
  }

  private indexAt(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Maps an offset in the collapsed text of node `i` back to an offset in the node's raw data. */
  private rawOffset(i: number, collapsed: number): number {
    const raw = this.nodes[i]!.data;
    let seen = this.trimmedLead[i] ? -1 : 0;
    for (let k = 0; k < raw.length; k++) {
      if (seen >= collapsed) return k;
      const space = /\s/.test(raw[k]!);
      if (!space || k === 0 || !/\s/.test(raw[k - 1]!)) seen++;
    }
    return raw.length;
  }

  private offsetOf(index: number): number {
    return index < this.nodes.length ? this.starts[index]! : this.text.length;
  }
}
