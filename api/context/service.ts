import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { limits, type Expert, type PageContext, type Site, type SitePreview, type SiteRules } from '@shared/contract';
import { pageKey, PageKeyError, screenName, screenOfPattern } from '@shared/page-key';
import { ApiError } from '../kernel/errors';
import { plainExcerpt } from '@shared/text/excerpt';
import { presentNote } from '../notes/present';
import { presentQuestionSummary } from '../questions/present';
import type { ExpertRecord, ScopeContent, ScopeContentCache, Tally } from './scope-content';
import type { ScopeRef, ScopeService } from '../scopes/service';
import type { SiteService } from '../sites/service';
import { canSee, type Viewer } from '../kernel/access';

interface RenderedContext {
  body: string;
  etag: string;
}

interface RenderedEntry extends RenderedContext {
  viewer: Viewer;
  site: Site;
  pageKey: string;
  scopes: ScopeRef[];
  contents: ScopeContent[];
}

// Rendered bodies are 1 to 10 KB; 64 MB holds tens of thousands of (session, page) pairs.
const RENDERED_CACHE_BYTES = 64 * 1024 * 1024;

/** Items a URL preview lists of each kind (its counts are of all). */
const PREVIEW_ITEMS = 20;

const newestFirst = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1;

/**
 * `GET /context`: everything for one page in one call. The hot path of the product: it runs from memory
 * (sites, the scope index, cached scope content) and touches the database only on a cache miss.
 */
export class ContextService {
  constructor(
    private readonly sites: SiteService,
    private readonly scopes: ScopeService,
    private readonly content: ScopeContentCache,
  ) {}

  private readonly rendered = new LRUCache<string, RenderedEntry>({
    maxSize: RENDERED_CACHE_BYTES,
    sizeCalculation: (entry) => entry.body.length + entry.pageKey.length + 200,
  });

  /** The site and page key for a URL; 400 for a malformed URL, 404 for an origin nobody registered. */
  locate(url: string) {
    const origin = originOf(url);
    const site = this.sites.forOrigin(origin);
    if (!site) throw new ApiError(404, 'site_not_registered', `${origin} is not a registered site.`);
    return { site, pageKey: keyOf(url, site.rules) };
  }

  /**
   * The page's context as the JSON body the route sends, with an ETag for conditional requests. A viewer's
   * warm page is served from the rendered cache: an entry stays valid while every input it was built from
   * is still the very object the services hold (the session's viewer, the site, the page's scope list and
   * each scope's cached content). Each of those is replaced, never mutated, when it changes (on this
   * instance at once, on others through the change feed), so a hit costs a few map lookups and a stale
   * entry can never be served.
   */
  async render(viewer: Viewer, url: string): Promise<RenderedContext> {
    const key = `${viewer.sessionId} ${url}`;
    const hit = this.rendered.get(key);
    if (hit && this.isCurrent(hit, viewer)) return hit;
    const built = await this.build(viewer, url);
    const body = JSON.stringify(built.context);
    const entry: RenderedEntry = {
      viewer,
      site: built.site,
      pageKey: built.context.pageKey,
      scopes: built.scopes,
      contents: built.contents,
      body,
      etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
    };
    this.rendered.set(key, entry);
    return entry;
  }

  private isCurrent(entry: RenderedEntry, viewer: Viewer): boolean {
    return (
      entry.viewer === viewer &&
      this.sites.forOrigin(entry.site.origin) === entry.site &&
      this.scopes.match(entry.pageKey) === entry.scopes &&
      entry.scopes.every((scope, i) => this.content.cached(scope.id) === entry.contents[i])
    );
  }

  private async build(viewer: Viewer, url: string) {
    const { site, pageKey: key } = this.locate(url);
    const matched = this.scopes.match(key);
    const contents = await Promise.all(matched.map((scope) => this.content.get(scope.id)));

    const notes = contents.flatMap((c) => c.notes.filter((n) => canSee(viewer, n))).sort(newestFirst);
    const questions = contents.flatMap((c) => c.questions.filter((q) => canSee(viewer, q))).sort(newestFirst);

    const context: PageContext = {
      pageKey: key,
      site: { id: site.id, name: site.name, origin: site.origin },
      screen: screenName(key, site.rules, site.origin),
      scopes: matched.map(({ id, pattern }, i) => ({ id, pattern, counts: countsFor(viewer, contents[i]!.tallies) })),
      notes: notes.slice(0, limits.contextItemsPerKind).map((n) => presentNote(n, viewer)),
      questions: questions.slice(0, limits.contextItemsPerKind).map((q) => presentQuestionSummary(q, viewer)),
      experts: expertsOf(contents.flatMap((c) => c.experts), site),
      counts: countsFor(viewer, contents.flatMap((c) => c.tallies)),
    };
    return { context, site, scopes: matched, contents };
  }

  /**
   * The console's URL tester: what the page key and screen of a URL would be under these rules (the site's
   * own, or ones being tried, also for a site not registered yet), and what this viewer would see there.
   */
  async preview(viewer: Viewer, url: string, rules?: SiteRules): Promise<SitePreview> {
    const origin = originOf(url);
    const site = this.sites.forOrigin(origin);
    const tried = rules ?? site?.rules ?? { keepQuery: [], hashRouting: false, templates: [] };
    const key = keyOf(url, tried);
    const preview = { origin, site: site ? { id: site.id, name: site.name } : null, pageKey: key, screen: screenName(key, tried, origin) };
    const matched = site ? this.scopes.match(key) : [];
    const contents = await Promise.all(matched.map((scope) => this.content.get(scope.id)));
    return {
      ...preview,
      scopes: matched.map(({ id, pattern }, i) => ({ id, pattern, counts: countsFor(viewer, contents[i]!.tallies) })),
      notes: contents.flatMap((c) => c.notes.filter((n) => canSee(viewer, n))).sort(newestFirst).slice(0, PREVIEW_ITEMS)
        .map((n) => ({ id: n.id, pattern: n.pattern, excerpt: plainExcerpt(n.body), tip: n.anchor !== null })),
      questions: contents.flatMap((c) => c.questions.filter((q) => canSee(viewer, q))).sort(newestFirst).slice(0, PREVIEW_ITEMS)
        .map((q) => ({ id: q.id, pattern: q.pattern, title: q.title })),
      counts: countsFor(viewer, contents.flatMap((c) => c.tallies)),
    };
  }

  /**
   * The experts for the pages of a content pattern, read as a page address (a template such as
   * /accounts/:id stands for its pages well enough): used to tell and to route. A pattern that is no page
   * address of a registered site (e.g. a wildcard host) has no page experts.
   */
  async expertIdsForPattern(pattern: string): Promise<string[]> {
    try {
      return (await this.expertsForPage(pattern)).map((e) => e.user.id);
    } catch (err) {
      if (err instanceof ApiError) return [];
      throw err;
    }
  }

  /** The experts for a page, most specific scope first, each person once. */
  async expertsForPage(url: string): Promise<Expert[]> {
    const { site, pageKey: key } = this.locate(url);
    const contents = await Promise.all(this.scopes.match(key).map((scope) => this.content.get(scope.id)));
    return expertsOf(contents.flatMap((c) => c.experts), site);
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new ApiError(400, 'bad_url', 'url must be an absolute URL, like https://crm.corp.example/accounts/42.');
  }
}

function keyOf(url: string, rules: SiteRules): string {
  try {
    return pageKey(url, rules);
  } catch (err) {
    if (err instanceof PageKeyError) throw new ApiError(400, 'bad_url', err.message);
    throw err;
  }
}

/** The page's counts as this viewer may see them: every item of its scopes, not only the newest held. */
function countsFor(viewer: Viewer, tallies: Tally[]): PageContext['counts'] {
  const counts = { notes: 0, tips: 0, questions: 0, openQuestions: 0 };
  for (const t of tallies) {
    if (!canSee(viewer, t)) continue;
    counts.notes += t.notes;
    counts.tips += t.tips;
    counts.questions += t.questions;
    counts.openQuestions += t.openQuestions;
  }
  return counts;
}

/** Experts arrive in scope order (most specific first); keep each person's first, most specific entry. */
function expertsOf(records: ExpertRecord[], site: Site): Expert[] {
  const seen = new Set<string>();
  const out: Expert[] = [];
  for (const r of records) {
    if (seen.has(r.userId)) continue;
    seen.add(r.userId);
    out.push({ id: r.id, user: { id: r.userId, name: r.userName }, scopeId: r.scopeId, pattern: r.pattern, screen: screenOfPattern(r.pattern, site), createdAt: r.createdAt });
  }
  return out;
}
