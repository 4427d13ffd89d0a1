/**
 * Canonicalization (standard § "Canonicalization"): the encoding callbacks that validate and encode
 * each piece of fixed text in a pattern, and "process a URLPatternInit", which fills an init
 * dictionary from a base URL and canonicalizes the values given to match().
 *
 * The standard defines the callbacks with the URL parser's state overrides; we reach the same parser
 * through the platform `URL` class (its setters run exactly those state overrides), with fast paths
 * for the strings that parsing would leave unchanged, and a small cache for the rest. Where the
 * web-platform tests pin a behaviour that differs from a literal reading of the standard (hostnames
 * are validated and IDNA-encoded like a special URL's host; ports must be digits only), we follow the
 * tests, as browsers do.
 */
import { PatternError } from './errors';
import { escapePatternString } from './pattern-string';
import type { URLPatternInitLike } from './types';

export const SPECIAL_SCHEMES: ReadonlyMap<string, string> = new Map([
  ['ftp', '21'],
  ['file', ''],
  ['http', '80'],
  ['https', '443'],
  ['ws', '80'],
  ['wss', '443'],
]);

function isSpecialScheme(protocol: string): boolean {
  return SPECIAL_SCHEMES.has(protocol);
}

export function defaultPort(protocol: string): string | undefined {
  const port = SPECIAL_SCHEMES.get(protocol);
  return port === '' ? undefined : port;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** WebIDL USVString conversion: lone surrogates become U+FFFD. */
export function toUSVString(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  return /[\uD800-\uDFFF]/.test(s) ? s.replace(LONE_SURROGATE, '\uFFFD') : s;
}

function invalid(what: string, value: string): PatternError {
  return new PatternError('pattern_invalid', `Invalid ${what} "${value}"`);
}

/** A bounded memo for the slow (URL-parser) paths: cleared wholesale when full. */
function memo(fn: (value: string) => string): (value: string) => string {
  const cache = new Map<string, string>();
  return (value) => {
    const hit = cache.get(value);
    if (hit !== undefined) return hit;
    const result = fn(value);
    if (cache.size >= 2000) cache.clear();
    cache.set(value, result);
    return result;
  };
}

// --- protocol -------------------------------------------------------------------------------------

const slowProtocol = memo((value) => {
  try {
    const url = new URL(`${value}://dummy.test`);
    return url.protocol.slice(0, -1);
  } catch {
    throw invalid('protocol', value);
  }
});

export function canonicalizeProtocol(value: string): string {
  if (value === '') return value;
  if (/^[a-z][a-z0-9+.-]*$/.test(value)) return value;
  return slowProtocol(value);
}

// --- username / password --------------------------------------------------------------------------

const USERINFO_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,%]*$/;

const slowUsername = memo((value) => {
  const url = new URL('http://dummy.test');
  url.username = value;
  return url.username;
});
const slowPassword = memo((value) => {
  const url = new URL('http://dummy.test');
  url.password = value;
  return url.password;
});

export function canonicalizeUsername(value: string): string {
  if (value === '' || USERINFO_SAFE.test(value)) return value;
  return slowUsername(value);
}

export function canonicalizePassword(value: string): string {
  if (value === '' || USERINFO_SAFE.test(value)) return value;
  return slowPassword(value);
}

// --- hostname -------------------------------------------------------------------------------------

// Forbidden host code points, plus "%" (a forbidden domain code point).
const FORBIDDEN_HOST = /[\x00\t\n\r #%/:<>?@[\\\]^|]/;
// Lowercase ASCII labels that the host parser leaves unchanged: no IDNA ("xn--"), and not ending in
// a number (which would send the host through the IPv4 parser).
const SIMPLE_HOST = /^[a-z0-9\-.]*$/;
const NEEDS_HOST_PARSER = /(?:^|\.)xn--|(?:^|\.)(?:[0-9]+|0x[0-9a-f]*)\.?$/;

const slowHostname = memo((value) => {
  try {
    return new URL(`https://${value}/`).hostname;
  } catch {
    throw invalid('hostname', value);
  }
});

export function canonicalizeHostname(value: string): string {
  if (value === '') return value;
  if (FORBIDDEN_HOST.test(value)) throw invalid('hostname', value);
  if (SIMPLE_HOST.test(value) && !NEEDS_HOST_PARSER.test(value)) return value;
  return slowHostname(value);
}

export function canonicalizeIPv6Hostname(value: string): string {
  if (!/^[0-9a-fA-F[\]:]*$/.test(value)) throw invalid('IPv6 hostname', value);
  return value.toLowerCase();
}

/** The standard's "hostname pattern is an IPv6 address". */
export function hostnamePatternIsIPv6(input: string): boolean {
  if (input.length < 2) return false;
  const c0 = input[0];
  const c1 = input[1];
  return c0 === '[' || ((c0 === '{' || c0 === '\\') && c1 === '[');
}

// --- port -----------------------------------------------------------------------------------------

export function canonicalizePort(value: string, protocol?: string): string {
  if (value === '') return value;
  if (!/^[0-9]+$/.test(value)) throw invalid('port', value);
  const n = Number(value);
  if (n > 65535) throw invalid('port', value);
  const port = String(n);
  if (protocol !== undefined && defaultPort(protocol) === port) return '';
  return port;
}

// --- pathname -------------------------------------------------------------------------------------

// Characters the path percent-encode set leaves alone, and no "." or ".." segment to resolve.
const PATH_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/;
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

const slowPathname = memo((value) => {
  const leadingSlash = value[0] === '/';
  // The standard parses with a non-special URL. Without a backslash (which only a special URL
  // treats as "/"), a special one gives the same result, and browsers older than the WHATWG rules
  // for non-special URLs (Chrome < 130) handle it correctly too.
  const url = new URL(value.includes('\\') ? 'dummy://dummy.test' : 'https://dummy.test');
  url.pathname = leadingSlash ? value : `/-${value}`;
  const result = url.pathname;
  return leadingSlash ? result : result.slice(2);
});

export function canonicalizePathname(value: string): string {
  if (value === '') return value;
  if (PATH_SAFE.test(value) && !DOT_SEGMENT.test(value)) return value;
  return slowPathname(value);
}

/** The opaque-path state: C0 controls and non-ASCII are percent-encoded; "?" or "#" ends the path. */
export function canonicalizeOpaquePathname(value: string): string {
  if (value === '') return value;
  let result = '';
  const input = toUSVString(value).replace(/[\t\n\r]/g, '');
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x3f || c === 0x23) break;
    if (c === 0x20) {
      const next = input.charCodeAt(i + 1);
      result += next === 0x3f || next === 0x23 ? '%20' : ' ';
    } else if (c < 0x20 || c > 0x7e) {
      const cp = input.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      result += c < 0x20 ? `%${c.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(ch);
      if (cp > 0xffff) i++;
    } else {
      result += input[i];
    }
  }
  return result;
}

// --- search / hash --------------------------------------------------------------------------------

// Printable ASCII except what the query percent-encode set encodes (space " # < >).
const SEARCH_SAFE = /^[\x21\x24-\x3b\x3d\x3f-\x7e]*$/;
// Printable ASCII except what the fragment percent-encode set encodes (space " < > `).
const HASH_SAFE = /^[\x21\x23-\x3b\x3d\x3f-\x5f\x61-\x7e]*$/;

const slowSearch = memo((value) => {
  const url = new URL('dummy://dummy.test');
  url.search = `?${value}`;
  return url.search.slice(1);
});
const slowHash = memo((value) => {
  const url = new URL('dummy://dummy.test');
  url.hash = `#${value}`;
  return url.hash.slice(1);
});

export function canonicalizeSearch(value: string): string {
  if (value === '' || SEARCH_SAFE.test(value)) return value;
  return slowSearch(value);
}

export function canonicalizeHash(value: string): string {
  if (value === '' || HASH_SAFE.test(value)) return value;
  return slowHash(value);
}

// --- URLPatternInit processing --------------------------------------------------------------------

type InitType = 'pattern' | 'url';

/** A processed init: components present or absent (absent = not set). */
type ProcessedInit = {
  protocol?: string;
  username?: string;
  password?: string;
  hostname?: string;
  port?: string;
  pathname?: string;
  search?: string;
  hash?: string;
};

function processBaseURLString(input: string, type: InitType): string {
  return type === 'pattern' ? escapePatternString(input) : input;
}

/** The standard's "is an absolute pathname". */
function isAbsolutePathname(input: string, type: InitType): boolean {
  if (input === '') return false;
  if (input[0] === '/') return true;
  if (type === 'url') return false;
  if (input.length < 2) return false;
  return (input[0] === '\\' || input[0] === '{') && input[1] === '/';
}

function get(init: URLPatternInitLike, key: keyof URLPatternInitLike): string | undefined {
  const value = init[key];
  return value === undefined ? undefined : toUSVString(value);
}

/**
 * The standard's "process a URLPatternInit". `defaults` are the starting values (all empty strings
 * when matching, none when compiling a pattern). Throws PatternError for an invalid base URL or
 * (type 'url') a value that cannot be canonicalized.
 */
export function processInit(init: URLPatternInitLike, type: InitType, defaults: ProcessedInit): ProcessedInit {
  const result: ProcessedInit = { ...defaults };
  const protocol = get(init, 'protocol');
  const username = get(init, 'username');
  const password = get(init, 'password');
  const hostname = get(init, 'hostname');
  const port = get(init, 'port');
  const pathname = get(init, 'pathname');
  const search = get(init, 'search');
  const hash = get(init, 'hash');
  const baseURLString = get(init, 'baseURL');

  let baseURL: URL | null = null;
  if (baseURLString !== undefined) {
    try {
      baseURL = new URL(baseURLString);
    } catch {
      throw new PatternError('pattern_invalid', `Invalid base URL "${baseURLString}"`);
    }
    if (protocol === undefined) {
      result.protocol = processBaseURLString(baseURL.protocol.slice(0, -1), type);
    }
    if (type !== 'pattern' && protocol === undefined && hostname === undefined && port === undefined && username === undefined) {
      result.username = processBaseURLString(baseURL.username, type);
    }
    if (
      type !== 'pattern' &&
      protocol === undefined &&
      hostname === undefined &&
      port === undefined &&
      username === undefined &&
      password === undefined
    ) {
      result.password = processBaseURLString(baseURL.password, type);
    }
    if (protocol === undefined && hostname === undefined) {
      result.hostname = processBaseURLString(baseURL.hostname, type);
    }
    if (protocol === undefined && hostname === undefined && port === undefined) {
      result.port = baseURL.port;
    }
    if (protocol === undefined && hostname === undefined && port === undefined && pathname === undefined) {
      result.pathname = processBaseURLString(baseURL.pathname, type);
    }
    if (
      protocol === undefined &&
      hostname === undefined &&
      port === undefined &&
      pathname === undefined &&
      search === undefined
    ) {
      result.search = processBaseURLString(baseURL.search.slice(1), type);
    }
    if (
      protocol === undefined &&
      hostname === undefined &&
      port === undefined &&
      pathname === undefined &&
      search === undefined &&
      hash === undefined
    ) {
      result.hash = processBaseURLString(baseURL.hash.slice(1), type);
    }
  }

  if (protocol !== undefined) {
    const stripped = protocol.endsWith(':') ? protocol.slice(0, -1) : protocol;
    result.protocol = type === 'pattern' ? stripped : canonicalizeProtocol(stripped);
  }
  if (username !== undefined) {
    result.username = type === 'pattern' ? username : canonicalizeUsername(username);
  }
  if (password !== undefined) {
    result.password = type === 'pattern' ? password : canonicalizePassword(password);
  }
  if (hostname !== undefined) {
    result.hostname = type === 'pattern' ? hostname : canonicalizeHostnameValue(hostname);
  }
  if (port !== undefined) {
    result.port = type === 'pattern' ? port : canonicalizePort(port, result.protocol);
  }
  if (pathname !== undefined) {
    let value = pathname;
    // A base URL's path is never opaque when it starts with "/"; an empty one has nothing to join.
    if (baseURL !== null && baseURL.pathname.startsWith('/') && !isAbsolutePathname(value, type)) {
      const basePath = processBaseURLString(baseURL.pathname, type);
      const slash = basePath.lastIndexOf('/');
      if (slash >= 0) value = basePath.slice(0, slash + 1) + value;
    }
    if (type === 'pattern') {
      result.pathname = value;
    } else {
      const proto = result.protocol ?? '';
      result.pathname =
        proto === '' || isSpecialScheme(proto) ? canonicalizePathname(value) : canonicalizeOpaquePathname(value);
    }
  }
  if (search !== undefined) {
    const stripped = search.startsWith('?') ? search.slice(1) : search;
    result.search = type === 'pattern' ? stripped : canonicalizeSearch(stripped);
  }
  if (hash !== undefined) {
    const stripped = hash.startsWith('#') ? hash.slice(1) : hash;
    result.hash = type === 'pattern' ? stripped : canonicalizeHash(stripped);
  }
  return result;
}

/** Hostname values given to match(): IPv6 literals keep their brackets. */
function canonicalizeHostnameValue(value: string): string {
  if (value.startsWith('[')) {
    if (!/^\[[0-9a-fA-F:.]+\]$/.test(value)) throw invalid('hostname', value);
    try {
      return new URL(`https://${value}/`).hostname;
    } catch {
      throw invalid('hostname', value);
    }
  }
  return canonicalizeHostname(value);
}
