import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePattern, patternStrings } from './parse';
import { compareSpecificity } from './specificity';

/** Most specific first. */
const ORDERED = [
  'https://app.example.com/accounts/42',
  'https://app.example.com/accounts/:id/notes',
  'https://app.example.com/accounts/:id',
  'https://app.example.com/accounts/*',
  'https://app.example.com/*',
  'https://app.example.com:*/*',
  'https://:sub.example.com/accounts/42',
  'https://*.example.com/accounts/42',
  'https://*.example.com/*',
  'https://*/accounts/42',
  'https://*/*',
];

describe('compareSpecificity', () => {
  it('orders a realistic set most specific first', () => {
    const patterns = ORDERED.map((s) => ({ s, p: parsePattern(s) }));
    const shuffled = [...patterns].reverse();
    shuffled.push(shuffled.shift()!);
    expect(shuffled.sort((a, b) => compareSpecificity(a.p, b.p)).map((x) => x.s)).toEqual(ORDERED);
  });

  it('puts an exact host before a wildcard host whatever the paths', () => {
    const exactHost = parsePattern('https://app.example.com/*');
    const wildHost = parsePattern('https://*.example.com/accounts/42/notes/7');
    expect(compareSpecificity(exactHost, wildHost)).toBe(-1);
    expect(compareSpecificity(wildHost, exactHost)).toBe(1);
  });

  it('prefers more fixed path text, then fewer wildcards, then fewer parameters', () => {
    const a = parsePattern('https://h.example/accounts/:id/*'); // 11 fixed chars
    const b = parsePattern('https://h.example/accounts/*'); // 10
    expect(compareSpecificity(a, b)).toBe(-1);
    const param = parsePattern('https://h.example/x/:id');
    const star = parsePattern('https://h.example/x/*');
    expect(compareSpecificity(param, star)).toBe(-1);
    const oneParam = parsePattern('https://h.example/x-:a');
    const twoParams = parsePattern('https://h.example/x-:a-:b');
    expect(compareSpecificity(twoParams, oneParam)).toBe(-1); // more fixed text ("-") wins first
  });

  it('puts a constrained search before any search, and case-sensitive before ignoreCase', () => {
    expect(compareSpecificity(parsePattern('https://h.example/x?tab=1'), parsePattern('https://h.example/x'))).toBe(-1);
    const sensitive = parsePattern('https://h.example/x');
    const insensitive = parsePattern('https://h.example/x', undefined, { ignoreCase: true });
    expect(compareSpecificity(sensitive, insensitive)).toBe(-1);
  });

  const pool = [
    ...ORDERED,
    'http{s}?://app.example.com/*',
    'https://app.example.com/accounts/:id?',
    'https://app.example.com/{a}?b',
    'https://app.example.com/b',
    'https://app.example.com/a',
    'https://app.example.com/accounts/:id/*',
    'https://app.example.com/accounts/:id?tab=*',
    'https://app.example.com/accounts/:id#x',
    '*://*/*',
  ];
  const patternArb = fc.tuple(fc.constantFrom(...pool), fc.boolean()).map(([s, ic]) => parsePattern(s, undefined, { ignoreCase: ic }));

  it('is a total order: antisymmetric, transitive, 0 only for identical patterns', () => {
    fc.assert(
      fc.property(patternArb, patternArb, patternArb, (a, b, c) => {
        const ab = compareSpecificity(a, b);
        expect(Math.sign(compareSpecificity(b, a)) + Math.sign(ab)).toBe(0);
        expect(ab === 0).toBe(
          JSON.stringify(patternStrings(a)) === JSON.stringify(patternStrings(b)) && a.ignoreCase === b.ignoreCase,
        );
        if (ab <= 0 && compareSpecificity(b, c) <= 0) expect(compareSpecificity(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });
});
