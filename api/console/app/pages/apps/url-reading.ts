// What the site form reads from one pasted address of an app: its origin, a name for it, the names of its
// query parameters (which ones look secret), and a screen template for its path, so the admin answers
// questions about a real URL instead of writing pattern syntax.

/** The pasted text as a URL; "crm.corp.example/x" is read as https, as a browser's address bar would. */
export function readUrl(text: string): URL | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
}

/** The origin the site would be registered with: what the server is given to judge (scheme://host[:port]). */
export const originOf = (url: URL) => `${url.protocol}//${url.host}`;

const GENERIC_LABELS = new Set(['www', 'app', 'apps', 'portal', 'my', 'web']);

/** A name for the app from its host: crm.corp.example → "CRM", billing.corp.example → "Billing". */
export function suggestName(url: URL): string {
  const host = url.hostname;
  if (/^[\d.]+$/.test(host) || host.startsWith('[') || !host.includes('.')) return url.host; // an IP or localhost
  const label = host.split('.').find((l) => !GENERIC_LABELS.has(l)) ?? host.split('.')[0]!;
  const words = label.split(/[-_]/).filter(Boolean);
  return words.map((w) => (w.length <= 3 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1))).join(' ');
}

/** Where a hash-routed app keeps its route: "#/accounts/42?tab=1" → { path: "/accounts/42", query }. */
function hashRoute(url: URL): { path: string; query: URLSearchParams } | null {
  const fragment = url.hash.slice(1);
  if (!fragment.startsWith('/') && !fragment.startsWith('!/')) return null;
  const [path, query = ''] = fragment.replace(/^!/, '').split('?', 2) as [string, string?];
  return { path, query: new URLSearchParams(query) };
}

/** The fragment reads like a route (#/… or #!/…), the usual sign of a hash-routed app. */
export const looksHashRouted = (url: URL) => hashRoute(url) !== null;

export interface QueryParam {
  name: string;
  value: string;
  secret: boolean;
}

// Names that carry credentials or one-time values: they must never leave the browser, so never pre-checked.
const SECRET = /token|secret|passw|pwd|auth|session|sid$|^sig$|signature|api[-_]?key|^key$|^code$|^state$|nonce|jwt|otp|ticket|credential/i;
// Names that say where a visitor came from, not which page this is.
const TRACKING = /^utm_|^(fbclid|gclid|msclkid|mc_cid|mc_eid|ref|referrer|source)$/i;

/** The query parameters of the URL (and of its hash route), each name once. */
export function queryParams(url: URL): QueryParam[] {
  const seen = new Map<string, QueryParam>();
  const route = hashRoute(url);
  for (const params of [url.searchParams, route?.query ?? new URLSearchParams()]) {
    for (const [name, value] of params) if (!seen.has(name)) seen.set(name, { name, value, secret: SECRET.test(name) });
  }
  return [...seen.values()];
}

/** Pre-checked for a new app: a parameter that neither looks secret nor tracks where people came from. */
export const identifiesByDefault = (param: QueryParam) => !param.secret && !TRACKING.test(param.name);

/** A path segment that is one record's identifier rather than a place: 42, a uuid, a long code with digits. */
const isIdentifier = (segment: string) =>
  /^\d+$/.test(segment) || /^[0-9a-f]{8}(-?[0-9a-f]{4}){3}-?[0-9a-f]{12}$/i.test(segment) || (segment.length >= 6 && /\d/.test(segment) && /^[\w-]+$/.test(segment));

const singular = (word: string) => word.replace(/ies$/, 'y').replace(/s$/, '');
const titleCase = (words: string) => words.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

/**
 * A screen template for the page: /accounts/123 → { name: "Account", pattern: "/accounts/:id" }; with a
 * hash route, the route's path (#/accounts/:id). Identifiers become parameters, named after the segment
 * before them (the last one is :id); null for the top page.
 */
export function suggestScreen(url: URL, hashRouting: boolean): { name: string; pattern: string } | null {
  const route = hashRouting ? hashRoute(url) : null;
  const path = route ? route.path : url.pathname;
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return null;
  const lastId = segments.findLastIndex(isIdentifier);
  const pattern = segments.map((s, i) => {
    if (!isIdentifier(s)) return s.replace(/[:*(){}?+\\]/g, (c) => `\\${c}`); // pattern syntax in a real path stays literal
    if (i === lastId) return ':id';
    return `:${singular(segments[i - 1] ?? 'item').replace(/\W/g, '')}Id`;
  });
  const places = segments.filter((s) => !isIdentifier(s));
  const last = places.at(-1) ?? 'Page';
  const name = titleCase(segments.at(-1) !== undefined && isIdentifier(segments.at(-1)!) ? singular(last) : last);
  return { name, pattern: `${route ? '#' : ''}/${pattern.join('/')}` };
}
