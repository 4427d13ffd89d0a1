import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConstructorStringFully, parseSimpleConstructorString } from './constructor-string';
import { PatternError } from './errors';
import { matchPattern, testPattern } from './match';
import { isValidPattern, parsePattern, patternStrings } from './parse';

function errorOf(fn: () => unknown): PatternError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PatternError) return err;
    throw err;
  }
  throw new Error('expected a PatternError');
}

describe('parsePattern', () => {
  it('splits a constructor string into normalized components', () => {
    expect(patternStrings(parsePattern('https://app.example.com/accounts/:id/*'))).toEqual({
      protocol: 'https',
      username: '*',
      password: '*',
      hostname: 'app.example.com',
      port: '',
      pathname: '/accounts/:id/*',
      search: '*',
      hash: '*',
    });
  });

  it('resolves a relative string against a base URL, without inheriting search and hash', () => {
    const p = parsePattern('/accounts/:id', 'https://App.Example.com:8443/x?y#z');
    expect(patternStrings(p)).toMatchObject({
      protocol: 'https',
      hostname: 'app.example.com',
      port: '8443',
      pathname: '/accounts/:id',
      search: '*',
      hash: '*',
    });
  });

  it('accepts the init-dictionary form; missing components are wildcards', () => {
    const p = parsePattern({ hostname: '*.corp.example', pathname: '/tickets/:id' });
    expect(patternStrings(p)).toMatchObject({ protocol: '*', hostname: '*.corp.example', port: '*', pathname: '/tickets/:id' });
    expect(testPattern(p, 'http://a.corp.example:81/tickets/9')).toBe(true);
    expect(testPattern(p, 'http://corp.example/tickets/9')).toBe(false);
  });

  it('drops the default port and canonicalizes hostnames', () => {
    expect(parsePattern('https://EXAMPLE.com:443/').port.pattern).toBe('');
    expect(parsePattern('https://café.example/').hostname.pattern).toBe('xn--caf-dma.example');
  });

  it('canonicalizes fixed pathname text like the URL parser (non-special rules: "\\" is not "/")', () => {
    expect(parsePattern({ pathname: '/a/./b/../c d' }).pathname.pattern).toBe('/a/c%20d');
    expect(parsePattern({ pathname: '/a\\?b\\#c' }).pathname.pattern).toBe('/a%3Fb%23c');
    expect(parsePattern({ pathname: '/a\\\\b' }).pathname.pattern).toBe('/a\\\\b');
    expect(parsePattern({ pathname: '/café/:id' }).pathname.pattern).toBe('/caf%C3%A9/:id');
  });

  it('accepts (.*) and the segment regexp, as the standard turns them into * and :name', () => {
    expect(parsePattern({ pathname: '/foo/(.*)' }).pathname.pattern).toBe('/foo/*');
    expect(parsePattern({ pathname: '/foo/:bar(.*)' }).pathname.pattern).toBe('/foo/:bar(.*)');
    expect(parsePattern({ pathname: '/foo/([^\\/]+?)' }).pathname.pattern).toBe('/foo/([^\\/]+?)');
  });

  it.each([
    ['pathname', { pathname: '/accounts/(\\d+)' }],
    ['pathname', { pathname: '/accounts/:id(\\d+)' }],
    ['hostname', { hostname: '(www|app).example.com' }],
    ['protocol', { protocol: '(https|http)' }],
    ['search', { search: 'q=([a-z]+)' }],
    [undefined, 'https://example.com/(a|b)'],
  ])('rejects custom regexp groups with pattern_regexp_group (%s)', (component, input) => {
    const err = errorOf(() => parsePattern(input as string));
    expect(err.code).toBe('pattern_regexp_group');
    expect(err.message).toContain('Custom regular-expression groups like (\\d+) are not supported: use :name or * instead');
    if (component) {
      expect(err.component).toBe(component);
      expect(err.message).toContain(`in the ${component}`);
    }
  });

  it('reports the position of a regexp group in the component', () => {
    const err = errorOf(() => parsePattern({ pathname: '/accounts/:id(\\d+)' }));
    expect(err.position).toBe(13);
    expect(err.message).toContain('at position 13');
  });

  it('rejects a malformed regexp group with the same code', () => {
    expect(errorOf(() => parsePattern({ pathname: '/a/(' })).code).toBe('pattern_regexp_group');
  });

  it.each([
    [{ pathname: '/:id/:id' }, /Duplicate group name "id"/],
    [{ pathname: '/a{b' }, /expected a closing "}"/],
    [{ pathname: '/a\\' }, /backslash/],
    [{ hostname: 'bad host' }, /Invalid hostname/],
    [{ port: '80a' }, /Invalid port/],
    [{ pathname: '/:' }, /Missing parameter name/],
  ])('rejects invalid patterns with pattern_invalid: %j', (input, message) => {
    const err = errorOf(() => parsePattern(input));
    expect(err.code).toBe('pattern_invalid');
    expect(err.message).toMatch(message);
  });

  it('needs a base URL for a relative string, and refuses one next to an object', () => {
    expect(errorOf(() => parsePattern('/accounts/:id')).message).toMatch(/relative/);
    expect(errorOf(() => parsePattern({ pathname: '/x' }, 'https://example.com')).message).toMatch(/baseURL member/);
    expect(errorOf(() => parsePattern('/x', 'not a url')).message).toMatch(/Invalid base URL/);
  });

  it('isValidPattern says the same as parsePattern', () => {
    expect(isValidPattern('https://example.com/:id')).toBe(true);
    expect(isValidPattern('https://example.com/:id(\\d+)')).toBe(false);
    expect(isValidPattern('/x', 'https://example.com')).toBe(true);
    expect(isValidPattern('/x')).toBe(false);
  });

  it('applies ignoreCase to pathname, search and hash only', () => {
    // (A "?" right after ":id" would be a modifier, so the path ends in fixed text here.)
    const p = parsePattern('https://example.com/Accounts/:id/x?Tab=*#Top', undefined, { ignoreCase: true });
    expect(patternStrings(p)).toMatchObject({ pathname: '/Accounts/:id/x', search: 'Tab=*', hash: 'Top' });
    expect(testPattern(p, 'https://EXAMPLE.com/accounts/7/X?tab=x#TOP')).toBe(true);
    expect(testPattern(p, 'https://example.com/accounts/7/y?tab=x#TOP')).toBe(false);
    expect(testPattern(parsePattern('https://example.com/Accounts/:id'), 'https://example.com/accounts/7')).toBe(false);
  });
});

describe('matchPattern', () => {
  const p = parsePattern('https://app.example.com/accounts/:id{/:tab}?');

  it('returns URLPatternResult-shaped groups, undefined for a skipped optional group', () => {
    const m = matchPattern(p, 'https://app.example.com/accounts/7');
    expect(m?.pathname).toStrictEqual({ input: '/accounts/7', groups: { id: '7', tab: undefined } });
    expect(m?.inputs).toEqual(['https://app.example.com/accounts/7']);
    expect(matchPattern(p, 'https://app.example.com/accounts/7/notes')?.pathname.groups).toEqual({ id: '7', tab: 'notes' });
  });

  it('takes a URL object, a relative string with a base URL, or an init dictionary', () => {
    expect(matchPattern(p, new URL('https://app.example.com/accounts/7'))?.pathname.groups.id).toBe('7');
    const relative = matchPattern(p, '../accounts/8', 'https://app.example.com/accounts/7');
    expect(relative?.pathname.groups.id).toBe('8');
    expect(relative?.inputs).toEqual(['../accounts/8', 'https://app.example.com/accounts/7']);
    expect(matchPattern(p, { protocol: 'https', hostname: 'APP.example.com', pathname: '/accounts/9' })?.hostname.input).toBe(
      'app.example.com',
    );
  });

  it('returns null for an unparsable URL and throws for a base URL next to an object', () => {
    expect(matchPattern(p, 'not a url')).toBeNull();
    expect(matchPattern(p, '/accounts/7', 'also not a url')).toBeNull();
    expect(() => matchPattern(p, { pathname: '/accounts/7' }, 'https://app.example.com')).toThrow(TypeError);
  });

  it('is strict about /x/* versus /x', () => {
    const star = parsePattern('https://example.com/x/*');
    expect(testPattern(star, 'https://example.com/x')).toBe(false);
    expect(testPattern(star, 'https://example.com/x/')).toBe(true);
    expect(testPattern(star, 'https://example.com/x/y/z')).toBe(true);
  });

  it('keeps a group named __proto__ as an ordinary own property', () => {
    const m = matchPattern(parsePattern({ pathname: '/:__proto__' }), { pathname: '/x' });
    expect(Object.keys(m!.pathname.groups)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(m!.pathname.groups)).toBe(Object.prototype);
  });
});

describe('the constructor-string fast path', () => {
  const special = (protocol: string) => ['http', 'https', 'ws', 'wss', 'ftp', 'file'].includes(protocol);

  it('gives what the state machine gives, whenever it applies', () => {
    const piece = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('a', 'B', '.', '-', '/', '8080', ':id', '*', 'é', '%41', '@', ':', 'https', 'foo') },
      { weight: 1, arbitrary: fc.constantFrom('://', '//', '?', '#', '{', '}', '(', ')', '\\', '[', ']', '+', ' ') },
    );
    const hostPiece = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('a', 'b', '.', '-', '1') },
      { weight: 1, arbitrary: fc.constantFrom('B', '*', ':h', '@', '[', ']', '{', 'é') },
    );
    let applied = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('https', 'http', 'foo', 'Https', ''),
        fc.array(hostPiece, { maxLength: 5 }),
        fc.constantFrom('', ':', ':8080', ':*', ':8080x'),
        fc.array(piece, { maxLength: 8 }),
        (scheme, host, port, path) => {
          const input = `${scheme ? `${scheme}://` : ''}${host.join('')}${port}${path.length ? '/' : ''}${path.join('')}`;
          const fast = parseSimpleConstructorString(input);
          if (fast === null) return;
          applied += 1;
          expect(fast).toEqual(parseConstructorStringFully(input, special));
        },
      ),
      { numRuns: 5000 },
    );
    expect(applied).toBeGreaterThan(300);
  });

  it('applies to the usual scope shapes', () => {
    for (const s of ['https://crm.example.com/accounts/:id/*', 'http://h.example:8080', 'https://h.example/a@b/:x+']) {
      expect(parseSimpleConstructorString(s)).toEqual(parseConstructorStringFully(s, special));
    }
    expect(parseSimpleConstructorString('https://*.example.com/*')).toBeNull();
    expect(parseSimpleConstructorString('https://h.example/:id?q=1')).toBeNull();
  });
});
