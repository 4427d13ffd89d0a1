import { describe, expect, it } from 'vitest';
import { badgeTotal, describeCounts, tabCounts } from './page-counts';

const counts = (notes: number, tips: number, openQuestions: number, questions = openQuestions) => ({ notes, tips, questions, openQuestions });

describe('page counts', () => {
  it('the launcher, the badge and the tabs count the same things', () => {
    const c = counts(3, 2, 1, 4);
    expect(describeCounts(c)).toBe('3 notes, 2 tips, 1 open question');
    expect(badgeTotal(c)).toBe(6);
    // The tabs say the same numbers: no "5" beside the launcher's "3 notes, 2 tips".
    expect(tabCounts(c)).toEqual({ notes: '3 · 2 tips', questions: '1 open' });
  });

  it('leaves out what is not there', () => {
    expect(tabCounts(counts(0, 1, 0, 2))).toEqual({ notes: '1 tip', questions: '' });
    expect(tabCounts(counts(1, 0, 2))).toEqual({ notes: '1', questions: '2 open' });
    expect(tabCounts(counts(0, 0, 0))).toEqual({ notes: '', questions: '' });
  });
});
