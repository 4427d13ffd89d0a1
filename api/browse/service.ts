// Browsing what colleagues know, away from the page it is about (the console): a site's scopes with what
// each holds, a scope's items, a person's own. Queries, not the page caches: visibility is applied in SQL
// through the access rule's SQL form, so a hidden item is never listed nor counted.
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { browseItem } from '@shared/contract';
import { screenOfPattern } from '@shared/page-key';
import type { z } from 'zod';
import type { Database } from '../db/database';
import { answers, notes, questions, scopes, sites, users } from '../db/schema';
import { visibleTo, type Viewer } from '../kernel/access';
import { ApiError, notFound } from '../kernel/errors';
import { plainExcerpt } from '@shared/text/excerpt';
import type { SiteService } from '../sites/service';

type BrowseItem = z.infer<typeof browseItem>;

/** A page of items: the cursor is the last one's time and id. */
const cursorOf = (item: BrowseItem) => Buffer.from(JSON.stringify([item.createdAt, item.id])).toString('base64url');
function fromCursor(cursor: string): [Date, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    const when = new Date(String(at));
    if (typeof id === 'string' && !Number.isNaN(when.getTime())) return [when, id];
  } catch {
    // fall through
  }
  throw new ApiError(400, 'bad_cursor', 'cursor: not a cursor this server gave; start from the first page.');
}

export class BrowseService {
  constructor(
    private readonly database: Database,
    private readonly sites: SiteService,
  ) {}

  /** The site's scopes, each with its screen (a template it is) and what it holds for this viewer. */
  async site(viewer: Viewer, siteId: string) {
    const site = this.sites.get(siteId);
    const db = this.database.db;
    const noteCounts = db
      .select({
        scopeId: notes.scopeId,
        notes: sql<number>`count(*) filter (where ${notes.anchor} is null)::int`.as('notes'),
        tips: sql<number>`count(*) filter (where ${notes.anchor} is not null)::int`.as('tips'),
      })
      .from(notes)
      .where(visibleTo(viewer.id, notes))
      .groupBy(notes.scopeId)
      .as('note_counts');
    const questionCounts = db
      .select({ scopeId: questions.scopeId, questions: sql<number>`count(*)::int`.as('questions') })
      .from(questions)
      .where(visibleTo(viewer.id, questions))
      .groupBy(questions.scopeId)
      .as('question_counts');
    const rows = await db
      .select({
        id: scopes.id,
        pattern: scopes.pattern,
        notes: sql<number>`coalesce(${noteCounts.notes}, 0)`,
        tips: sql<number>`coalesce(${noteCounts.tips}, 0)`,
        questions: sql<number>`coalesce(${questionCounts.questions}, 0)`,
      })
      .from(scopes)
      .leftJoin(noteCounts, eq(noteCounts.scopeId, scopes.id))
      .leftJoin(questionCounts, eq(questionCounts.scopeId, scopes.id))
      .where(eq(scopes.siteId, siteId))
      .orderBy(scopes.pattern);
    return rows
      .map((r) => ({ ...r, notes: Number(r.notes), tips: Number(r.tips), questions: Number(r.questions), screen: screenOfPattern(r.pattern, site) }))
      .filter((r) => r.notes + r.tips + r.questions > 0);
  }

  /** A scope's items this viewer may see, newest first. */
  async scope(viewer: Viewer, scopeId: string, page: { cursor?: string; limit: number }) {
    const [scope] = await this.database.db.select({ id: scopes.id }).from(scopes).where(eq(scopes.id, scopeId));
    if (!scope) throw notFound('Scope');
    return this.items(viewer, (t) => eq(t.scopeId, scopeId), page);
  }

  /** The viewer's own items, answers included, newest first. */
  mine(viewer: Viewer, page: { cursor?: string; limit: number }) {
    return this.items(viewer, (t) => eq(t.authorId, viewer.id), page, true);
  }

  private async items(viewer: Viewer, where: (t: typeof notes | typeof questions) => SQL, page: { cursor?: string; limit: number }, withAnswers = false) {
    const after = page.cursor ? fromCursor(page.cursor) : null;
    const since = (t: typeof notes | typeof questions | typeof answers) =>
      after ? or(lt(t.createdAt, after[0]), and(eq(t.createdAt, after[0]), lt(t.id, after[1]))) : undefined;
    const condition = (t: typeof notes | typeof questions) => and(where(t), visibleTo(viewer.id, t), since(t));
    const db = this.database.db;
    const common = (t: typeof notes | typeof questions) => ({
      id: t.id,
      pattern: scopes.pattern,
      siteId: sites.id,
      siteName: sites.name,
      visibility: t.visibility,
      authorId: t.authorId,
      authorName: users.name,
      createdAt: t.createdAt,
    });
    const [noteRows, questionRows, answerRows] = await Promise.all([
      db
        .select({ ...common(notes), body: notes.body, tip: sql<boolean>`${notes.anchor} is not null` })
        .from(notes)
        .innerJoin(scopes, eq(scopes.id, notes.scopeId))
        .innerJoin(sites, eq(sites.id, scopes.siteId))
        .innerJoin(users, eq(users.id, notes.authorId))
        .where(condition(notes))
        .orderBy(desc(notes.createdAt), desc(notes.id))
        .limit(page.limit + 1),
      db
        .select({ ...common(questions), title: questions.title, answered: sql<boolean>`${questions.acceptedAnswerId} is not null` })
        .from(questions)
        .innerJoin(scopes, eq(scopes.id, questions.scopeId))
        .innerJoin(sites, eq(sites.id, scopes.siteId))
        .innerJoin(users, eq(users.id, questions.authorId))
        .where(condition(questions))
        .orderBy(desc(questions.createdAt), desc(questions.id))
        .limit(page.limit + 1),
      // One's answers: seen through their question (an answer goes with it), so one hidden from you now is not listed.
      withAnswers
        ? db
            .select({
              id: answers.id,
              pattern: scopes.pattern,
              siteId: sites.id,
              siteName: sites.name,
              visibility: questions.visibility,
              authorId: answers.authorId,
              authorName: users.name,
              createdAt: answers.createdAt,
              body: answers.body,
              questionId: questions.id,
              questionTitle: questions.title,
            })
            .from(answers)
            .innerJoin(questions, eq(questions.id, answers.questionId))
            .innerJoin(scopes, eq(scopes.id, questions.scopeId))
            .innerJoin(sites, eq(sites.id, scopes.siteId))
            .innerJoin(users, eq(users.id, answers.authorId))
            .where(and(eq(answers.authorId, viewer.id), visibleTo(viewer.id, questions), since(answers)))
            .orderBy(desc(answers.createdAt), desc(answers.id))
            .limit(page.limit + 1)
        : [],
    ]);
    const shape = (r: (typeof noteRows)[number] | (typeof questionRows)[number] | (typeof answerRows)[number]) => ({
      id: r.id,
      pattern: r.pattern,
      site: { id: r.siteId, name: r.siteName },
      visibility: r.visibility,
      author: { id: r.authorId, name: r.authorName },
      createdAt: r.createdAt.toISOString(),
    });
    const merged: BrowseItem[] = [
      ...noteRows.map((r) => ({ ...shape(r), kind: r.tip ? ('tip' as const) : ('note' as const), title: plainExcerpt(r.body), status: null })),
      ...questionRows.map((r) => ({ ...shape(r), kind: 'question' as const, title: r.title, status: r.answered ? ('answered' as const) : ('open' as const) })),
      ...answerRows.map((r) => ({ ...shape(r), kind: 'answer' as const, title: plainExcerpt(r.body), status: null, question: { id: r.questionId, title: r.questionTitle } })),
    ].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
    const items = merged.slice(0, page.limit);
    return { items, next: merged.length > page.limit ? cursorOf(items[items.length - 1]!) : null };
  }
}
