import { and, asc, eq, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/database';
import { experts, notes, questions, scopes, users } from '../db/schema';
import type { Sharing } from '../kernel/access';
import type { WritePath } from '../kernel/write-path';
import { loadNotes, type NoteRecord } from '../notes/records';
import { loadQuestions, type QuestionRecord } from '../questions/records';

export interface ExpertRecord {
  id: string;
  userId: string;
  userName: string;
  scopeId: string;
  pattern: string;
  createdAt: string;
}

/** How many items one sharing (author, visibility, team) holds on a scope, of each kind. */
export interface Tally extends Sharing {
  notes: number;
  tips: number;
  questions: number;
  openQuestions: number;
}

/** Everything attached to one scope, for every viewer: visibility is applied when it is presented. */
export interface ScopeContent {
  /** The newest notes and questions, at most ITEMS_PER_SCOPE of each. */
  notes: NoteRecord[];
  questions: QuestionRecord[];
  experts: ExpertRecord[];
  /** Counts of all of them, by sharing, so a page's counts are true totals for any viewer. */
  tallies: Tally[];
}

// Per scope and kind; a scope with more lists its newest (the counts stay true, from the tallies).
const ITEMS_PER_SCOPE = 1000;

/**
 * The context lookup's cache: scope id → its content. Any write to a scope reports a `scope` change,
 * on this instance at once and on the others through the change feed.
 *
 * A load that overlaps an invalidation must not store what it read, or the cache would keep the old
 * state forever: each scope has a generation, bumped on invalidation and checked before storing.
 */
export class ScopeContentCache {
  private readonly entries: LRUCache<string, ScopeContent>;
  private readonly generations = new Map<string, number>();
  private readonly loading = new Map<string, Promise<ScopeContent>>();
  private epoch = 0; // bumped by "drop everything"

  constructor(
    private readonly database: Database,
    writes: WritePath,
    maxScopes = 50_000,
  ) {
    this.entries = new LRUCache({ max: maxScopes });
    writes.subscribe((change) => {
      if (change.t === 'scope') this.invalidate(change.id);
      else if (change.t === 'all' || change.t === 'site-removed') this.clear();
    });
  }

  get(scopeId: string): Promise<ScopeContent> {
    const hit = this.entries.get(scopeId);
    if (hit) return Promise.resolve(hit);
    const key = `${this.epoch}:${this.generations.get(scopeId) ?? 0}:${scopeId}`;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(scopeId, key).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async load(scopeId: string, key: string): Promise<ScopeContent> {
    const db = this.database.db;
    const [noteRecords, questionRecords, expertRows, tallies] = await Promise.all([
      loadNotes(db, eq(notes.scopeId, scopeId), ITEMS_PER_SCOPE),
      loadQuestions(db, eq(questions.scopeId, scopeId), ITEMS_PER_SCOPE),
      db
        .select({ expert: experts, userName: users.name, pattern: scopes.pattern })
        .from(experts)
        .innerJoin(users, eq(users.id, experts.userId))
        .innerJoin(scopes, eq(scopes.id, experts.scopeId))
        .where(and(eq(experts.scopeId, scopeId), eq(experts.status, 'active')))
        .orderBy(asc(users.name)),
      this.tallies(scopeId),
    ]);
    const content: ScopeContent = {
      notes: noteRecords,
      questions: questionRecords,
      experts: expertRows.map(({ expert, userName, pattern }) => ({
        id: expert.id,
        userId: expert.userId,
        userName,
        scopeId: expert.scopeId,
        pattern,
        createdAt: expert.createdAt.toISOString(),
      })),
      tallies,
    };
    // Store only if nothing changed while we were reading.
    if (key === `${this.epoch}:${this.generations.get(scopeId) ?? 0}:${scopeId}`) this.entries.set(scopeId, content);
    return content;
  }

  /**
   * The scope's items counted by sharing. Org items are counted together (everyone sees them); team and
   * private items by author too, since their author sees them whatever the team.
   */
  private async tallies(scopeId: string): Promise<Tally[]> {
    const db = this.database.db;
    const byAuthor = (t: typeof notes | typeof questions) => sql<string>`case when ${t.visibility} = 'org' then '' else ${t.authorId}::text end`;
    const [noteRows, questionRows] = await Promise.all([
      db
        .select({
          visibility: notes.visibility,
          teamId: notes.teamId,
          authorId: byAuthor(notes),
          notes: sql<number>`count(*) filter (where ${notes.anchor} is null)::int`,
          tips: sql<number>`count(*) filter (where ${notes.anchor} is not null)::int`,
        })
        .from(notes)
        .where(eq(notes.scopeId, scopeId))
        .groupBy(sql`1, 2, 3`),
      db
        .select({
          visibility: questions.visibility,
          teamId: questions.teamId,
          authorId: byAuthor(questions),
          questions: sql<number>`count(*)::int`,
          openQuestions: sql<number>`count(*) filter (where ${questions.acceptedAnswerId} is null)::int`,
        })
        .from(questions)
        .where(eq(questions.scopeId, scopeId))
        .groupBy(sql`1, 2, 3`),
    ]);
    const tallies = new Map<string, Tally>();
    const tallyOf = (r: Sharing) => {
      const key = `${r.visibility}|${r.teamId}|${r.authorId}`;
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = { ...r, notes: 0, tips: 0, questions: 0, openQuestions: 0 }));
      return tally;
    };
    for (const r of noteRows) Object.assign(tallyOf(r), { notes: Number(r.notes), tips: Number(r.tips) });
    for (const r of questionRows) Object.assign(tallyOf(r), { questions: Number(r.questions), openQuestions: Number(r.openQuestions) });
    return [...tallies.values()];
  }

  /** The content held for a scope, without loading it (a changed scope's next load is a new object). */
  cached(scopeId: string): ScopeContent | undefined {
    return this.entries.get(scopeId);
  }

  invalidate(scopeId: string): void {
    this.generations.set(scopeId, (this.generations.get(scopeId) ?? 0) + 1);
    this.entries.delete(scopeId);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }
}
