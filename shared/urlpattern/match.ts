/**
 * Matching one compiled pattern against a URL (the standard's "match"; URLPattern.exec). The input is
 * a URL string (relative to `baseURL` if given), a URL object, or an init dictionary of component
 * values. The result mirrors URLPatternResult: per component `{ input, groups }`, plus `inputs`.
 */
import { processInit, toUSVString } from './canonicalize';
import { PatternError } from './errors';
import type {
  CompiledComponent,
  CompiledPattern,
  ComponentValues,
  PatternMatch,
  URLPatternInitLike,
} from './types';

export type { PatternMatch, ComponentMatch } from './types';

const EMPTY_VALUES: ComponentValues = {
  protocol: '',
  username: '',
  password: '',
  hostname: '',
  port: '',
  pathname: '',
  search: '',
  hash: '',
};

/** The eight component strings of a parsed URL, as the standard's match reads them. */
export function urlComponentValues(url: URL): ComponentValues {
  return {
    protocol: url.protocol.slice(0, -1),
    username: url.username,
    password: url.password,
    hostname: url.hostname,
    port: url.port,
    pathname: url.pathname,
    search: url.search.slice(1),
    hash: url.hash.slice(1),
  };
}

/** Parses a URL string like the standard's match does; null on failure. */
function parseURL(input: string, baseURL?: string): URL | null {
  try {
    return baseURL === undefined ? new URL(input) : new URL(input, new URL(baseURL));
  } catch {
    return null;
  }
}

function quickTest(component: CompiledComponent, input: string): boolean {
  return component.kind === 'program' || component.test(input);
}

function programTest(component: CompiledComponent, input: string): boolean {
  return component.kind !== 'program' || component.test(input);
}

/**
 * Whether every component of `pattern` matches `values`. Plain string comparisons (usually
 * decisive: hostname, port, a fixed search) run first, then the components that run a program.
 */
export function testValues(pattern: CompiledPattern, values: ComponentValues): boolean {
  return (
    quickTest(pattern.hostname, values.hostname) &&
    quickTest(pattern.pathname, values.pathname) &&
    quickTest(pattern.protocol, values.protocol) &&
    quickTest(pattern.port, values.port) &&
    quickTest(pattern.search, values.search) &&
    quickTest(pattern.hash, values.hash) &&
    quickTest(pattern.username, values.username) &&
    quickTest(pattern.password, values.password) &&
    programTest(pattern.hostname, values.hostname) &&
    programTest(pattern.pathname, values.pathname) &&
    programTest(pattern.protocol, values.protocol) &&
    programTest(pattern.port, values.port) &&
    programTest(pattern.search, values.search) &&
    programTest(pattern.hash, values.hash) &&
    programTest(pattern.username, values.username) &&
    programTest(pattern.password, values.password)
  );
}

/**
 * Runs every component of `pattern` on `values`; `inputs` is echoed in the result. Exported for the
 * index, which parses each URL once and checks many patterns against it.
 */
export function matchValues(
  pattern: CompiledPattern,
  values: ComponentValues,
  inputs: PatternMatch['inputs'],
): PatternMatch | null {
  if (!testValues(pattern, values)) return null;
  // exec() reuses the program runs that test() just did.
  return {
    inputs,
    protocol: { input: values.protocol, groups: pattern.protocol.exec(values.protocol)! },
    username: { input: values.username, groups: pattern.username.exec(values.username)! },
    password: { input: values.password, groups: pattern.password.exec(values.password)! },
    hostname: { input: values.hostname, groups: pattern.hostname.exec(values.hostname)! },
    port: { input: values.port, groups: pattern.port.exec(values.port)! },
    pathname: { input: values.pathname, groups: pattern.pathname.exec(values.pathname)! },
    search: { input: values.search, groups: pattern.search.exec(values.search)! },
    hash: { input: values.hash, groups: pattern.hash.exec(values.hash)! },
  };
}

/**
 * Matches `input` against `pattern`. Returns null when it does not match, or when the input is not a
 * valid URL. Throws a TypeError if `baseURL` is given with an init dictionary (as URLPattern does).
 */
export function matchPattern(
  pattern: CompiledPattern,
  input: string | URL | URLPatternInitLike,
  baseURL?: string,
): PatternMatch | null {
  if (typeof input === 'string') {
    const base = baseURL === undefined ? undefined : toUSVString(baseURL);
    const url = parseURL(toUSVString(input), base);
    if (url === null) return null;
    return matchValues(pattern, urlComponentValues(url), base === undefined ? [input] : [input, base]);
  }
  if (input instanceof URL) {
    // As in the standard, a base URL plays no part when the input is already a URL.
    return matchValues(pattern, urlComponentValues(input), [input]);
  }
  if (baseURL !== undefined) {
    throw new TypeError('matchPattern: a base URL cannot be given alongside an object input; set its baseURL member');
  }
  let values: ComponentValues;
  try {
    values = processInit(input, 'url', EMPTY_VALUES) as ComponentValues;
  } catch (err) {
    if (err instanceof PatternError) return null;
    throw err;
  }
  return matchValues(pattern, values, [input]);
}

/** Whether `input` matches `pattern` (URLPattern.test). */
export function testPattern(
  pattern: CompiledPattern,
  input: string | URL | URLPatternInitLike,
  baseURL?: string,
): boolean {
  return matchPattern(pattern, input, baseURL) !== null;
}
