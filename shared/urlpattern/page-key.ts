/**
 * Page keys and screen names.
 *
 * A page key is a page URL normalized by its site's rules (shared/contract/sites.ts) before anything
 * leaves the browser. It keeps only what identifies the page:
 *
 *   - scheme, host (lowercase, IDNA) and port (the default port is dropped): as the URL parser gives
 *   - no username or password;
 *   - the path as the URL parser normalizes it ("." and ".." resolved, percent-encoded); a trailing
 *     "/" is kept (it can be a different page);
 *   - the query: only the parameters named in `keepQuery`, sorted by name (stable: repeated values
 *     keep their order), re-encoded canonically (`a b` and `a%20b` and `a+b` give `a+b`). No kept
 *     parameter: no "?";
 *   - the fragment: dropped, unless `hashRouting`. Then it is read as a route `path[?query]`: the
 *     route's query is filtered by `keepQuery` like the URL's; a route that looks like parameters
 *     rather than a path (it contains "=", e.g. an OAuth `#access_token=...&state=...`) is filtered
 *     as a query too, so tokens in fragments never leak. An empty result: no "#".
 *
 *   pageKey('https://Bob:pw@CRM.example.com:443/accounts/7?utm_source=x&tab=2#top', { keepQuery: ['tab'], ... })
 *     === 'https://crm.example.com/accounts/7?tab=2'
 *
 * A screen name comes from the site's templates: the name of the first template that matches the page
 * key. Templates are URL patterns resolved against the site's origin:
 *
 *   - `/accounts/:id` (no "#"): a pattern on the page's path; any query and fragment;
 *   - `#/accounts/:id` (starts with "#"): a hash route, for hashRouting sites: any page path, and the
 *     route's path (the fragment before any "?") must match `/accounts/:id` with pathname rules —
 *     `:id` stops at "/" and `*` spans segments (plain URLPattern hash matching would let `:id` run
 *     over "/"). The route's own query is not matched;
 *   - `/app/#/accounts/:id`: both, the part before "#" on the page path, the part after on the route.
 */
import type { SiteRules } from '../contract/sites';
import { matchPattern, testValues, urlComponentValues } from './match';
import { parsePattern } from './parse';
import type { CompiledPattern } from './types';

export type PageKeyErrorCode = 'bad_url' | 'unsupported_scheme';

/** A URL that cannot be turned into a page key. */
export class PageKeyError extends Error {
  override readonly name = 'PageKeyError';
  readonly code: PageKeyErrorCode;
  constructor(code: PageKeyErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

type KeyRules = Pick<SiteRules, 'keepQuery' | 'hashRouting'>;

function parsePageURL(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PageKeyError('bad_url', `Not a valid absolute URL: "${url.length > 200 ? `${url.slice(0, 200)}…` : url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new PageKeyError('unsupported_scheme', `Only http and https pages have page keys, not ${parsed.protocol}`);
  }
  return parsed;
}

/** Keeps the `keep` parameters of a raw query string, sorted by name, canonically encoded. */
function filterQuery(raw: string, keep: ReadonlySet<string>): string {
  if (raw === '' || keep.size === 0) return '';
  const kept = [...new URLSearchParams(raw)].filter(([name]) => keep.has(name));
  if (kept.length === 0) return '';
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); // Array#sort is stable
  return new URLSearchParams(kept).toString();
}

/** The fragment of a hash-routed page, reduced to its route and kept parameters. */
function filterRoute(fragment: string, keep: ReadonlySet<string>): string {
  if (fragment === '') return '';
  const q = fragment.indexOf('?');
  let route = q < 0 ? fragment : fragment.slice(0, q);
  let query = q < 0 ? '' : fragment.slice(q + 1);
  if (route.includes('=')) {
    // Parameters, not a path (e.g. "#access_token=...&state=..."): treat them as a query.
    query = query === '' ? route : `${route}&${query}`;
    route = '';
  }
  const filtered = filterQuery(query, keep);
  return filtered === '' ? route : `${route}?${filtered}`;
}

/** Normalizes a page URL into its page key (see the module comment). Throws PageKeyError. */
export function pageKey(url: string, rules: KeyRules): string {
  const parsed = parsePageURL(url);
  const keep = new Set(rules.keepQuery);
  let key = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  const query = filterQuery(parsed.search.slice(1), keep);
  if (query !== '') key += `?${query}`;
  if (rules.hashRouting) {
    const route = filterRoute(parsed.hash.slice(1), keep);
    if (route !== '') key += `#${route}`;
  }
  return key;
}

/** A compiled screen template. */
export interface ScreenTemplate {
  readonly name: string;
  /** Matches the page (path, query, host). */
  readonly page: CompiledPattern;
  /** For hash-route templates: matches the route's path, with pathname rules. */
  readonly route: CompiledPattern | null;
}

/** Index of the "#" that starts a template's hash route (an escaped "\#" does not), or -1. */
function routeStart(pattern: string): number {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '#') return i;
  }
  return -1;
}

/**
 * Compiles one template against a site origin (e.g. "https://crm.example.com"). Throws PatternError
 * for an invalid pattern: use it to validate templates when a site's rules are saved.
 */
export function compileTemplate(name: string, pattern: string, origin: string): ScreenTemplate {
  const hash = routeStart(pattern);
  if (hash < 0) return { name, page: parsePattern(pattern, origin), route: null };
  const before = pattern.slice(0, hash);
  const page = before === '' ? parsePattern({ pathname: '*', baseURL: origin }) : parsePattern(before, origin);
  // A pathname pattern on its own: the protocol is "*", which matches the special schemes, so the
  // pathname rules ("/" delimiter and prefix) apply.
  const route = parsePattern({ pathname: pattern.slice(hash + 1) });
  return { name, page, route };
}

/** Compiles all of a site's templates, in order. Throws PatternError for the first invalid one. */
export function compileTemplates(rules: Pick<SiteRules, 'templates'>, origin: string): ScreenTemplate[] {
  return rules.templates.map((t) => compileTemplate(t.name, t.pattern, origin));
}

const templateCache = new Map<string, (ScreenTemplate | null)[]>();

function cachedTemplates(rules: Pick<SiteRules, 'templates'>, origin: string): (ScreenTemplate | null)[] {
  let cacheKey = origin;
  for (const t of rules.templates) cacheKey += `\u0001${t.name}\u0000${t.pattern}`;
  let compiled = templateCache.get(cacheKey);
  if (compiled === undefined) {
    compiled = rules.templates.map((t) => {
      try {
        return compileTemplate(t.name, t.pattern, origin);
      } catch {
        return null; // Invalid templates are rejected when rules are saved; skip any that slip through.
      }
    });
    if (templateCache.size >= 200) templateCache.clear();
    templateCache.set(cacheKey, compiled);
  }
  return compiled;
}

/** Indexes of the site's templates that match the page key, in order; invalid templates are skipped. */
function* matchingIndexes(key: string, rules: Pick<SiteRules, 'templates'>, origin: string): Generator<number> {
  const url = parsePageURL(key);
  const values = urlComponentValues(url);
  const templates = cachedTemplates(rules, origin);
  let routePath: string | null = null;
  for (const [i, template] of templates.entries()) {
    if (template === null || !testValues(template.page, values)) continue;
    if (template.route !== null) {
      routePath ??= url.hash.slice(1).split('?')[0]!;
      if (matchPattern(template.route, { pathname: routePath }) === null) continue;
    }
    yield i;
  }
}

/**
 * The name of the first of the site's templates that matches the page key, or null. `origin` is the
 * site's origin, the base URL of the templates. Invalid templates are skipped. Throws PageKeyError if
 * `key` is not a valid http(s) URL.
 */
export function screenName(key: string, rules: Pick<SiteRules, 'templates'>, origin: string): string | null {
  for (const i of matchingIndexes(key, rules, origin)) return rules.templates[i]!.name;
  return null;
}

/**
 * A template as a content pattern: templates are relative to the site's origin, and one that is only a
 * hash route (`#/accounts/:id`) applies under any path.
 */
export const templatePattern = (template: string, origin: string) =>
  template.startsWith('#') ? `${origin}/*${template}` : `${origin}${template}`;

/** Every one of the site's templates that matches the page key, in order (e.g. to offer them as scopes). */
export function matchingTemplates(key: string, rules: Pick<SiteRules, 'templates'>, origin: string): SiteRules['templates'] {
  return [...matchingIndexes(key, rules, origin)].map((i) => rules.templates[i]!);
}
