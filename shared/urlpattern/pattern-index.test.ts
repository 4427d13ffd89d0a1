import { describe, expect, it } from 'vitest';
import { parsePattern } from './parse';
import { hostnameSuffixKey, pathPlan, PatternIndex, patternOrigin } from './pattern-index';

function indexOf(patterns: string[]): PatternIndex<string> {
  const index = new PatternIndex<string>();
  for (const p of patterns) index.add(p, parsePattern(p), p);
  return index;
}

const ids = (index: PatternIndex<string>, url: string) => index.match(url).map((m) => m.id);

describe('PatternIndex', () => {
  it('returns every matching scope, most specific first, with its match', () => {
    const index = indexOf([
      'https://app.example.com/*',
      'https://*.example.com/*',
      'https://app.example.com/accounts/:id',
      'https://app.example.com/accounts/42',
      'https://app.example.com/tickets/:id',
      'https://other.example.org/*',
    ]);
    const results = index.match('https://app.example.com/accounts/42?tab=1');
    expect(results.map((r) => r.id)).toEqual([
      'https://app.example.com/accounts/42',
      'https://app.example.com/accounts/:id',
      'https://app.example.com/*',
      'https://*.example.com/*',
    ]);
    expect(results[1]!.match.pathname.groups).toEqual({ id: '42' });
    expect(results[1]!.value).toBe('https://app.example.com/accounts/:id');
  });

  it('follows URLPattern: /x/* matches /x/ and below, not /x', () => {
    const index = indexOf(['https://h.example/x/*', 'https://h.example/x']);
    expect(ids(index, 'https://h.example/x')).toEqual(['https://h.example/x']);
    expect(ids(index, 'https://h.example/x/')).toEqual(['https://h.example/x/*']);
    expect(ids(index, 'https://h.example/x/a/b')).toEqual(['https://h.example/x/*']);
    expect(ids(index, 'https://h.example/xy')).toEqual([]);
  });

  it('indexes non-literal hostnames by suffix', () => {
    const index = indexOf([
      'https://*.corp.example/*',
      'https://:team.corp.example/wiki/*',
      'https://{:sub.}?example.com/*',
      'https://*example.com/x',
    ]);
    expect(ids(index, 'https://a.b.corp.example/wiki/p')).toEqual(['https://*.corp.example/*']);
    expect(ids(index, 'https://eng.corp.example/wiki/p')).toEqual(['https://:team.corp.example/wiki/*', 'https://*.corp.example/*']);
    expect(ids(index, 'https://corp.example/')).toEqual([]);
    expect(ids(index, 'https://www.example.com/')).toEqual(['https://{:sub.}?example.com/*']);
    expect(ids(index, 'https://example.com/x')).toEqual(['https://{:sub.}?example.com/*', 'https://*example.com/x']);
    expect(ids(index, 'https://fooexample.com/x')).toEqual(['https://*example.com/x']);
  });

  it('only checks candidates from the URL’s own host and path', () => {
    const index = new PatternIndex<number>();
    let n = 0;
    for (let o = 0; o < 200; o++) {
      for (const path of ['/accounts/:id/*', '/tickets/:id', '/reports/2024', '/*']) {
        index.add(String(n), parsePattern(`https://app${o}.example.com${path}`), n++);
      }
      index.add(String(n), parsePattern(`https://*.team${o}.example.com/*`), n++);
    }
    index.add('catch-all', parsePattern('https://*/*'), -1);
    expect(index.size).toBe(1001);
    // app7: its "/accounts/:id/*", its "/*", and the catch-all; nothing from the other 199 origins.
    expect(index.candidates('https://app7.example.com/accounts/1/x').sort()).toEqual(['35', '38', 'catch-all']);
    expect(index.candidates('https://x.team7.example.com/a').sort()).toEqual(['39', 'catch-all']);
    expect(index.candidates('https://unknown.example.net/').sort()).toEqual(['catch-all']);
  });

  it('handles ignoreCase patterns', () => {
    const index = new PatternIndex<string>();
    index.add('i', parsePattern('https://h.example/Accounts/:id', undefined, { ignoreCase: true }), 'i');
    index.add('s', parsePattern('https://h.example/Accounts/:id'), 's');
    expect(ids(index as PatternIndex<string>, 'https://h.example/ACCOUNTS/7')).toEqual(['i']);
    expect(ids(index as PatternIndex<string>, 'https://h.example/Accounts/7')).toEqual(['s', 'i']);
  });

  it('removes, replaces and clears', () => {
    const index = indexOf(['https://h.example/a/:id', 'https://h.example/a/*', 'https://*.example/a/*']);
    expect(index.remove('https://h.example/a/:id')).toBe(true);
    expect(index.remove('https://h.example/a/:id')).toBe(false);
    expect(ids(index, 'https://h.example/a/1')).toEqual(['https://h.example/a/*', 'https://*.example/a/*']);
    index.add('https://h.example/a/*', parsePattern('https://h.example/b'), 'replaced');
    expect(index.size).toBe(2);
    expect(ids(index, 'https://h.example/a/1')).toEqual(['https://*.example/a/*']);
    expect(index.match('https://h.example/b')[0]?.value).toBe('replaced');
    expect(index.removeWhere((value) => value === 'replaced')).toBe(1);
    expect(index.has('https://h.example/a/*')).toBe(false);
    index.clear();
    expect(index.size).toBe(0);
    expect(ids(index, 'https://x.example/a/1')).toEqual([]);
    // Removing everything and adding again still works (pruned nodes are recreated).
    index.add('again', parsePattern('https://h.example/a/:id'), 'again');
    expect(ids(index, 'https://h.example/a/1')).toEqual(['again']);
  });

  it('matches nothing for an invalid URL and accepts URL objects', () => {
    const index = indexOf(['https://*/*']);
    expect(index.match('not a url')).toEqual([]);
    expect(ids(index, new URL('https://h.example/') as unknown as string)).toEqual(['https://*/*']);
  });
});

describe('how patterns are filed', () => {
  const plan = (pathname: string) => pathPlan(parsePattern({ pathname }).pathname);
  it('splits pathnames into segments while it can', () => {
    expect(plan('/accounts/:id')).toEqual({ segments: ['accounts', null], bucket: 'exact' });
    expect(plan('/accounts/:id/*')).toEqual({ segments: ['accounts', null], bucket: 'slashRest' });
    expect(plan('/')).toEqual({ segments: [''], bucket: 'exact' });
    expect(plan('*')).toEqual({ segments: [], bucket: 'any' });
    expect(plan('/a/:id?')).toEqual({ segments: ['a'], bucket: 'any' });
    expect(plan('/a/b*')).toEqual({ segments: ['a'], bucket: 'any' });
    expect(plan('/a/x-:id/b')).toEqual({ segments: ['a'], bucket: 'any' });
    expect(plan('/{/a}?*')).toEqual({ segments: [], bucket: 'any' });
  });

  it('keys hostnames by a label-aligned suffix', () => {
    const key = (hostname: string) => hostnameSuffixKey(parsePattern({ hostname }).hostname);
    expect(key('*.corp.example')).toBe('.corp.example');
    expect(key(':sub.corp.example')).toBe('.corp.example');
    expect(key('{:sub.}?example.com')).toBe('example.com');
    expect(key('*example.com')).toBe('.com');
    expect(key('app.*')).toBeNull();
    expect(key('*')).toBeNull();
  });

  it('patternOrigin names the one origin of a pattern, if any', () => {
    expect(patternOrigin(parsePattern('https://crm.example.com/accounts/:id'))).toBe('https://crm.example.com');
    expect(patternOrigin(parsePattern('https://crm.example.com:8443/*'))).toBe('https://crm.example.com:8443');
    expect(patternOrigin(parsePattern('https://*.example.com/*'))).toBeNull();
    expect(patternOrigin(parsePattern('http{s}?://crm.example.com/*'))).toBeNull();
    expect(patternOrigin(parsePattern('https://crm.example.com:*/*'))).toBeNull();
  });
});
