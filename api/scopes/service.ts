import { and, eq } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { parsePattern, patternOrigin, PatternError, PatternIndex, type CompiledPattern } from '@shared/urlpattern';
import type { Database, Tx } from '../db/database';
import { scopes } from '../db/schema';
import { ApiError, unprocessable } from '../kernel/errors';
import type { Changed, Change, WritePath } from '../kernel/write-path';
import type { SiteService } from '../sites/service';

export interface ScopeRef {
  id: string;
  siteId: string;
  pattern: string;
}

export function compileOrThrow(pattern: string, field = 'pattern'): CompiledPattern {
  try {
    return parsePattern(pattern);
  } catch (err) {
    if (!(err instanceof PatternError)) throw err;
    throw new ApiError(400, 'invalid_pattern', `${field}: ${err.message}`, [{ path: field, message: err.message }]);
  }
}

/**
 * Every scope of every site, in a pattern index held in memory: finding the scopes of a page costs
 * microseconds however many there are. Other instances' new scopes arrive through the change feed.
 */
export class ScopeService {
  private index = new PatternIndex<ScopeRef>();
  /** Page key → its scopes. Busy pages are asked for over and over; any change to the index clears it. */
  private readonly matches = new LRUCache<string, ScopeRef[]>({ max: 20_000 });
  /** Scopes added while a (re)load reads the table, replayed onto the new index. */
  private addedDuringLoad: ScopeRef[] | undefined;

  constructor(
    private readonly database: Database,
    writes: WritePath,
    private readonly sites: SiteService,
  ) {
    writes.subscribe((change) => this.onChange(change));
  }

  async load(): Promise<void> {
    this.addedDuringLoad = [];
    try {
      const rows = await this.database.db.select({ id: scopes.id, siteId: scopes.siteId, pattern: scopes.pattern }).from(scopes);
      const index = new PatternIndex<ScopeRef>();
      for (const ref of [...rows, ...this.addedDuringLoad]) {
        if (!index.has(ref.id)) index.add(ref.id, parsePattern(ref.pattern), ref);
      }
      this.index = index;
      this.matches.clear();
    } finally {
      this.addedDuringLoad = undefined;
    }
  }

  get size(): number {
    return this.index.size;
  }

  /** The scopes whose pattern matches a page key, most specific first. */
  match(pageKey: string): ScopeRef[] {
    let scopes = this.matches.get(pageKey);
    if (!scopes) {
      scopes = this.index.match(pageKey).map((m) => m.value);
      this.matches.set(pageKey, scopes);
    }
    return scopes;
  }

  /** The scope for a pattern, created on first use. The pattern must stay within one registered site. */
  async resolve(tx: Tx, changed: Changed, pattern: string): Promise<ScopeRef> {
    const compiled = compileOrThrow(pattern);
    const origin = patternOrigin(compiled);
    if (!origin) {
      throw unprocessable('pattern_not_in_site', 'The pattern must name one site: a fixed scheme, host and port, like https://crm.corp.example/accounts/:id.');
    }
    const site = this.sites.forOrigin(origin);
    if (!site) throw unprocessable('site_not_registered', `${origin} is not a registered site. An admin can add it.`);
    const [created] = await tx.insert(scopes).values({ siteId: site.id, pattern }).onConflictDoNothing().returning();
    if (created) {
      const ref = { id: created.id, siteId: created.siteId, pattern: created.pattern };
      changed({ t: 'scope-added', ...ref });
      return ref;
    }
    const [existing] = await tx
      .select({ id: scopes.id, siteId: scopes.siteId, pattern: scopes.pattern })
      .from(scopes)
      .where(and(eq(scopes.siteId, site.id), eq(scopes.pattern, pattern)));
    return existing!;
  }

  private onChange(change: Change): void {
    if (change.t === 'scope-added') {
      const ref = { id: change.id, siteId: change.siteId, pattern: change.pattern };
      this.addedDuringLoad?.push(ref);
      if (!this.index.has(ref.id)) this.index.add(ref.id, parsePattern(ref.pattern), ref);
      this.matches.clear();
    } else if (change.t === 'site-removed') {
      this.index.removeWhere((ref) => ref.siteId === change.id);
      this.matches.clear();
    } else if (change.t === 'all') {
      void this.load();
    }
  }
}
