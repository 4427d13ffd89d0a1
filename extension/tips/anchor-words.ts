/** What a tip is attached to, in words people read: `button “Merge account”`, `the text “Net 30” in a table cell`. */
import type { Anchor } from '@shared/contract/anchors';
import { cssPath } from '../anchoring/css-path';

const KINDS: Record<string, string> = {
  a: 'link',
  button: 'button',
  input: 'field',
  select: 'list',
  textarea: 'text box',
  img: 'image',
  label: 'label',
  li: 'list item',
  td: 'table cell',
  th: 'column heading',
  tr: 'table row',
  p: 'paragraph',
  nav: 'navigation',
  form: 'form',
  table: 'table',
};

const kindOf = (tag: string) => KINDS[tag] ?? (/^h[1-6]$/.test(tag) ? 'heading' : 'element');

const NAMING_ATTRIBUTES = ['aria-label', 'label', 'title', 'placeholder', 'alt', 'name', 'data-testid'];

function short(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

export function describeAnchor(anchor: Anchor): string {
  let tag = '';
  let quote = '';
  let selected = '';
  let name = '';
  let css = '';
  for (const s of anchor.selector) {
    if (s.type === 'AttributeSelector') {
      tag ||= s.tag;
      name ||= NAMING_ATTRIBUTES.map((a) => s.attributes[a]).find(Boolean) ?? '';
    } else if (s.type === 'ElementPositionSelector') tag ||= s.tag;
    else if (s.type === 'TextQuoteSelector') quote ||= s.exact;
    else {
      // The element's own selector (inside shadow roots, the last of the chain).
      const own = cssPath(s);
      css ||= own.value;
      // A refinement with text around it within the element is the user's selection, not its whole text.
      if (own.refinedBy && (own.refinedBy.prefix !== undefined || own.refinedBy.suffix !== undefined)) selected = own.refinedBy.exact;
    }
  }
  const kind = kindOf(tag);
  if (selected) return `the text “${short(selected)}” in a ${kind}`;
  const words = short(quote) || short(name);
  if (words) return `${kind} “${words}”`;
  return css ? `${kind} at ${short(css, 80)}` : kind;
}
