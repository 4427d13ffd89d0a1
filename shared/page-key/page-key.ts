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
 *   - the fragment: dropped, unless `hashRouting`. Then it is read as a route `path[?query]`:
 *       - the route's query is filtered by `keepQuery` like the URL's;
 *       - a route that reads as parameters rather than a path (it holds "=" or "&" once unescaped, e.g.
 *         an OAuth `#access_token=...&state=...` or `#access_token%3D...`) is filtered as a query too;
 *       - a route that one of the site's route templates matches (a template with "#": `#/reports/:id`,
 *         `/app/#/accounts/:id`) is kept whole: the admin named its parameters as part of the page;
 *       - any other route keeps only its leading plain words (lowercase letters, words joined by "-" or
 *         "_", at most 32 characters), up to the first
 *         segment that is not one: `#/reset-password/<token>` → `#/reset-password`, `#/magic/eyJ...` →
 *         `#/magic`, `#/accounts/7/edit` → `#/accounts` (name `#/accounts/:id` to keep the account);
 *     so tokens in fragments never leave the browser. An empty result: no "#".
 *
 *   pageKey('https://Bob:pw@CRM.example.com:443/accounts/7?utm_source=x&tab=2#top', { keepQuery: ['tab'], ... })
 *     === 'https://crm.example.com/accounts/7?tab=2'
 */
import type { SiteRules } from '@shared/contract/sites';
import { parsePageURL } from './page-url';
import { matchesRouteTemplate } from './screens';

type KeyRules = Pick<SiteRules, 'keepQuery' | 'hashRouting' | 'templates'>;


/** Keeps the `keep` parameters of a raw query string, sorted by name, canonically encoded. */
function filterQuery(raw: string, keep: ReadonlySet<string>): string {
  if (raw === '' || keep.size === 0) return '';
  const kept = [...new URLSearchParams(raw)].filter(([name]) => keep.has(name));
  if (kept.length === 0) return '';
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); // Array#sort is stable
  return new URLSearchParams(kept).toString();
}

/**
 * A route segment that is a plain word (`reports`, `reset-password`, `weekly_summary`): lowercase letters,
 * words joined by "-" or "_", at most 32 characters. Ids and tokens have digits or capitals.
 */
const WORD = /^(?=.{1,32}$)[a-z]+(?:[-_][a-z]+)*$/;

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The fragment of a hash-routed page, reduced to what identifies the page (see the module comment): the
 * route if one of the site's route templates names it, else its leading words; its kept parameters.
 */
function filterRoute(page: URL, rules: KeyRules, keep: ReadonlySet<string>): string {
  const fragment = page.hash.slice(1);
  if (fragment === '') return '';
  const q = fragment.indexOf('?');
  let route = q < 0 ? fragment : fragment.slice(0, q);
  let query = q < 0 ? '' : fragment.slice(q + 1);
  const plain = decoded(route);
  if (plain === null) return ''; // a broken escape: nothing of it is trusted
  if (plain.includes('=') || plain.includes('&')) {
    // Parameters, not a path ("#access_token=...&state=...", also escaped as "%3D"): a query.
    query = query === '' ? route : `${route}&${query}`;
    route = '';
  } else if (!matchesRouteTemplate(page, route, rules)) {
    const segments = route.split('/');
    const words = segments.findIndex((segment, i) => !(WORD.test(decoded(segment) ?? '') || (i === 0 && segment === '')));
    route = words < 0 ? route : segments.slice(0, words).join('/');
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
    const route = filterRoute(parsed, rules, keep);
    if (route !== '') key += `#${route}`;
  }
  return key;
}

