import { describe, expect, it } from 'vitest';
import type { Anchor } from '@shared/contract/anchors';
import { describeAnchor } from './anchor-words';

const anchor = (...selector: Anchor['selector']): Anchor => ({ selector });

describe('describeAnchor', () => {
  it('names the kind of element and its text', () => {
    expect(
      describeAnchor(
        anchor(
          { type: 'CssSelector', value: '.nw-btn--danger', refinedBy: { type: 'TextQuoteSelector', exact: 'Merge account' } },
          { type: 'TextQuoteSelector', exact: 'Merge account', prefix: 'Send invoice' },
          { type: 'AttributeSelector', tag: 'button', attributes: { type: 'button' } },
        ),
      ),
    ).toBe('button “Merge account”');
  });

  it('says which text was selected', () => {
    const selected = { type: 'TextQuoteSelector' as const, exact: 'Net 30', prefix: 'Terms: ', suffix: '' };
    expect(describeAnchor(anchor({ type: 'CssSelector', value: 'td', refinedBy: selected }, { type: 'AttributeSelector', tag: 'td', attributes: {} })))
      .toBe('the text “Net 30” in a table cell');
  });

  it('falls back to a naming attribute, then to the selector', () => {
    expect(describeAnchor(anchor({ type: 'AttributeSelector', tag: 'input', attributes: { 'aria-label': 'Filter accounts' } }))).toBe('field “Filter accounts”');
    expect(describeAnchor(anchor({ type: 'CssSelector', value: '[data-action="merge"]' }))).toBe('element at [data-action="merge"]');
  });

  it('inside shadow roots, reads the element’s own selector and selection, not its hosts’', () => {
    const selected = { type: 'TextQuoteSelector' as const, exact: '1,200', prefix: '$', suffix: '.00' };
    const inner = { type: 'CssSelector' as const, value: 'p.amount', refinedBy: selected };
    expect(describeAnchor(anchor({ type: 'CssSelector', value: 'wc-app', refinedBy: { type: 'CssSelector', value: 'wc-card', refinedBy: inner } }, { type: 'AttributeSelector', tag: 'p', attributes: {} })))
      .toBe('the text “1,200” in a paragraph');
    expect(describeAnchor(anchor({ type: 'CssSelector', value: 'wc-app', refinedBy: { type: 'CssSelector', value: '.refresh' } }))).toBe('element at .refresh');
  });
});
