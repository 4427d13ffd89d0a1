/**
 * Compiling URL patterns: the standard's "create" algorithm (string or init-dictionary form, optional
 * base URL, `ignoreCase`), minus custom regular-expression groups.
 *
 *   parsePattern('https://app.example.com/accounts/:id/*')
 *   parsePattern('/accounts/:id', 'https://app.example.com')
 *   parsePattern({ hostname: '*.example.com', pathname: '/tickets/:id' })
 *
 * The result holds, per component, the normalized pattern string (what URLPattern's getters return),
 * the part list, and the matcher. Compiled components are immutable and shared between patterns.
 */
import {
  canonicalizeHash,
  canonicalizeHostname,
  canonicalizeIPv6Hostname,
  canonicalizeOpaquePathname,
  canonicalizePassword,
  canonicalizePathname,
  canonicalizePort,
  canonicalizeProtocol,
  canonicalizeSearch,
  canonicalizeUsername,
  defaultPort,
  hostnamePatternIsIPv6,
  processInit,
  SPECIAL_SCHEMES,
  toUSVString,
} from './canonicalize';
import { parseConstructorString } from './constructor-string';
import { compileProgram, runProgram, asciiLower, type Program } from './engine';
import { inComponent, PatternError } from './errors';
import { generatePatternString, parsePatternString, type EncodingCallback } from './pattern-string';
import { specificityKey } from './specificity';
import type {
  CompiledComponent,
  CompiledPattern,
  ComponentKind,
  ComponentName,
  ComponentOptions,
  Part,
  PatternOptions,
  URLPatternInitLike,
} from './types';

export type { CompiledPattern, CompiledComponent, URLPatternInitLike, PatternOptions } from './types';

const DEFAULT_OPTIONS: ComponentOptions = { delimiter: '', prefix: '', ignoreCase: false };
const DEFAULT_OPTIONS_IC: ComponentOptions = { delimiter: '', prefix: '', ignoreCase: true };
const HOSTNAME_OPTIONS: ComponentOptions = { delimiter: '.', prefix: '', ignoreCase: false };
const PATHNAME_OPTIONS: ComponentOptions = { delimiter: '/', prefix: '/', ignoreCase: false };
const PATHNAME_OPTIONS_IC: ComponentOptions = { delimiter: '/', prefix: '/', ignoreCase: true };

/** One compiled component. Immutable apart from the lazily built program. */
class Component implements CompiledComponent {
  readonly pattern: string;
  readonly parts: readonly Part[];
  #names: readonly string[] | undefined;
  readonly options: ComponentOptions;
  readonly kind: ComponentKind;
  readonly literal: string;
  #program: Program | undefined;
  // The last successful program run, so that exec() right after test() does not run it twice.
  #lastInput: string | undefined;
  #lastCaps: number[] | undefined;

  constructor(parts: readonly Part[], options: ComponentOptions) {
    this.parts = parts;
    this.options = options;
    this.pattern = generatePatternString(parts, options);
    const only = parts.length === 1 ? parts[0]! : undefined;
    if (parts.length === 0) {
      this.kind = 'empty';
      this.literal = '';
    } else if (only !== undefined && only.type === 'fixed-text' && only.modifier === 'none') {
      this.kind = 'literal';
      this.literal = options.ignoreCase ? asciiLower(only.value) : only.value;
    } else if (
      only !== undefined &&
      only.type === 'full-wildcard' &&
      only.modifier === 'none' &&
      only.prefix === '' &&
      only.suffix === ''
    ) {
      this.kind = 'wildcard';
      this.literal = '';
    } else {
      this.kind = 'program';
      this.literal = '';
    }
  }

  /** Group names, in capture order (computed on first use). */
  get names(): readonly string[] {
    if (this.#names === undefined) {
      const names: string[] = [];
      for (const part of this.parts) if (part.type !== 'fixed-text') names.push(part.name);
      this.#names = names;
    }
    return this.#names;
  }

  exec(input: string): Record<string, string | undefined> | null {
    switch (this.kind) {
      case 'empty':
        return input === '' ? {} : null;
      case 'literal':
        if (this.options.ignoreCase ? asciiLower(input) !== this.literal : input !== this.literal) return null;
        return {};
      case 'wildcard': {
        const name = this.names[0]!;
        if (name === '0') return { '0': input };
        const groups: Record<string, string | undefined> = {};
        setGroup(groups, name, input);
        return groups;
      }
      default: {
        const caps = input === this.#lastInput ? this.#lastCaps! : this.#run(input);
        if (caps === null) return null;
        const groups: Record<string, string | undefined> = {};
        const names = this.names;
        for (let i = 0; i < names.length; i++) {
          const start = caps[2 * i]!;
          const end = caps[2 * i + 1]!;
          setGroup(groups, names[i]!, start >= 0 && end >= 0 ? input.slice(start, end) : undefined);
        }
        return groups;
      }
    }
  }

  test(input: string): boolean {
    switch (this.kind) {
      case 'empty':
        return input === '';
      case 'literal':
        return this.options.ignoreCase ? asciiLower(input) === this.literal : input === this.literal;
      case 'wildcard':
        return true;
      default:
        return input === this.#lastInput || this.#run(input) !== null;
    }
  }

  #run(input: string): number[] | null {
    this.#program ??= compileProgram(this.parts, this.options);
    const caps = runProgram(this.#program, input);
    if (caps !== null) {
      this.#lastInput = input;
      this.#lastCaps = caps;
    }
    return caps;
  }
}

function setGroup(groups: Record<string, string | undefined>, name: string, value: string | undefined): void {
  if (name === '__proto__') {
    Object.defineProperty(groups, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    groups[name] = value;
  }
}

// Identical component strings compile to identical components: share them (most patterns have
// several "*" components, and many share a protocol and hostname). One bounded map per kind of
// component, cleared when full.
const componentCaches = new Map<string, Map<string, Component>>();

function compileComponent(
  cacheKey: string,
  input: string,
  options: ComponentOptions,
  encode: EncodingCallback,
): Component {
  let cache = componentCaches.get(cacheKey);
  if (cache === undefined) {
    cache = new Map();
    componentCaches.set(cacheKey, cache);
  }
  const hit = cache.get(input);
  if (hit !== undefined) return hit;
  const component = new Component(parsePatternString(input, options, encode), options);
  if (cache.size >= 1_000) cache.clear();
  cache.set(input, component);
  return component;
}

/** The standard's "protocol component matches a special scheme". */
function matchesSpecialScheme(protocol: Component): boolean {
  for (const scheme of SPECIAL_SCHEMES.keys()) {
    if (protocol.test(scheme)) return true;
  }
  return false;
}

const portEncode: EncodingCallback = (value) => canonicalizePort(value);

/** Compiles one component, naming it in any error. */
function compileNamed(
  name: ComponentName,
  cacheKey: string,
  input: string,
  options: ComponentOptions,
  encode: EncodingCallback,
): Component {
  try {
    return compileComponent(cacheKey, input, options, encode);
  } catch (err) {
    throw inComponent(err, name);
  }
}

function build(init: URLPatternInitLike, options: PatternOptions | undefined): CompiledPattern {
  const processed = processInit(init, 'pattern', {});
  const ignoreCase = options?.ignoreCase === true;

  const protocolValue = processed.protocol ?? '*';
  let portValue = processed.port ?? '*';
  if (SPECIAL_SCHEMES.has(protocolValue) && defaultPort(protocolValue) === portValue) portValue = '';
  const hostnameValue = processed.hostname ?? '*';
  const pathnameValue = processed.pathname ?? '*';

  const protocol = compileNamed('protocol', 'protocol', protocolValue, DEFAULT_OPTIONS, canonicalizeProtocol);
  const username = compileNamed('username', 'username', processed.username ?? '*', DEFAULT_OPTIONS, canonicalizeUsername);
  const password = compileNamed('password', 'password', processed.password ?? '*', DEFAULT_OPTIONS, canonicalizePassword);
  const hostname = hostnamePatternIsIPv6(hostnameValue)
    ? compileNamed('hostname', 'hostname6', hostnameValue, HOSTNAME_OPTIONS, canonicalizeIPv6Hostname)
    : compileNamed('hostname', 'hostname', hostnameValue, HOSTNAME_OPTIONS, canonicalizeHostname);
  const port = compileNamed('port', 'port', portValue, DEFAULT_OPTIONS, portEncode);
  const pathname = matchesSpecialScheme(protocol)
    ? compileNamed(
        'pathname',
        ignoreCase ? 'pathname-i' : 'pathname',
        pathnameValue,
        ignoreCase ? PATHNAME_OPTIONS_IC : PATHNAME_OPTIONS,
        canonicalizePathname,
      )
    : compileNamed(
        'pathname',
        ignoreCase ? 'opaque-i' : 'opaque',
        pathnameValue,
        ignoreCase ? DEFAULT_OPTIONS_IC : DEFAULT_OPTIONS,
        canonicalizeOpaquePathname,
      );
  const componentOptions = ignoreCase ? DEFAULT_OPTIONS_IC : DEFAULT_OPTIONS;
  const search = compileNamed('search', ignoreCase ? 'search-i' : 'search', processed.search ?? '*', componentOptions, canonicalizeSearch);
  const hash = compileNamed('hash', ignoreCase ? 'hash-i' : 'hash', processed.hash ?? '*', componentOptions, canonicalizeHash);
  const components = { protocol, username, password, hostname, port, pathname, search, hash };
  return {
    protocol,
    username,
    password,
    hostname,
    port,
    pathname,
    search,
    hash,
    ignoreCase,
    specificity: specificityKey(components),
  };
}

/** For the constructor-string parser: does this protocol pattern match a special scheme? */
function protocolStringMatchesSpecialScheme(protocol: string): boolean {
  return matchesSpecialScheme(compileNamed('protocol', 'protocol', protocol, DEFAULT_OPTIONS, canonicalizeProtocol));
}

/**
 * Compiles a URL pattern. `input` is a constructor string (absolute, or relative to `baseURL`) or an
 * init dictionary (which carries its own `baseURL`). Throws PatternError: code
 * `pattern_regexp_group` for custom regular-expression groups, `pattern_invalid` for anything else
 * the URLPattern standard rejects.
 */
export function parsePattern(
  input: string | URLPatternInitLike,
  baseURL?: string,
  options?: PatternOptions,
): CompiledPattern {
  let init: URLPatternInitLike;
  if (typeof input === 'string') {
    init = parseConstructorString(toUSVString(input), protocolStringMatchesSpecialScheme);
    if (baseURL === undefined && init.protocol === undefined) {
      throw new PatternError(
        'pattern_invalid',
        `"${input}" is relative: give a base URL, or start the pattern with a protocol (e.g. "https://")`,
      );
    }
    if (baseURL !== undefined) init.baseURL = toUSVString(baseURL);
  } else {
    if (input === null || typeof input !== 'object') {
      throw new PatternError('pattern_invalid', 'A pattern must be a string or an object of components');
    }
    if (baseURL !== undefined) {
      throw new PatternError(
        'pattern_invalid',
        'A base URL cannot be given alongside an object pattern: set its baseURL member instead',
      );
    }
    init = input;
  }
  return build(init, options);
}

/** Whether `parsePattern` would accept these arguments. */
export function isValidPattern(input: string | URLPatternInitLike, baseURL?: string, options?: PatternOptions): boolean {
  try {
    parsePattern(input, baseURL, options);
    return true;
  } catch (err) {
    if (err instanceof PatternError) return false;
    throw err;
  }
}

/** The eight normalized component pattern strings (what URLPattern's getters return). */
export function patternStrings(pattern: CompiledPattern): Record<ComponentName, string> {
  return {
    protocol: pattern.protocol.pattern,
    username: pattern.username.pattern,
    password: pattern.password.pattern,
    hostname: pattern.hostname.pattern,
    port: pattern.port.pattern,
    pathname: pattern.pathname.pattern,
    search: pattern.search.pattern,
    hash: pattern.hash.pattern,
  };
}
