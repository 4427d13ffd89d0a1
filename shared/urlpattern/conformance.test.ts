/**
 * Conformance: every case of the web-platform-tests URLPattern data (wpt/, vendored with its licence)
 * against our parser and matcher. The harness mirrors the WPT one
 * (urlpattern/resources/urlpatterntests.js): missing expectations are derived the same way.
 *
 * The only cases we do not run as written are the ones that use custom regular-expression groups,
 * which we reject on purpose; they are listed in EXCLUDED, must throw `pattern_regexp_group`, and the
 * list is checked against the reference implementation so it cannot go stale.
 */
import { URLPattern } from 'urlpattern-polyfill/urlpattern';
import { describe, expect, it } from 'vitest';
import { PatternError } from './errors';
import { matchPattern } from './match';
import { isValidPattern, parsePattern, patternStrings } from './parse';
import type { ComponentName, PatternOptions, URLPatternInitLike } from './types';
import wptCases from './wpt/urlpatterntestdata.json';

type PatternArg = string | URLPatternInitLike | PatternOptions;
interface Case {
  pattern: PatternArg[];
  inputs?: (string | URLPatternInitLike)[];
  expected_obj?: 'error' | Partial<Record<ComponentName, string>>;
  expected_match?: 'error' | null | ({ inputs?: unknown[] } & Partial<Record<ComponentName, { input: string; groups: Record<string, string | null> }>>);
  exactly_empty_components?: ComponentName[];
}

const data = wptCases as Case[];

const COMPONENTS: ComponentName[] = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];

/**
 * Cases that use a custom regular-expression group (the standard's "has regexp groups"). Each must be
 * rejected with `pattern_regexp_group`. `(.*)` and the segment form `([^\/]+?)` are not in this list:
 * the standard defines them as the `*` and `:name` wildcards, and so do we.
 */
const EXCLUDED: ReadonlyArray<{ index: number; pattern: string }> = [
  { index: 184, pattern: '[{"protocol":"about","pathname":"(blank|sourcedoc)"}]' },
  { index: 185, pattern: '[{"protocol":"data","pathname":":number([0-9]+)"}]' },
  { index: 194, pattern: '[{"protocol":"(data|javascript)","pathname":"var x = 1;"}]' },
  { index: 195, pattern: '[{"protocol":"(https|javascript)","pathname":"var x = 1;"}]' },
  { index: 214, pattern: '["https://example.com/(bar)?foo"]' },
  { index: 215, pattern: '["https://example.com/(bar)\\\\?foo"]' },
  { index: 224, pattern: '["https://(sub.)?example.com/foo"]' },
  { index: 225, pattern: '["https://(sub.)?example(.com/)foo"]' },
  { index: 228, pattern: '["https://(sub(?:.))?example.com/foo"]' },
  { index: 296, pattern: '[{"pathname":"(foo)(.*)"}]' },
  { index: 297, pattern: '[{"pathname":"{(foo)bar}(.*)"}]' },
  { index: 298, pattern: '[{"pathname":"(foo)?(.*)"}]' },
  { index: 300, pattern: '[{"pathname":"{:foo}(barbaz)"}]' },
  { index: 308, pattern: '[{"pathname":"{:foo(foo)bar}"}]' },
  { index: 315, pattern: '[{"pathname":":foo(baz)(.*)"}]' },
  { index: 316, pattern: '[{"pathname":":foo(baz)bar"}]' },
];
const excludedIndexes = new Set(EXCLUDED.map((e) => e.index));

/** The WebIDL overloads of the URLPattern constructor, mapped onto parsePattern's arguments. */
function compile(args: PatternArg[]) {
  const [input = {}, second, third] = args as [string | URLPatternInitLike | undefined, unknown, unknown];
  if (args.length <= 1) return parsePattern(input);
  if (args.length === 2) {
    return typeof second === 'string' ? parsePattern(input, second) : parsePattern(input, undefined, second as PatternOptions);
  }
  // Three arguments select (input, baseURL, options): the second is converted to a string.
  return parsePattern(input, String(second), third as PatternOptions);
}

/** The expected component strings, derived as the WPT harness does when the case does not list them. */
function expectedStrings(entry: Case): Record<ComponentName, string> {
  const explicit = entry.expected_obj !== undefined && entry.expected_obj !== 'error' ? entry.expected_obj : {};
  const first = entry.pattern[0];
  let baseURL: URL | null = null;
  if (first !== undefined && typeof first === 'object' && 'baseURL' in first && first.baseURL) {
    baseURL = new URL(first.baseURL);
  } else if (entry.pattern.length > 1 && typeof entry.pattern[1] === 'string') {
    baseURL = new URL(entry.pattern[1]);
  }
  const earlier: Record<ComponentName, ComponentName[]> = {
    protocol: [],
    hostname: ['protocol'],
    port: ['protocol', 'hostname'],
    username: [],
    password: [],
    pathname: ['protocol', 'hostname', 'port'],
    search: ['protocol', 'hostname', 'port', 'pathname'],
    hash: ['protocol', 'hostname', 'port', 'pathname', 'search'],
  };
  const out = {} as Record<ComponentName, string>;
  for (const c of COMPONENTS) {
    let expected = explicit[c];
    if (expected === undefined) {
      if (entry.exactly_empty_components?.includes(c)) expected = '';
      else if (typeof first === 'object' && (first as Record<string, unknown>)[c]) expected = (first as Record<string, string>)[c];
      else if (typeof first === 'object' && earlier[c].some((e) => e in first)) expected = '*';
      else if (baseURL && c !== 'username' && c !== 'password') {
        let v = baseURL[c];
        if (c === 'protocol') v = v.slice(0, -1);
        else if (c === 'search' || c === 'hash') v = v.slice(1);
        expected = v;
      } else expected = '*';
    }
    out[c] = expected!;
  }
  return out;
}

/** The expected exec() result for one component (the harness fills in missing ones). */
function expectedComponent(entry: Case, c: ComponentName) {
  const match = entry.expected_match as Record<string, { input: string; groups: Record<string, string | null> }>;
  const given = match[c];
  const out = given
    ? { input: given.input, groups: { ...given.groups } as Record<string, string | undefined> }
    : {
        input: '',
        groups: (entry.exactly_empty_components?.includes(c) ? {} : { '0': '' }) as Record<string, string | undefined>,
      };
  for (const k of Object.keys(out.groups)) if (out.groups[k] === null) out.groups[k] = undefined;
  return out;
}

function label(entry: Case, i: number): string {
  return `#${i} ${JSON.stringify(entry.pattern)}${entry.inputs ? ` ⟵ ${JSON.stringify(entry.inputs)}` : ''}`;
}

describe('WPT URLPattern conformance', () => {
  it('has the whole data file', () => {
    expect(data.length).toBe(336);
  });

  it('EXCLUDED is exactly the set of cases with custom regexp groups (per the reference implementation)', () => {
    const withRegexpGroups: number[] = [];
    data.forEach((entry, i) => {
      if (entry.expected_obj === 'error') return;
      // hasRegExpGroups is in the standard and the polyfill, not yet in the polyfill's typings.
      const pattern = new URLPattern(...(entry.pattern as [string])) as URLPattern & { hasRegExpGroups: boolean };
      if (pattern.hasRegExpGroups) withRegexpGroups.push(i);
    });
    expect(EXCLUDED.map((e) => e.index)).toEqual(withRegexpGroups);
    for (const e of EXCLUDED) expect(JSON.stringify(data[e.index]!.pattern)).toBe(e.pattern);
  });

  data.forEach((entry, i) => {
    it(label(entry, i), () => {
      if (entry.expected_obj === 'error') {
        expect(() => compile(entry.pattern)).toThrow(PatternError);
        if (entry.pattern.length === 1) expect(isValidPattern(entry.pattern[0] as string)).toBe(false);
        return;
      }
      if (excludedIndexes.has(i)) {
        let error: unknown;
        try {
          compile(entry.pattern);
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(PatternError);
        expect((error as PatternError).code).toBe('pattern_regexp_group');
        expect((error as PatternError).message).toMatch(/regular-expression groups/);
        return;
      }

      const pattern = compile(entry.pattern);
      expect(patternStrings(pattern)).toEqual(expectedStrings(entry));

      if (entry.inputs === undefined) return;
      const [input = {}, baseURL] = entry.inputs as [string | URLPatternInitLike | undefined, string | undefined];
      if (entry.expected_match === 'error') {
        expect(() => matchPattern(pattern, input, baseURL)).toThrow(TypeError);
        return;
      }
      const result = matchPattern(pattern, input, baseURL);
      if (!entry.expected_match) {
        expect(result).toBe(entry.expected_match ?? null);
        return;
      }
      expect(result).not.toBeNull();
      expect(result!.inputs).toEqual(entry.expected_match.inputs ?? (entry.inputs.length ? entry.inputs : [{}]));
      for (const c of COMPONENTS) {
        expect(result![c], c).toStrictEqual(expectedComponent(entry, c));
      }
    });
  });
});
