import { describe, expect, it } from 'vitest';
import type { Note } from '@shared/contract';
import { sameTips, tipSummaries } from './summaries';

/** Only what a summary reads of a note. */
const note = (id: string, over: Partial<Note> = {}) =>
  ({ id, body: 'Merging is **final**.', anchor: null, possiblyOutdated: false, author: { id: 'a', name: 'Ada' }, ...over }) as Note;

describe('tipSummaries', () => {
  it('keeps the notes pinned to an element with their anchor and outdated flag, never what they say or who wrote them', () => {
    const anchor = { selector: [{ type: 'CssSelector' as const, value: '[data-action="merge"]' }] };
    expect(tipSummaries([note('a'), note('b', { anchor, possiblyOutdated: true })])).toEqual([{ id: 'b', anchor, possiblyOutdated: true }]);
  });
});

describe('sameTips', () => {
  const anchor = { selector: [{ type: 'CssSelector' as const, value: '#merge' }] };
  const [a, b] = tipSummaries([note('a', { anchor }), note('b', { anchor })]);

  it('is the same list in any order', () => {
    expect(sameTips([a!, b!], [b!, a!])).toBe(true);
    expect(sameTips([], [])).toBe(true);
  });

  it('differs on an added or removed tip, a re-pin or a cleared flag', () => {
    expect(sameTips([a!], [a!, b!])).toBe(false);
    expect(sameTips([a!, b!], [a!])).toBe(false);
    expect(sameTips([a!], [{ ...a!, anchor: { selector: [{ type: 'CssSelector' as const, value: '#undo' }] } }])).toBe(false);
    expect(sameTips([{ ...a!, possiblyOutdated: true }], [a!])).toBe(false);
  });
});
