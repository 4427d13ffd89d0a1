// "Ask an expert": a question goes to the people responsible for its pages, in rings. Ring 1: the active
// experts for the question's pages (its pattern read as a page address, most specific scope first).
// Ring 2: the site's other active experts. Ring 3: the site's owners. An empty ring is skipped at once.
// Unanswered after `escalateAfterMs`, the question goes to the next ring; the periodic job claims due
// questions with FOR UPDATE SKIP LOCKED, so any number of instances may run it and each question
// escalates once. Only people who may see the question are routed to; the asker never is.
import { and, asc, eq, isNotNull, isNull, lte, notExists, sql } from 'drizzle-orm';
import type { ScopedItem } from '../scopes/records';
import type { Tx } from '../db/database';
import { answers, experts, questionRoutes, questions, scopes, siteOwners } from '../db/schema';
import type { InboxService } from '../inbox/service';
import { whoMaySee } from '../kernel/access';
import { contentEvent } from '../kernel/event-log';
import type { Emit, WritePath } from '../kernel/write-path';

const LAST_RING = 3;

type Routable = ScopedItem & { id: string };

/** The experts for the pages of a content pattern, most specific first (from the context cache). */
export type PageExperts = (pattern: string) => Promise<string[]>;

export class RoutingService {
  constructor(
    private readonly writes: WritePath,
    private readonly experts: PageExperts,
    private readonly inbox: InboxService,
    private readonly escalateAfterMs: number,
  ) {}

  /** Ring 1 for a pattern, read before the writing transaction (it comes from the context cache). */
  pageExperts(pattern: string): Promise<string[]> {
    return this.experts(pattern); // none: rings 2 and 3 still apply
  }

  /** Routes a new question to ring 1 (or the first ring with anyone in it), inside its transaction. */
  async routeNew(tx: Tx, emit: Emit, question: Routable, ring1: string[]): Promise<void> {
    await this.routeFrom(tx, emit, question, 1, ring1);
  }

  /** Routes to the first ring >= `ring` that has someone new; records where routing stands. */
  private async routeFrom(tx: Tx, emit: Emit, question: Routable, ring: number, ring1: string[] = []): Promise<void> {
    const already = new Set(
      (await tx.select({ userId: questionRoutes.userId }).from(questionRoutes).where(eq(questionRoutes.questionId, question.id))).map(
        (r) => r.userId,
      ),
    );
    for (let r = ring; r <= LAST_RING; r++) {
      const candidates = r === 1 ? ring1 : await this.ringMembers(tx, question.siteId, r);
      const people = await whoMaySee(
        tx,
        question,
        candidates.filter((id) => id !== question.authorId && !already.has(id)),
      );
      if (people.length === 0) continue;
      const at = new Date();
      await tx.insert(questionRoutes).values(people.map((userId) => ({ questionId: question.id, userId, ring: r, routedAt: at }))).onConflictDoNothing();
      await tx.update(questions).set({ routingRing: r, routedAt: at }).where(eq(questions.id, question.id));
      await this.inbox.deliver(tx, people, { kind: 'question_routed', questionId: question.id, actorId: question.authorId }, emit);
      emit(contentEvent('question.routed', question, { questionId: question.id, pattern: question.pattern, ring: r, people }));
      return;
    }
    // Nobody left to ask: routing is over.
    await tx.update(questions).set({ routingRing: LAST_RING, routedAt: null }).where(eq(questions.id, question.id));
  }

  private async ringMembers(tx: Tx, siteId: string, ring: number): Promise<string[]> {
    if (ring === 2) {
      const rows = await tx
        .select({ userId: experts.userId })
        .from(experts)
        .innerJoin(scopes, eq(scopes.id, experts.scopeId))
        .where(and(eq(scopes.siteId, siteId), eq(experts.status, 'active')))
        .orderBy(asc(experts.createdAt));
      return rows.map((r) => r.userId);
    }
    const rows = await tx.select({ userId: siteOwners.userId }).from(siteOwners).where(eq(siteOwners.siteId, siteId)).orderBy(asc(siteOwners.createdAt));
    return rows.map((r) => r.userId);
  }

  /**
   * One round of the periodic job: every unanswered, unaccepted question whose ring is older than the
   * delay goes to its next ring. Returns how many questions it escalated.
   */
  async escalateDue(limit = 50): Promise<number> {
    const due = new Date(Date.now() - this.escalateAfterMs);
    return this.writes.write(async (tx, changed, emit) => {
      const rows = await tx
        .select({
          id: questions.id,
          scopeId: questions.scopeId,
          siteId: scopes.siteId,
          pattern: scopes.pattern,
          authorId: questions.authorId,
          visibility: questions.visibility,
          teamId: questions.teamId,
          ring: questions.routingRing,
        })
        .from(questions)
        .innerJoin(scopes, eq(scopes.id, questions.scopeId))
        .where(
          and(
            isNotNull(questions.routingRing),
            isNotNull(questions.routedAt),
            lte(questions.routedAt, due),
            isNull(questions.acceptedAnswerId),
            notExists(tx.select({ one: sql`1` }).from(answers).where(eq(answers.questionId, questions.id))),
          ),
        )
        .orderBy(asc(questions.routedAt))
        .limit(limit)
        .for('update', { of: questions, skipLocked: true });
      for (const row of rows) {
        await this.routeFrom(tx, emit, row, (row.ring ?? 0) + 1);
        changed({ t: 'scope', id: row.scopeId }); // its summary says whom it was sent to
      }
      return rows.length;
    });
  }
}
