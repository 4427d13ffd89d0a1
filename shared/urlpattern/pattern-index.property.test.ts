/**
 * Differential property tests against the reference implementation (urlpattern-polyfill):
 *
 * 1. matchPattern agrees with URLPattern.exec — match or not, and every component's input and groups.
 * 2. PatternIndex.match returns exactly the ids whose reference pattern matches (a linear scan with
 *    URLPattern.test), before and after removals, each with the same result as matchPattern, ordered
 *    by compareSpecificity.
 *
 * Patterns are generated from the shapes scopes use (fixed segments, `:params`, `*`, optional groups,
 * repeated params, params inside a segment, hostname wildcards, protocol and port variants, search and
 * hash constraints, ignoreCase) and URLs are derived from them, then mutated to land near misses.
 */
import fc from 'fast-check';
import { URLPattern } from 'urlpattern-polyfill/urlpattern';
import { describe, expect, it } from 'vitest';
import { matchPattern } from './match';
import { parsePattern } from './parse';
import { PatternIndex } from './pattern-index';
import { compareSpecificity } from './specificity';
import { COMPONENTS, type CompiledPattern, type URLPatternInitLike } from './types';

// --- pattern specs ----------------------------------------------------------------------------------

const SEGMENTS = ['a', 'b', 'accounts', 'tickets', 'x', 'Ab', 'v1', 'a.b'];
const VALUES = [...SEGMENTS, '1', '42', 'abc', 'A', 'x-y', 'é', '%41', 'a b', ''];
const HOSTS = ['app.example.com', 'crm.example.com', 'x.corp.example', 'a.b.corp.example', 'corp.example', 'example.com'];

type PathToken =
  | { k: 'lit'; v: string }
  | { k: 'param' }
  | { k: 'star' }
  | { k: 'optLit'; v: string }
  | { k: 'optParam' }
  | { k: 'plusParam' }
  | { k: 'starParam' }
  | { k: 'midParam'; v: string }
  | { k: 'bareStar' }
  | { k: 'slash' };

interface Spec {
  protocol: string;
  hostname: string;
  port: string;
  path: PathToken[];
  /** Render the pathname as "*" instead of the tokens. */
  anyPath: boolean;
  search: string;
  hash: string;
  ignoreCase: boolean;
  asString: boolean;
}

const segment = fc.constantFrom(...SEGMENTS);
const pathToken: fc.Arbitrary<PathToken> = fc.oneof(
  { weight: 6, arbitrary: segment.map((v) => ({ k: 'lit' as const, v })) },
  { weight: 4, arbitrary: fc.constant({ k: 'param' as const }) },
  { weight: 2, arbitrary: fc.constant({ k: 'star' as const }) },
  { weight: 1, arbitrary: segment.map((v) => ({ k: 'optLit' as const, v })) },
  { weight: 1, arbitrary: fc.constant({ k: 'optParam' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'plusParam' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'starParam' as const }) },
  { weight: 1, arbitrary: segment.map((v) => ({ k: 'midParam' as const, v })) },
  { weight: 1, arbitrary: fc.constant({ k: 'bareStar' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'slash' as const }) },
);

const hostnamePattern = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...HOSTS) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '*.corp.example',
      ':sub.corp.example',
      '*.example.com',
      '{:sub.}?example.com',
      '{*.}?corp.example',
      '*example.com',
      '*',
      'app.*',
      ':a.:b.example',
    ),
  },
);

const specArb: fc.Arbitrary<Spec> = fc.record({
  protocol: fc.oneof({ weight: 6, arbitrary: fc.constant('https') }, { weight: 1, arbitrary: fc.constantFrom('http', 'http{s}?', '*') }),
  hostname: hostnamePattern,
  port: fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('8443', '*') }),
  path: fc.array(pathToken, { maxLength: 4 }),
  anyPath: fc.boolean().map((b) => b && Math.random() < 0.3),
  search: fc.oneof({ weight: 6, arbitrary: fc.constant('*') }, { weight: 1, arbitrary: fc.constantFrom('', 'tab=:t', 'q=*', 'id=1') }),
  hash: fc.oneof({ weight: 8, arbitrary: fc.constant('*') }, { weight: 1, arbitrary: fc.constantFrom('', 'top', ':h') }),
  ignoreCase: fc.boolean().map((b) => b && Math.random() < 0.4),
  asString: fc.boolean(),
});

function renderPath(spec: Spec): string {
  if (spec.anyPath) return '*';
  let n = 0;
  const name = () => `p${n++}`;
  const out = spec.path
    .map((t) => {
      switch (t.k) {
        case 'lit':
          return `/${t.v}`;
        case 'param':
          return `/:${name()}`;
        case 'star':
          return '/*';
        case 'optLit':
          return `{/${t.v}}?`;
        case 'optParam':
          return `/:${name()}?`;
        case 'plusParam':
          return `/:${name()}+`;
        case 'starParam':
          return `/:${name()}*`;
        case 'midParam':
          return `/${t.v}-:${name()}`;
        case 'bareStar':
          return '*';
        case 'slash':
          return '/';
      }
    })
    .join('')
    // urlpattern-polyfill mangles pathnames that start with "//" (it resolves them as
    // protocol-relative URLs); we follow the standard there, so keep "//" out of the comparison.
    .replace(/\/\/+/g, '/');
  return out.startsWith('/') ? out : `/${out}`;
}

/** The constructor arguments for both implementations. */
function patternArgs(spec: Spec): [string | URLPatternInitLike, { ignoreCase: boolean }] {
  const pathname = renderPath(spec);
  // In a constructor string, a "?" right after a name or "*" is a modifier, not the search: use the
  // init form for those.
  const last = spec.path[spec.path.length - 1];
  const endsInGroup = last !== undefined && ['param', 'star', 'starParam', 'midParam', 'bareStar'].includes(last.k);
  if (spec.asString && pathname.startsWith('/') && !endsInGroup) {
    const port = spec.port === '' ? '' : `:${spec.port}`;
    return [`${spec.protocol}://${spec.hostname}${port}${pathname}?${spec.search}#${spec.hash}`, { ignoreCase: spec.ignoreCase }];
  }
  return [
    { protocol: spec.protocol, hostname: spec.hostname, port: spec.port, pathname, search: spec.search, hash: spec.hash },
    { ignoreCase: spec.ignoreCase },
  ];
}

// --- URLs derived from specs ------------------------------------------------------------------------

const pick = <T>(items: readonly T[], r: number): T => items[r % items.length]!;

/** A URL that the spec's pattern probably matches, then (if `mutate`) nudged to a near miss. */
function urlFor(spec: Spec, rs: number[], mutate: boolean): string {
  let k = 0;
  const r = () => rs[k++ % rs.length]! + k;
  const protocol = spec.protocol === 'http' ? 'http' : spec.protocol === 'https' ? 'https' : pick(['http', 'https'], r());
  let host: string;
  if (HOSTS.includes(spec.hostname)) host = spec.hostname;
  else if (spec.hostname.includes('corp.example')) host = pick(['x.corp.example', 'a.b.corp.example', 'corp.example', 'zz.corp.example'], r());
  else if (spec.hostname.includes('example.com')) host = pick(['app.example.com', 'example.com', 'fooexample.com', 'a.b.example.com'], r());
  else host = pick([...HOSTS, 'app.other.org', 'app.x'], r());
  const port = spec.port === '8443' ? ':8443' : spec.port === '*' ? pick(['', ':8443', ':9000'], r()) : '';
  const segs: string[] = [];
  for (const t of spec.path) {
    const roll = r() % 2 === 0;
    switch (t.k) {
      case 'lit':
        segs.push(`/${t.v}`);
        break;
      case 'param':
        segs.push(`/${pick(VALUES, r())}`);
        break;
      case 'star':
        segs.push(roll ? '/' : `/${pick(VALUES, r())}/${pick(VALUES, r())}`);
        break;
      case 'optLit':
        if (roll) segs.push(`/${t.v}`);
        break;
      case 'optParam':
        if (roll) segs.push(`/${pick(VALUES, r())}`);
        break;
      case 'plusParam':
      case 'starParam':
        segs.push(`/${pick(VALUES, r())}`);
        if (roll) segs.push(`/${pick(VALUES, r())}`);
        break;
      case 'midParam':
        segs.push(`/${t.v}-${pick(VALUES, r())}`);
        break;
      case 'bareStar':
        segs.push(pick(['', 'x', '/y/z', '-q'], r()));
        break;
      case 'slash':
        segs.push('/');
        break;
    }
  }
  let path = segs.join('');
  if (spec.anyPath) path = pick(['/', '/a', '/accounts/7/x'], r());
  if (!path.startsWith('/')) path = `/${path}`;
  const search = pick(['', '?tab=2', '?q=x', '?id=1', '?id=1&tab=2', '?tab='], r());
  const hash = pick(['', '#top', '#x', '#'], r());
  let url = `${protocol}://${host}${port}${path}${search}${hash}`;
  if (mutate) {
    switch (r() % 6) {
      case 0:
        url = url.replace(/\/[^/?#]*(?=[?#]|$)/, ''); // drop the last segment
        break;
      case 1:
        url = url.replace(/(\/[^/?#]*)([?#]|$)/, '$1/$2'); // add a trailing slash
        break;
      case 2:
        url = url.replace(/\/\/[^/]*\/[a-z]/, (m) => m.toUpperCase()); // change case
        break;
      case 3:
        url = url.replace(/(\/[^/?#]+)/g, (m, _s, offset) => (offset > 10 && r() % 3 === 0 ? `${m}x` : m));
        break;
      case 4:
        url = url.replace('://', '://www.');
        break;
      default:
        url = url.replace(/[?#].*$/, '');
    }
  }
  // No "//" in the path: see renderPath.
  return url.replace(/^([a-z]+:\/\/[^/?#]*)(\/[^?#]*)/, (_m, origin: string, p: string) => origin + p.replace(/\/\/+/g, '/'));
}

const urlSeeds = fc.array(fc.nat(1000), { minLength: 4, maxLength: 12 });

// --- helpers ----------------------------------------------------------------------------------------

// The polyfill supports the (input, options) overload; its typings do not list it.
const ReferencePattern = URLPattern as unknown as new (input: string | URLPatternInitLike, options: { ignoreCase: boolean }) => URLPattern;

function reference(spec: Spec): URLPattern {
  const [input, options] = patternArgs(spec);
  return new ReferencePattern(input, options);
}

function ours(spec: Spec): CompiledPattern {
  const [input, options] = patternArgs(spec);
  return parsePattern(input, undefined, options);
}

/** The reference result in our shape (plain objects, so toStrictEqual compares groups exactly). */
function referenceResult(pattern: URLPattern, url: string) {
  const r = pattern.exec(url);
  if (r === null || r === undefined) return null;
  const out: Record<string, unknown> = { inputs: r.inputs };
  for (const c of COMPONENTS) out[c] = { input: r[c].input, groups: { ...r[c].groups } };
  return out;
}

// --- properties -------------------------------------------------------------------------------------

describe('matchPattern agrees with URLPattern (urlpattern-polyfill)', () => {
  it('on generated patterns and derived URLs, groups included', () => {
    let matched = 0;
    let total = 0;
    fc.assert(
      fc.property(specArb, urlSeeds, fc.boolean(), (spec, seeds, mutate) => {
        const url = urlFor(spec, seeds, mutate);
        const expected = referenceResult(reference(spec), url);
        const actual = matchPattern(ours(spec), url);
        total += 1;
        if (expected !== null) matched += 1;
        expect(actual).toStrictEqual(expected);
      }),
      { numRuns: 5000 },
    );
    // The generators must produce both outcomes in earnest, or the property proves little.
    expect(matched / total).toBeGreaterThan(0.2);
    expect(matched / total).toBeLessThan(0.8);
  });

  it('the normalized component strings agree too', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const ref = reference(spec);
        const p = ours(spec);
        for (const c of COMPONENTS) expect(p[c].pattern).toBe(ref[c]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('PatternIndex.match returns exactly what a linear scan finds', () => {
  it('over many patterns at once, before and after removals', () => {
    let nonEmpty = 0;
    let lookups = 0;
    fc.assert(
      fc.property(
        fc.array(specArb, { minLength: 1, maxLength: 80, size: 'max' }),
        fc.array(fc.tuple(fc.nat(), urlSeeds, fc.boolean()), { minLength: 1, maxLength: 12, size: 'max' }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (specs, urlPicks, removals) => {
          const index = new PatternIndex<number>();
          const refs = specs.map(reference);
          const compiled = specs.map(ours);
          compiled.forEach((p, i) => index.add(`s${i}`, p, i));
          const alive = new Set(specs.map((_, i) => i));
          const urls = urlPicks.map(([i, seeds, mutate]) => urlFor(specs[i % specs.length]!, seeds, mutate));

          const check = () => {
            for (const url of urls) {
              const expected = [...alive].filter((i) => refs[i]!.test(url)).map((i) => `s${i}`).sort();
              const results = index.match(url);
              lookups += 1;
              if (results.length > 0) nonEmpty += 1;
              expect(results.map((r) => r.id).sort()).toEqual(expected);
              for (const r of results) {
                expect(r.value).toBe(Number(r.id.slice(1)));
                expect(r.match).toStrictEqual(matchPattern(compiled[r.value]!, url));
              }
              for (let k = 1; k < results.length; k++) {
                const a = compiled[results[k - 1]!.value]!;
                const b = compiled[results[k]!.value]!;
                expect(compareSpecificity(a, b)).toBeLessThanOrEqual(0);
              }
            }
          };
          check();
          for (const r of removals) {
            const i = r % specs.length;
            expect(index.remove(`s${i}`)).toBe(alive.has(i));
            alive.delete(i);
          }
          expect(index.size).toBe(alive.size);
          check();
        },
      ),
      { numRuns: 500 },
    );
    expect(nonEmpty / lookups).toBeGreaterThan(0.3);
  });
});
