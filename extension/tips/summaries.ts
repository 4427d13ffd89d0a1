/**
 * What the tip layer gets of a page's tips (TipSummary: where each is pinned, never its text or author),
 * taken from the page's context by whoever just loaded it: the background on each page view (with the
 * counts), the panel when it loads again.
 */
import type { Note } from '@shared/contract';
import type { TipSummary } from '../messaging/types';

export const tipSummaries = (notes: Note[]): TipSummary[] =>
  notes.flatMap((n) => (n.anchor ? [{ id: n.id, anchor: n.anchor, possiblyOutdated: n.possiblyOutdated }] : []));

/** Whether two lists hold the same tips, each unchanged (in any order): if not, the markers reload. */
export function sameTips(a: readonly TipSummary[], b: readonly TipSummary[]): boolean {
  if (a.length !== b.length) return false;
  const before = new Map(a.map((t) => [t.id, JSON.stringify(t)]));
  return b.every((t) => before.get(t.id) === JSON.stringify(t));
}
