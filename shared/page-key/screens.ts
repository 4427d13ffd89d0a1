/**
 * Screen names.
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
import type { Site, SiteRules } from '@shared/contract/sites';
import { matchPattern, parsePattern, testValues, urlComponentValues, type CompiledPattern } from '@shared/urlpattern';
import { parsePageURL } from './page-url';

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

/** A template's route part matches the route path (its page part the page): the route names a screen. */
const routeMatches = (template: ScreenTemplate, values: ReturnType<typeof urlComponentValues>, routePath: string) =>
  template.route !== null && testValues(template.page, values) && matchPattern(template.route, { pathname: routePath }) !== null;

/** One of the site's route templates (templates with a hash route) matches this route of the page. */
export function matchesRouteTemplate(page: URL, routePath: string, rules: Pick<SiteRules, 'templates'>): boolean {
  const values = urlComponentValues(page);
  return cachedTemplates(rules, page.origin).some((template) => template !== null && routeMatches(template, values, routePath));
}

/** Indexes of the site's templates that match the page key, in order; invalid templates are skipped. */
function* matchingIndexes(key: string, rules: Pick<SiteRules, 'templates'>, origin: string): Generator<number> {
  const url = parsePageURL(key);
  const values = urlComponentValues(url);
  const templates = cachedTemplates(rules, origin);
  let routePath: string | null = null;
  for (const [i, template] of templates.entries()) {
    if (template === null) continue;
    if (template.route === null ? testValues(template.page, values) : routeMatches(template, values, (routePath ??= url.hash.slice(1).split('?')[0]!))) yield i;
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

/**
 * The screen a content pattern is, in the site's words ("Account" for `…/accounts/:id`): the first of the
 * site's templates that its pattern, read as a page address, matches; null for a pattern that is no
 * screen or no page address (a wildcard host). What browsing content and the experts' list call it.
 */
export function screenOfPattern(pattern: string, site: Pick<Site, 'rules' | 'origin'>): string | null {
  try {
    return screenName(pattern, site.rules, site.origin);
  } catch {
    return null;
  }
}

/** Every one of the site's templates that matches the page key, in order (e.g. to offer them as scopes). */
export function matchingTemplates(key: string, rules: Pick<SiteRules, 'templates'>, origin: string): SiteRules['templates'] {
  return [...matchingIndexes(key, rules, origin)].map((i) => rules.templates[i]!);
}
