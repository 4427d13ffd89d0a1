/**
 * Shared types of the URL-pattern language: URLPattern (https://urlpattern.spec.whatwg.org/) minus
 * custom regular-expression groups. A pattern has eight components; each is a pattern string parsed
 * into a part list (the standard's model), which the matcher runs without any user-written regexp.
 */

export const COMPONENTS = [
  'protocol',
  'username',
  'password',
  'hostname',
  'port',
  'pathname',
  'search',
  'hash',
] as const;

export type ComponentName = (typeof COMPONENTS)[number];

/** The URLPatternInit dictionary: each component's pattern (or value, when matching), plus a base URL. */
export interface URLPatternInitLike {
  protocol?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  hostname?: string | undefined;
  port?: string | undefined;
  pathname?: string | undefined;
  search?: string | undefined;
  hash?: string | undefined;
  baseURL?: string | undefined;
}

export interface PatternOptions {
  /** Match pathname, search and hash case-insensitively (the standard's `ignoreCase`). */
  ignoreCase?: boolean | undefined;
}

/** A part's type. The standard's fourth type, `regexp`, is rejected at parse time. */
export type PartType = 'fixed-text' | 'segment-wildcard' | 'full-wildcard';
export type Modifier = 'none' | 'optional' | 'zero-or-more' | 'one-or-more';

/** One piece of a parsed pattern string (the standard's "part"). */
export interface Part {
  readonly type: PartType;
  /** Fixed text for `fixed-text` parts; empty for wildcards. */
  readonly value: string;
  readonly modifier: Modifier;
  /** Group name: `id` for `:id`, or "0", "1", ... for anonymous `*` groups. Empty for fixed text. */
  readonly name: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** Per-component parsing options (the standard's "options" struct). */
export interface ComponentOptions {
  /** Segment separator: "/" in the pathname, "." in the hostname, "" elsewhere. */
  readonly delimiter: string;
  /** Automatic prefix before groups: "/" in the pathname, "" elsewhere. */
  readonly prefix: string;
  readonly ignoreCase: boolean;
}

/** How a component is matched: shortcuts for the common shapes, else the compiled program. */
export type ComponentKind =
  /** Matches only the empty string. */
  | 'empty'
  /** A single fixed string (compared exactly, or ASCII case-insensitively with ignoreCase). */
  | 'literal'
  /** A lone `*` (or `:name` with no delimiter): matches everything, one group. */
  | 'wildcard'
  /** Anything else: run the compiled program. */
  | 'program';

export interface CompiledComponent {
  /** The normalized pattern string (what URLPattern's getter returns). */
  readonly pattern: string;
  readonly parts: readonly Part[];
  /** Group names, in capture order. */
  readonly names: readonly string[];
  readonly options: ComponentOptions;
  readonly kind: ComponentKind;
  /** For kind 'literal': the fixed string (lowercased when ignoreCase). */
  readonly literal: string;
  /** Matches one component string: the groups, or null. */
  exec(input: string): Record<string, string | undefined> | null;
  /** Like exec, without building the groups. */
  test(input: string): boolean;
}

export interface CompiledPattern {
  readonly protocol: CompiledComponent;
  readonly username: CompiledComponent;
  readonly password: CompiledComponent;
  readonly hostname: CompiledComponent;
  readonly port: CompiledComponent;
  readonly pathname: CompiledComponent;
  readonly search: CompiledComponent;
  readonly hash: CompiledComponent;
  readonly ignoreCase: boolean;
  /**
   * Precomputed specificity key (see specificity.ts): compared element by element, smaller first
   * means more specific.
   */
  readonly specificity: readonly number[];
}

/** One component's result, as in URLPatternComponentResult. */
export interface ComponentMatch {
  input: string;
  groups: Record<string, string | undefined>;
}

/** The result of a successful match, shaped like URLPatternResult. */
export interface PatternMatch {
  /** The arguments given to the match: `[input]` or `[input, baseURL]`. */
  inputs: [string | URL | URLPatternInitLike] | [string | URL | URLPatternInitLike, string];
  protocol: ComponentMatch;
  username: ComponentMatch;
  password: ComponentMatch;
  hostname: ComponentMatch;
  port: ComponentMatch;
  pathname: ComponentMatch;
  search: ComponentMatch;
  hash: ComponentMatch;
}

/** The eight component strings of a URL (or of a processed init dictionary) to match against. */
export type ComponentValues = Record<ComponentName, string>;
