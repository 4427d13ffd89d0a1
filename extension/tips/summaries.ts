/**
 * What the tip layer gets of a page's tips (TipSummary), taken from the page's context by whoever just
 * loaded it: the background on each page view (with the counts), the panel when it loads again.
 */
import type { Note } from '../../shared/contract';
import type { TipSummary } from '../messaging/types';
import { plainExcerpt } from './excerpt';

export const tipSummaries = (notes: Note[]): TipSummary[] =>
  notes.flatMap((n) =>
    n.anchor ? [{ id: n.id, anchor: n.anchor, excerpt: plainExcerpt(n.body), author: n.author.name, possiblyOutdated: n.possiblyOutdated }] : [],
  );
