// Watching pages: a person watches a URL pattern; new notes and questions whose pages it covers reach
// their inbox. "Covers": the watched pattern is the content's pattern exactly, or it matches the content's
// pattern read as a page address (so watching https://crm/accounts/* sees a note on /accounts/:id, the
// same reading the tips' experts lookup uses). Only people who may see the content are told, never its author.
import { and, asc, eq } from 'drizzle-orm';
import type { Watch } from '@shared/contract';
import { parsePattern, patternOrigin, testPattern } from '@shared/urlpattern';
import { compileOrThrow } from '../scopes/service';
import type { ScopedItem } from '../scopes/records';
import type { Database, Tx } from '../db/database';
import { watches } from '../db/schema';
import { conflict, notFound, unprocessable } from '../kernel/errors';
import type { InboxService } from '../inbox/service';
import { whoMaySee } from '../kernel/access';
import type { Emit } from '../kernel/write-path';
import type { SiteService } from '../sites/service';

const toWatch = (row: typeof watches.$inferSelect): Watch => ({ id: row.id, pattern: row.pattern, createdAt: row.createdAt.toISOString() });

function covers(watched: string, pattern: string): boolean {
  if (watched === pattern) return true;
  try {
    return testPattern(parsePattern(watched), pattern);
  } catch {
    return false;
  }
}

export class WatchService {
  constructor(
    private readonly database: Database,
    private readonly sites: SiteService,
    private readonly inbox: InboxService,
  ) {}

  async list(userId: string): Promise<Watch[]> {
    const rows = await this.database.db.select().from(watches).where(eq(watches.userId, userId)).orderBy(asc(watches.createdAt));
    return rows.map(toWatch);
  }

  async add(userId: string, pattern: string): Promise<Watch> {
    const origin = patternOrigin(compileOrThrow(pattern));
    if (!origin) throw unprocessable('pattern_not_in_site', 'The pattern must name one site: a fixed scheme, host and port.');
    const site = this.sites.forOrigin(origin);
    if (!site) throw unprocessable('site_not_registered', `${origin} is not a registered site. An admin can add it.`);
    const [row] = await this.database.db.insert(watches).values({ userId, siteId: site.id, pattern }).onConflictDoNothing().returning();
    if (!row) throw conflict('watch_exists', 'You already watch this pattern.');
    return toWatch(row);
  }

  async remove(userId: string, id: string): Promise<void> {
    const gone = await this.database.db.delete(watches).where(and(eq(watches.id, id), eq(watches.userId, userId))).returning({ id: watches.id });
    if (gone.length === 0) throw notFound('Watch');
  }

  /** Inside the creating transaction: tells the watchers of the new content's pages who may see it. */
  async notify(tx: Tx, emit: Emit, created: ScopedItem, item: { noteId?: string; questionId?: string }): Promise<void> {
    const rows = await tx.select({ userId: watches.userId, pattern: watches.pattern }).from(watches).where(eq(watches.siteId, created.siteId));
    const watchers = rows.filter((w) => w.userId !== created.authorId && covers(w.pattern, created.pattern)).map((w) => w.userId);
    await this.inbox.deliver(tx, await whoMaySee(tx, created, watchers), { kind: 'watched_activity', ...item, actorId: created.authorId }, emit);
  }
}
