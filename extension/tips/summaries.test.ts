import { describe, expect, it } from 'vitest';
import type { Note } from '../../shared/contract';
import { tipSummaries } from './summaries';

/** Only what a summary reads of a note. */
const note = (id: string, over: Partial<Note> = {}) =>
  ({ id, body: 'Merging is **final**.', anchor: null, possiblyOutdated: false, author: { id: 'a', name: 'Ada' }, ...over }) as Note;

describe('tipSummaries', () => {
  it('keeps the notes pinned to an element, with a plain excerpt, the author and the outdated flag', () => {
    const anchor = { selector: [{ type: 'CssSelector' as const, value: '[data-action="merge"]' }] };
    expect(tipSummaries([note('a'), note('b', { anchor, possiblyOutdated: true })])).toEqual([
      { id: 'b', anchor, excerpt: 'Merging is final.', author: 'Ada', possiblyOutdated: true },
    ]);
  });
});
