/**
 * A CssSelector through shadow roots (shared/contract/anchors.ts): a chain of selectors, each applied in
 * the shadow root of the element the one before selected, the last one refined by the element's text.
 * Plain data, no DOM: the panel's words for an anchor read it too.
 */
import type { CssSelector, TextQuoteSelector } from './types';

export interface CssPath {
  /** Each shadow host's selector in the tree that holds it, outermost first (none for an element of the document). */
  hosts: string[];
  /** The element's own selector, in its tree. */
  value: string;
  refinedBy?: TextQuoteSelector;
}

export function cssPath(css: CssSelector): CssPath {
  const hosts: string[] = [];
  let s = css;
  while (s.refinedBy?.type === 'CssSelector') {
    hosts.push(s.value);
    s = s.refinedBy;
  }
  return s.refinedBy ? { hosts, value: s.value, refinedBy: s.refinedBy } : { hosts, value: s.value };
}

export function cssSelectorOf(path: CssPath): CssSelector {
  let s: CssSelector = path.refinedBy
    ? { type: 'CssSelector', value: path.value, refinedBy: path.refinedBy }
    : { type: 'CssSelector', value: path.value };
  for (const host of [...path.hosts].reverse()) s = { type: 'CssSelector', value: host, refinedBy: s };
  return s;
}
