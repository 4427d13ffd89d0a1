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

/** How many shadow hosts a CssSelector may pass through (see below). */
export const MAX_SHADOW_HOSTS = 8;

/**
 * An element inside (open) shadow roots is named by a chain of CssSelectors, as the W3C model refines a
 * selector by another applied to its result: the outermost shadow host's selector in the document,
 * refined by the next host's selector in that host's shadow root, and so on down to the element's own
 * selector in its shadow root, refined by its text. An element of the document has no host in the chain.
 */
type CssSelectorShape = { type: 'CssSelector'; value: string; refinedBy?: z.infer<typeof textQuoteSelector> | CssSelectorShape };

export const cssSelector = z
  .object({
    type: z.literal('CssSelector'),
    value: text(2000),
    get refinedBy(): z.ZodOptional<z.ZodUnion<readonly [typeof textQuoteSelector, z.ZodType<CssSelectorShape>]>> {
      return z.union([textQuoteSelector, cssSelector]).optional();
    },
  })
  .refine((s) => hostsIn(s) <= MAX_SHADOW_HOSTS, `at most ${MAX_SHADOW_HOSTS} shadow hosts`)
  .meta({ id: 'CssSelector' });

function hostsIn(s: CssSelectorShape): number {
  let hosts = 0;
  for (let r = s.refinedBy; r?.type === 'CssSelector'; r = r.refinedBy) hosts++;
  return hosts;
}

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
  .object({
    selector: z.array(anchorSelector).min(1).max(10),
    /**
     * Set for an element inside a frame from another site (the app's own frames are reached by the
     * CssSelector chain): that frame's page key, by its site's rules. The selectors then describe the
     * element in the frame's document, where the extension's frame script anchors it.
     */
    frame: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  })
  .meta({ id: 'Anchor', description: 'W3C Web Annotation style selectors describing the pinned element.' });
export type Anchor = z.infer<typeof anchor>;
