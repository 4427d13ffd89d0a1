/**
 * The matcher program against the standard's own definition: for random pattern strings, the
 * regular expression built by the standard's "generate a regular expression and name list"
 * (written out independently here, test-only) and our program must accept the same strings and
 * capture the same groups. Also: no catastrophic backtracking.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProgram, runProgram } from './engine';
import { parsePatternString } from './pattern-string';
import type { ComponentOptions, Part } from './types';

const escapeRegexp = (s: string) => s.replace(/[.+*?^${}()[\]|/\\]/g, '\\$&');
const mod = (m: Part['modifier']) => (m === 'zero-or-more' ? '*' : m === 'optional' ? '?' : m === 'one-or-more' ? '+' : '');

/** The standard's "generate a regular expression and name list", verbatim. */
function standardRegexp(parts: readonly Part[], options: ComponentOptions): { re: RegExp; names: string[] } {
  const segment = `[^${escapeRegexp(options.delimiter)}]+?`;
  let r = '^';
  const names: string[] = [];
  for (const part of parts) {
    if (part.type === 'fixed-text') {
      r += part.modifier === 'none' ? escapeRegexp(part.value) : `(?:${escapeRegexp(part.value)})${mod(part.modifier)}`;
      continue;
    }
    names.push(part.name);
    const v = part.type === 'segment-wildcard' ? segment : '.*';
    if (part.prefix === '' && part.suffix === '') {
      r += part.modifier === 'none' || part.modifier === 'optional' ? `(${v})${mod(part.modifier)}` : `((?:${v})${mod(part.modifier)})`;
      continue;
    }
    const p = escapeRegexp(part.prefix);
    const s = escapeRegexp(part.suffix);
    if (part.modifier === 'none' || part.modifier === 'optional') {
      r += `(?:${p}(${v})${s})${mod(part.modifier)}`;
      continue;
    }
    r += `(?:${p}((?:${v})(?:${s}${p}(?:${v}))*)${s})${part.modifier === 'zero-or-more' ? '?' : ''}`;
  }
  r += '$';
  // The standard says flags "v" / "vi"; for these constructs "u" means the same, and Node 20's V8
  // mishandles a quantified [^] under "v" (/^[^]+$/v does not match "aa").
  return { re: new RegExp(r, options.ignoreCase ? 'ui' : 'u'), names };
}

const PATHNAME: ComponentOptions = { delimiter: '/', prefix: '/', ignoreCase: false };
const HOSTNAME: ComponentOptions = { delimiter: '.', prefix: '', ignoreCase: false };
const DEFAULT: ComponentOptions = { delimiter: '', prefix: '', ignoreCase: false };

const patternPiece = fc.constantFrom('a', 'b', 'B', '/', '.', '-', ':n', '*', '{', '}', '?', '+', '\\*', '{/a}', '{:n.}', '/:n', '/*');
const inputChar = fc.constantFrom('a', 'b', 'A', 'B', '/', '.', '-', '\n', 'é', '😀', '*');

function run(parts: Part[], options: ComponentOptions, input: string) {
  const program = compileProgram(parts, options);
  const caps = runProgram(program, input);
  if (caps === null) return null;
  const names = parts.filter((p) => p.type !== 'fixed-text').map((p) => p.name);
  return names.map((_, i) => (caps[2 * i]! >= 0 ? input.slice(caps[2 * i]!, caps[2 * i + 1]!) : undefined));
}

describe('matcher program = the standard regular expression', () => {
  it('accepts the same strings and captures the same groups', () => {
    let compiled = 0;
    let matches = 0;
    fc.assert(
      fc.property(
        fc.array(patternPiece, { maxLength: 7 }),
        fc.constantFrom(PATHNAME, HOSTNAME, DEFAULT),
        fc.boolean(),
        fc.array(fc.array(inputChar, { maxLength: 10 }), { minLength: 1, maxLength: 8 }),
        (pieces, base, ignoreCase, inputs) => {
          const options = { ...base, ignoreCase };
          // Number the names so they are unique.
          let n = 0;
          const source = pieces.join('').replace(/:n/g, () => `:n${n++}`);
          let parts: Part[];
          try {
            parts = parsePatternString(source, options, (s) => s);
          } catch {
            return; // not a valid pattern string
          }
          compiled += 1;
          const { re } = standardRegexp(parts, options);
          for (const chars of inputs) {
            const input = chars.join('');
            const expected = re.exec(input);
            const actual = run(parts, options, input);
            if (expected !== null) matches += 1;
            expect(actual, `${source} on ${JSON.stringify(input)}`).toEqual(expected === null ? null : expected.slice(1));
          }
        },
      ),
      { numRuns: 4000 },
    );
    expect(compiled).toBeGreaterThan(1000);
    expect(matches).toBeGreaterThan(500);
  });

  it('handles the empty-group rule of (.*)? like the RegExp (an empty optional group is skipped)', () => {
    const parts = parsePatternString('*?', DEFAULT, (s) => s);
    expect(run(parts, DEFAULT, '')).toEqual([undefined]);
    expect(run(parts, DEFAULT, 'x')).toEqual(['x']);
    expect(standardRegexp(parts, DEFAULT).re.exec('')!.slice(1)).toEqual([undefined]);
  });

  it('treats "//" in a pathname as the standard does (urlpattern-polyfill does not)', () => {
    const parts = parsePatternString('//:p+', PATHNAME, (s) => s);
    expect(run(parts, PATHNAME, '//tickets/x')).toEqual(['tickets/x']);
    expect(standardRegexp(parts, PATHNAME).re.exec('//tickets/x')!.slice(1)).toEqual(['tickets/x']);
  });
});

describe('no catastrophic backtracking', () => {
  it('runs a pattern with many wildcards on a long near-miss in linear-ish time', () => {
    // As a RegExp this is ^(.*)a(.*)a(.*)...b$ : O(n^9) steps on "aaaa…" — it would never finish.
    const parts = parsePatternString('*a*a*a*a*a*a*a*a*b', DEFAULT, (s) => s);
    const input = 'a'.repeat(20_000);
    const start = performance.now();
    expect(run(parts, DEFAULT, input)).toBeNull();
    expect(performance.now() - start).toBeLessThan(1000);
    expect(run(parts, DEFAULT, `${input}b`)).not.toBeNull();
  });

  it('also with adjacent parameters and repeats', () => {
    const parts = parsePatternString('/:a:b:c:d:e:f/:g+/x', PATHNAME, (s) => s);
    const input = `/${'y'.repeat(5_000)}/${'z/'.repeat(2_000)}`;
    const start = performance.now();
    expect(run(parts, PATHNAME, input)).toBeNull();
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
