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

  it('shows no markdown syntax: tables, task boxes, setext headings, rules, references, escapes, entities', () => {
    expect(plainExcerpt('| Region | Owner |\n|---|---|\n| EMEA | Ada |')).toBe('Region Owner EMEA Ada');
    expect(plainExcerpt('- [ ] check the owner\n- [x] send it')).toBe('check the owner send it');
    expect(plainExcerpt('Renewals\n=====\n\n---\n\nOver 100k')).toBe('Renewals Over 100k');
    expect(plainExcerpt('See [the guide][g].\n\n[g]: https://wiki.example/guide')).toBe('See the guide.');
    expect(plainExcerpt('Escaped \\*not bold\\* and ***both***, fish &amp; chips')).toBe('Escaped *not bold* and both, fish & chips');
  });

  it('keeps what carries meaning: the words of code, autolinks, image descriptions, names with underscores', () => {
    expect(plainExcerpt('Run:\n\n```sh\ncurl -X POST https://crm.example/api\n```')).toBe('Run: curl -X POST https://crm.example/api');
    expect(plainExcerpt('See <https://wiki.example/x>, ![the diagram](https://x/y.png) and `a < b`')).toBe('See https://wiki.example/x, the diagram and a < b');
    expect(plainExcerpt('Set payment_terms_days in snake_case')).toBe('Set payment_terms_days in snake_case');
  });

  it('cuts long text at a word, with an ellipsis', () => {
    const long = 'word '.repeat(100);
    const excerpt = plainExcerpt(long, 40);
    expect(excerpt.length).toBeLessThanOrEqual(40);
    expect(excerpt.endsWith('word…')).toBe(true);
  });
});
