import { describe, expect, it } from 'vitest';
import { plainExcerpt } from './excerpt';

describe('plainExcerpt', () => {
  it('drops markdown markers and keeps the words', () => {
    expect(plainExcerpt('## Careful\n\n**Merge** is _final_: see [the wiki](https://wiki.example/merge).\n\n- ask `Priya`'))
      .toBe('Careful Merge is final: see the wiki. ask Priya');
  });

  it('keeps HTML out as text, not as markup', () => {
    expect(plainExcerpt('<img src=x onerror=alert(1)>Hi <b>there</b>')).toBe('Hi there');
  });

  it('cuts long text at a word, with an ellipsis', () => {
    const long = 'word '.repeat(100);
    const excerpt = plainExcerpt(long, 40);
    expect(excerpt.length).toBeLessThanOrEqual(40);
    expect(excerpt.endsWith('word…')).toBe(true);
  });
});
