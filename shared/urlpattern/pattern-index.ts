/**
 * PatternIndex: every stored pattern that matches a URL, most specific first, without scanning the
 * patterns of other origins or paths.
 *
 * Layout. Each pattern is filed under its host, then in a trie over its pathname segments:
 *
 *   host level (first that applies):
 *     byOrigin  protocol, hostname and port are all fixed   key "https\0app.example.com\0"
 *     byHost    the hostname is fixed (protocol or port vary) key "app.example.com"
 *     bySuffix  the hostname ends in fixed text at a label   key ".corp.example" (`*.corp.example`,
 *               boundary                                          `:sub.corp.example`) or
 *                                                                 "example.com" (`{:sub.}?example.com`)
 *     other     genuinely unindexable hostnames (`*`, `:host`, `app-*`, ...): one shared trie.
 *
 *   path level, per host key: fully fixed pathnames (`/accounts/42`, most page scopes) in a map
 *   from the pathname; the others in a trie with a node per fixed segment (`/accounts`), one child
 *   for a whole-segment parameter (`/:id`), and three buckets per node for patterns that end there:
 *     exact      nothing may follow                         `/tickets/:id`
 *     slashRest  a "/" and anything may follow              `/accounts/:id/*` (matches `/accounts/7/`
 *                                                            but not `/accounts/7`)
 *     any        the rest of the pathname cannot be split by segment (`/x*`, `/:id?`, a `*` in the
 *                middle, a lone `*`, optional groups, parameters inside a segment): filed at the
 *                deepest segment the pattern surely has, checked with the matcher.
 *   ignoreCase patterns have their own map and trie, keyed by lowercased text.
 *
 * A lookup parses the URL once, visits the few host keys that can apply (for the hostname
 * a.b.example.com: its origin, the host, and the suffixes "a.b.example.com", ".b.example.com",
 * "b.example.com", ...), walks each trie along the URL's segments, and confirms every candidate with
 * the exact matcher: the index only narrows the candidates, it never decides a match. The only
 * patterns every lookup touches are those filed in `other` with an unindexable pathname too
 * (hostname and pathname both wildcards, e.g. "https://*" + "/*").
 */
import { matchValues, testValues, urlComponentValues } from './match';
import { compareSpecificity } from './specificity';
import type { CompiledComponent, CompiledPattern, ComponentValues, Part, PatternMatch } from './types';
import { asciiLower } from './engine';

export interface IndexMatch<T> {
  readonly id: string;
  readonly value: T;
  /** The groups, as matchPattern gives them (computed on first access). */
  readonly match: PatternMatch;
}

/** A result of PatternIndex.match: confirmed by the matcher; its groups are built on first use. */
class IndexResult<T> implements IndexMatch<T> {
  readonly id: string;
  readonly value: T;
  readonly #pattern: CompiledPattern;
  readonly #values: ComponentValues;
  readonly #url: string | URL;
  #match: PatternMatch | undefined;

  constructor(id: string, value: T, pattern: CompiledPattern, values: ComponentValues, url: string | URL) {
    this.id = id;
    this.value = value;
    this.#pattern = pattern;
    this.#values = values;
    this.#url = url;
  }

  get match(): PatternMatch {
    this.#match ??= matchValues(this.#pattern, this.#values, [this.#url])!;
    return this.#match;
  }

  toJSON(): { id: string; value: T; match: PatternMatch } {
    return { id: this.id, value: this.value, match: this.match };
  }
}

type BucketName = 'exact' | 'slashRest' | 'any';

class TrieNode<T> {
  literal: Map<string, TrieNode<T>> | null = null;
  param: TrieNode<T> | null = null;
  exact: Entry<T>[] | null = null;
  slashRest: Entry<T>[] | null = null;
  any: Entry<T>[] | null = null;

  isEmpty(): boolean {
    return (
      (this.literal === null || this.literal.size === 0) &&
      this.param === null &&
      !this.exact?.length &&
      !this.slashRest?.length &&
      !this.any?.length
    );
  }
}

class PathTrie<T> {
  sensitive = new TrieNode<T>();
  insensitive: TrieNode<T> | null = null;
  /**
   * Fully fixed pathnames (`/accounts/42`, most page-level scopes) skip the trie: one map from the
   * pathname (lowercased for ignoreCase) to its patterns.
   */
  exactPaths: Map<string, Entry<T>[]> | null = null;
  exactPathsInsensitive: Map<string, Entry<T>[]> | null = null;

  isEmpty(): boolean {
    return (
      this.sensitive.isEmpty() &&
      (this.insensitive === null || this.insensitive.isEmpty()) &&
      !this.exactPaths?.size &&
      !this.exactPathsInsensitive?.size
    );
  }
}

/** The exactPaths key of a plan that is all fixed segments and ends there, else null. */
function exactPathKey(plan: PathPlan): string | null {
  if (plan.bucket !== 'exact') return null;
  for (const segment of plan.segments) if (segment === PARAM) return null;
  return plan.segments.length === 0 ? '' : `/${(plan.segments as string[]).join('/')}`;
}

interface Entry<T> {
  readonly id: string;
  readonly pattern: CompiledPattern;
  readonly value: T;
}

/** Where a pattern is filed at the host level. */
interface HostSlot<T> {
  map: Map<string, PathTrie<T>> | null;
  key: string;
}

/** A segment of a path plan: fixed text, or PARAM for a whole-segment `:name`. */
const PARAM = null;
interface PathPlan {
  segments: (string | null)[];
  bucket: BucketName;
}

/** How a pathname pattern is filed in the trie (see the module comment). */
export function pathPlan(pathname: CompiledComponent): PathPlan {
  if (pathname.options.delimiter !== '/') return { segments: [], bucket: 'any' };
  const parts = pathname.parts;
  // The pattern's "skeleton": fixed text, with \0 standing for a whole-segment parameter.
  let text = '';
  let stop: 'end' | 'slashRest' | 'other' = 'end';
  let lastPieceComplete = true;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.type === 'fixed-text' && part.modifier === 'none') {
      text += part.value;
      continue;
    }
    if (
      part.type === 'segment-wildcard' &&
      part.modifier === 'none' &&
      part.suffix === '' &&
      (part.prefix === '/' || part.prefix === '')
    ) {
      text += `${part.prefix}\u0000`;
      continue;
    }
    if (
      part.type === 'full-wildcard' &&
      part.modifier === 'none' &&
      part.prefix === '/' &&
      part.suffix === '' &&
      i === parts.length - 1
    ) {
      stop = 'slashRest';
      break;
    }
    stop = 'other';
    lastPieceComplete = followedBySlash(parts, i);
    break;
  }
  if (text === '') {
    return { segments: [], bucket: stop === 'end' ? 'exact' : stop === 'slashRest' ? 'slashRest' : 'any' };
  }
  if (!text.startsWith('/')) return { segments: [], bucket: 'any' };
  const pieces = text.slice(1).split('/');
  let bucket: BucketName = stop === 'end' ? 'exact' : stop === 'slashRest' ? 'slashRest' : 'any';
  if (stop === 'other' && !lastPieceComplete) pieces.pop();
  const segments: (string | null)[] = [];
  for (const piece of pieces) {
    if (piece === '\u0000') {
      segments.push(PARAM);
    } else if (piece.includes('\u0000')) {
      // A parameter sharing its segment with fixed text: index up to here only.
      bucket = 'any';
      break;
    } else {
      segments.push(pathname.options.ignoreCase ? asciiLower(piece) : piece);
    }
  }
  return { segments, bucket };
}

/** Whether whatever parts[from..] match can only be empty or start with "/". */
function followedBySlash(parts: readonly Part[], from: number): boolean {
  for (let i = from; i < parts.length; i++) {
    const part = parts[i]!;
    const starts = part.type === 'fixed-text' ? part.value : part.prefix;
    if (!starts.startsWith('/')) return false;
    // A part that must occur settles it; one that may be skipped leaves it to the next part.
    if (part.modifier === 'none' || part.modifier === 'one-or-more') return true;
  }
  return true;
}

function literalOf(component: CompiledComponent): string | null {
  if (component.kind === 'literal') return component.literal;
  if (component.kind === 'empty') return '';
  return null;
}

/** Whether every way of reaching parts[k] of a hostname pattern is at the start or just after a ".". */
function alignedBefore(component: CompiledComponent, k: number): boolean {
  if (k === 0) return true;
  const part = component.parts[k - 1]!;
  const end = part.type === 'fixed-text' ? part.value : part.suffix;
  if (!end.endsWith('.')) return false;
  if (part.modifier === 'none' || part.modifier === 'one-or-more') return true;
  return alignedBefore(component, k - 1); // optional: the part may be skipped
}

/** The bySuffix key of a hostname pattern, or null if it has none. */
export function hostnameSuffixKey(hostname: CompiledComponent): string | null {
  const parts = hostname.parts;
  const last = parts[parts.length - 1];
  if (last === undefined || last.type !== 'fixed-text' || last.modifier !== 'none') return null;
  const text = last.value;
  if (text.startsWith('.')) return text;
  if (alignedBefore(hostname, parts.length - 1)) return text;
  const dot = text.indexOf('.');
  return dot >= 0 ? text.slice(dot) : null;
}

function originKey(protocol: string, hostname: string, port: string): string {
  return `${protocol}\u0000${hostname}\u0000${port}`;
}

/** The origin ("https://app.example.com:8443") a pattern is confined to, or null if it spans several. */
export function patternOrigin(pattern: CompiledPattern): string | null {
  const protocol = pattern.protocol.kind === 'literal' ? pattern.protocol.literal : null;
  const hostname = literalOf(pattern.hostname);
  const port = literalOf(pattern.port);
  if (protocol === null || hostname === null || hostname === '' || port === null) return null;
  return `${protocol}://${hostname}${port === '' ? '' : `:${port}`}`;
}

export class PatternIndex<T> {
  #entries = new Map<string, Entry<T>>();
  #byOrigin = new Map<string, PathTrie<T>>();
  #byHost = new Map<string, PathTrie<T>>();
  #bySuffix = new Map<string, PathTrie<T>>();
  #other = new PathTrie<T>();

  get size(): number {
    return this.#entries.size;
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  get(id: string): { pattern: CompiledPattern; value: T } | undefined {
    const entry = this.#entries.get(id);
    return entry && { pattern: entry.pattern, value: entry.value };
  }

  /** Adds (or replaces) the pattern stored under `id`. */
  add(id: string, pattern: CompiledPattern, value: T): void {
    if (this.#entries.has(id)) this.remove(id);
    const slot = this.#hostSlot(pattern);
    let trie: PathTrie<T>;
    if (slot.map === null) {
      trie = this.#other;
    } else {
      let existing = slot.map.get(slot.key);
      if (existing === undefined) {
        existing = new PathTrie<T>();
        slot.map.set(slot.key, existing);
      }
      trie = existing;
    }
    const plan = pathPlan(pattern.pathname);
    const entry: Entry<T> = { id, pattern, value };
    this.#entries.set(id, entry);
    const exactKey = exactPathKey(plan);
    if (exactKey !== null) {
      const paths = pattern.pathname.options.ignoreCase
        ? (trie.exactPathsInsensitive ??= new Map())
        : (trie.exactPaths ??= new Map());
      const list = paths.get(exactKey);
      if (list === undefined) paths.set(exactKey, [entry]);
      else list.push(entry);
      return;
    }
    let node: TrieNode<T>;
    if (pattern.pathname.options.ignoreCase) {
      trie.insensitive ??= new TrieNode<T>();
      node = trie.insensitive;
    } else {
      node = trie.sensitive;
    }
    for (const segment of plan.segments) {
      let child: TrieNode<T> | undefined;
      if (segment === PARAM) {
        child = node.param ??= new TrieNode<T>();
      } else {
        node.literal ??= new Map();
        child = node.literal.get(segment);
        if (child === undefined) {
          child = new TrieNode<T>();
          node.literal.set(segment, child);
        }
      }
      node = child;
    }
    const bucket =
      plan.bucket === 'exact' ? (node.exact ??= []) : plan.bucket === 'slashRest' ? (node.slashRest ??= []) : (node.any ??= []);
    bucket.push(entry);
  }

  /** Removes the pattern stored under `id`; returns whether there was one. */
  remove(id: string): boolean {
    const entry = this.#entries.get(id);
    if (entry === undefined) return false;
    this.#entries.delete(id);
    // Retrace where add() filed it (the pattern is immutable, so the same place).
    const slot = this.#hostSlot(entry.pattern);
    const trie = slot.map === null ? this.#other : slot.map.get(slot.key);
    if (trie === undefined) return true;
    const plan = pathPlan(entry.pattern.pathname);
    const exactKey = exactPathKey(plan);
    if (exactKey !== null) {
      const paths = entry.pattern.pathname.options.ignoreCase ? trie.exactPathsInsensitive : trie.exactPaths;
      const list = paths?.get(exactKey);
      if (list !== undefined) {
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
        if (list.length === 0) paths!.delete(exactKey);
      }
      if (slot.map !== null && trie.isEmpty()) slot.map.delete(slot.key);
      return true;
    }
    const root = entry.pattern.pathname.options.ignoreCase ? trie.insensitive : trie.sensitive;
    if (root === null) return true;
    const nodes: TrieNode<T>[] = [root];
    let node: TrieNode<T> | null | undefined = root;
    for (const segment of plan.segments) {
      node = segment === PARAM ? node.param : node.literal?.get(segment);
      if (node === null || node === undefined) return true;
      nodes.push(node);
    }
    const bucket = node[plan.bucket];
    if (bucket !== null) {
      const at = bucket.indexOf(entry);
      if (at >= 0) bucket.splice(at, 1);
      if (bucket.length === 0) node[plan.bucket] = null;
    }
    // Prune the nodes left empty, deepest first.
    for (let i = nodes.length - 1; i > 0; i--) {
      if (!nodes[i]!.isEmpty()) break;
      const parent = nodes[i - 1]!;
      const segment = plan.segments[i - 1]!;
      if (segment === PARAM) parent.param = null;
      else parent.literal?.delete(segment);
    }
    if (slot.map !== null && trie.isEmpty()) slot.map.delete(slot.key);
    return true;
  }

  #hostSlot(pattern: CompiledPattern): HostSlot<T> {
    const protocol = pattern.protocol.kind === 'literal' ? pattern.protocol.literal : null;
    const hostname = literalOf(pattern.hostname);
    const port = literalOf(pattern.port);
    if (protocol !== null && hostname !== null && port !== null) {
      return { map: this.#byOrigin, key: originKey(protocol, hostname, port) };
    }
    if (hostname !== null) return { map: this.#byHost, key: hostname };
    const suffix = hostnameSuffixKey(pattern.hostname);
    if (suffix !== null) return { map: this.#bySuffix, key: suffix };
    return { map: null, key: '' };
  }

  /** Removes every pattern whose value satisfies `predicate`; returns how many were removed. */
  removeWhere(predicate: (value: T, id: string) => boolean): number {
    let removed = 0;
    for (const entry of [...this.#entries.values()]) {
      if (predicate(entry.value, entry.id)) {
        this.remove(entry.id);
        removed += 1;
      }
    }
    return removed;
  }

  clear(): void {
    this.#entries.clear();
    this.#byOrigin.clear();
    this.#byHost.clear();
    this.#bySuffix.clear();
    this.#other = new PathTrie<T>();
  }

  /**
   * Every stored pattern that matches `url`, most specific first (see specificity.ts). An invalid
   * URL matches nothing.
   */
  match(url: string | URL): IndexMatch<T>[] {
    const parsed = toURL(url);
    if (parsed === null) return [];
    const values = urlComponentValues(parsed);
    const candidates = this.#candidates(values);

    const matched: Entry<T>[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const entry = candidates[i]!;
      if (testValues(entry.pattern, values)) matched.push(entry);
    }
    if (matched.length > 1) matched.sort(bySpecificity);
    const results: IndexMatch<T>[] = new Array(matched.length);
    for (let i = 0; i < matched.length; i++) {
      const entry = matched[i]!;
      results[i] = new IndexResult(entry.id, entry.value, entry.pattern, values, url);
    }
    return results;
  }

  /**
   * The ids `match` would check with the matcher for this URL (a superset of the ids it returns).
   * For tests and diagnostics: it shows what the index narrowed the search to.
   */
  candidates(url: string | URL): string[] {
    const parsed = toURL(url);
    if (parsed === null) return [];
    return this.#candidates(urlComponentValues(parsed)).map((e) => e.id);
  }

  #candidates(values: ComponentValues): Entry<T>[] {
    const candidates: Entry<T>[] = [];
    const path = new PathWalk(values.pathname);

    const origin = this.#byOrigin.get(originKey(values.protocol, values.hostname, values.port));
    if (origin !== undefined) collectTrie(origin, path, candidates);
    const host = this.#byHost.get(values.hostname);
    if (host !== undefined) collectTrie(host, path, candidates);
    if (this.#bySuffix.size > 0) {
      // Every suffix of the hostname that starts a label, with and without its leading dot.
      const h = values.hostname;
      let i = 0;
      for (;;) {
        const aligned = this.#bySuffix.get(h.slice(i));
        if (aligned !== undefined) collectTrie(aligned, path, candidates);
        if (i > 0) {
          const dotted = this.#bySuffix.get(h.slice(i - 1));
          if (dotted !== undefined) collectTrie(dotted, path, candidates);
        }
        const dot = h.indexOf('.', i);
        if (dot < 0) break;
        i = dot + 1;
      }
    }
    collectTrie(this.#other, path, candidates);
    return candidates;
  }
}

function bySpecificity<T>(a: Entry<T>, b: Entry<T>): number {
  return compareSpecificity(a.pattern, b.pattern) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function toURL(url: string | URL): URL | null {
  if (typeof url !== 'string') return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A URL's pathname split into segments once per lookup (lowercased copy made on demand). */
class PathWalk {
  readonly pathname: string;
  /** Segments after the leading "/", or null if the pathname does not start with "/". */
  readonly segments: string[] | null;
  #lower: string[] | null = null;

  constructor(pathname: string) {
    this.pathname = pathname;
    this.segments = pathname.startsWith('/') ? pathname.slice(1).split('/') : null;
  }

  get lowerPathname(): string {
    return asciiLower(this.pathname);
  }

  get lower(): string[] | null {
    if (this.segments === null) return null;
    this.#lower ??= this.segments.map(asciiLower);
    return this.#lower;
  }
}

function collectTrie<T>(trie: PathTrie<T>, path: PathWalk, out: Entry<T>[]): void {
  if (trie.exactPaths !== null) {
    const exact = trie.exactPaths.get(path.pathname);
    if (exact !== undefined) pushAll(out, exact);
  }
  if (trie.exactPathsInsensitive !== null) {
    const exact = trie.exactPathsInsensitive.get(path.lowerPathname);
    if (exact !== undefined) pushAll(out, exact);
  }
  collectRoot(trie.sensitive, path, path.segments, out);
  if (trie.insensitive !== null) collectRoot(trie.insensitive, path, path.lower, out);
}

function collectRoot<T>(root: TrieNode<T>, path: PathWalk, segments: string[] | null, out: Entry<T>[]): void {
  if (segments === null) {
    // Not a hierarchical path ("mailto:x", or an empty path): only the root's buckets can apply.
    if (root.any !== null) pushAll(out, root.any);
    if (path.pathname === '' && root.exact !== null) pushAll(out, root.exact);
    return;
  }
  collectNode(root, segments, 0, out);
}

function collectNode<T>(node: TrieNode<T>, segments: string[], i: number, out: Entry<T>[]): void {
  if (node.any !== null) pushAll(out, node.any);
  if (i === segments.length) {
    if (node.exact !== null) pushAll(out, node.exact);
    return;
  }
  if (node.slashRest !== null) pushAll(out, node.slashRest);
  const segment = segments[i]!;
  if (node.literal !== null) {
    const child = node.literal.get(segment);
    if (child !== undefined) collectNode(child, segments, i + 1, out);
  }
  if (node.param !== null && segment !== '') collectNode(node.param, segments, i + 1, out);
}

function pushAll<T>(out: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) out.push(items[i]!);
}

export type { ComponentValues };
