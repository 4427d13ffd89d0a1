import { z } from 'zod';

/**
 * Where a tip is pinned, in the shape of W3C Web Annotation selectors so anchors can be exported.
 * An anchor carries several independent descriptions of one element; clients re-anchor by scoring
 * candidates against all of them.
 */
const text = (max: number) => z.string().max(max);

export const textQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: text(1000),
  prefix: text(200).optional(),
  suffix: text(200).optional(),
});

export const cssSelector = z.object({
  type: z.literal('CssSelector'),
  value: text(2000),
  refinedBy: textQuoteSelector.optional(),
});

/** Not in the W3C vocabulary: stable attributes (id, data-testid, aria-label, role, name, ...). */
export const attributeSelector = z.object({
  type: z.literal('AttributeSelector'),
  tag: text(50),
  attributes: z.record(text(100), text(500)).refine((a) => Object.keys(a).length <= 20, 'at most 20 attributes'),
});

/** Not in the W3C vocabulary: the element's position among similar elements (same tag) in document order. */
export const positionSelector = z.object({
  type: z.literal('ElementPositionSelector'),
  tag: text(50),
  index: z.int().min(0),
  of: z.int().min(1),
});

export const anchorSelector = z.discriminatedUnion('type', [
  cssSelector,
  textQuoteSelector,
  attributeSelector,
  positionSelector,
]);

export const anchor = z
  .object({ selector: z.array(anchorSelector).min(1).max(10) })
  .meta({ id: 'Anchor', description: 'W3C Web Annotation style selectors describing the pinned element.' });
export type Anchor = z.infer<typeof anchor>;
