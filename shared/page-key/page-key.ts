/**
 * Page keys.
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
 */
import type { SiteRules } from '@shared/contract/sites';

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

/** The URL of a page; throws PageKeyError for anything but an absolute http(s) URL. */
export function parsePageURL(url: string): URL {
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

