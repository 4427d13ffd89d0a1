import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { InboxItem, InboxKind, InboxPage } from '@shared/contract';
import type { Database, Queryable, Tx } from '../db/database';
import { inboxItems, notes, questions, scopes, users } from '../db/schema';
import { notFound } from '../kernel/errors';
import { visibleTo } from '../kernel/access';
import { plainExcerpt } from '@shared/text/excerpt';
import type { Emit, WritePath } from '../kernel/write-path';

const PAGE_SIZE = 100;
const questionScopes = alias(scopes, 'question_scopes');

/**
 * Each person's inbox: things for them to look at. Items are written inside the transaction that caused
 * them, with a personal `inbox.changed` event carrying the new unread count (the badge). An item shows its
 * content (a note's excerpt, a question's title) only while its owner may see that content now: a note
 * turned private, or a team they left, leaves the item with nothing of it.
 */
export class InboxService {
  constructor(
    private readonly database: Database,
    private readonly writes: WritePath,
  ) {}

  /** Adds one item per person (each person once), inside the caller's transaction. */
  async deliver(
    tx: Tx,
    userIds: Iterable<string>,
    item: { kind: InboxKind; noteId?: string; questionId?: string; answerId?: string; actorId?: string },
    emit?: Emit,
  ): Promise<void> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return;
    await tx.insert(inboxItems).values(
      recipients.map((userId) => ({
        userId,
        kind: item.kind,
        noteId: item.noteId ?? null,
        questionId: item.questionId ?? null,
        answerId: item.answerId ?? null,
        actorId: item.actorId ?? null,
      })),
    );
    if (!emit) return;
    const counts = await tx
      .select({ userId: inboxItems.userId, n: count() })
      .from(inboxItems)
      .where(and(inArray(inboxItems.userId, recipients), isNull(inboxItems.readAt)))
      .groupBy(inboxItems.userId);
    const unread = new Map(counts.map((c) => [c.userId, Number(c.n)]));
    for (const userId of recipients) emit({ kind: 'inbox.changed', userId, data: { unread: unread.get(userId) ?? 0 } });
  }

  async list(userId: string, unreadOnly: boolean): Promise<InboxPage> {
    const db = this.database.db;
    const mine = eq(inboxItems.userId, userId);
    const rows = await db
      .select({
        item: inboxItems,
        noteBody: notes.body,
        pattern: scopes.pattern,
        questionTitle: questions.title,
        questionPattern: questionScopes.pattern,
        actorName: users.name,
      })
      .from(inboxItems)
      .leftJoin(notes, and(eq(notes.id, inboxItems.noteId), visibleTo(inboxItems.userId, notes)))
      .leftJoin(scopes, eq(scopes.id, notes.scopeId))
      .leftJoin(questions, and(eq(questions.id, inboxItems.questionId), visibleTo(inboxItems.userId, questions)))
      .leftJoin(questionScopes, eq(questionScopes.id, questions.scopeId))
      .leftJoin(users, eq(users.id, inboxItems.actorId))
      .where(unreadOnly ? and(mine, isNull(inboxItems.readAt)) : mine)
      .orderBy(desc(inboxItems.createdAt), desc(inboxItems.id))
      .limit(PAGE_SIZE);
    const items: InboxItem[] = rows.map(({ item, noteBody, pattern, questionTitle, questionPattern, actorName }) => {
      const note = item.noteId && noteBody !== null && pattern !== null ? { id: item.noteId, pattern, excerpt: plainExcerpt(noteBody) } : null;
      const question =
        item.questionId && questionTitle !== null && questionPattern !== null
          ? { id: item.questionId, pattern: questionPattern, title: questionTitle, answerId: item.answerId }
          : null;
      return {
        id: item.id,
        kind: item.kind as InboxKind,
        createdAt: item.createdAt.toISOString(),
        readAt: item.readAt?.toISOString() ?? null,
        note,
        question,
        // Who acted goes with what they acted on: an item whose content its owner may no longer see names nobody.
        actor: item.actorId && actorName !== null && (note || question) ? { id: item.actorId, name: actorName } : null,
      };
    });
    return { items, unread: await unreadOf(db, userId) };
  }

  async markRead(userId: string, ids: string[] | 'all'): Promise<void> {
    const mine = and(eq(inboxItems.userId, userId), isNull(inboxItems.readAt));
    const where = ids === 'all' ? mine : and(mine, inArray(inboxItems.id, ids));
    const updated = await this.writes.write(async (tx, _changed, emit) => {
      const rows = await tx.update(inboxItems).set({ readAt: sql`now()` }).where(where).returning({ id: inboxItems.id });
      if (rows.length > 0) emit({ kind: 'inbox.changed', userId, data: { unread: await unreadOf(tx, userId) } });
      return rows;
    });
    if (ids !== 'all' && updated.length === 0) {
      const [exists] = await this.database.db
        .select({ id: inboxItems.id })
        .from(inboxItems)
        .where(and(eq(inboxItems.userId, userId), inArray(inboxItems.id, ids)));
      if (!exists) throw notFound('Inbox item');
    }
  }
}

async function unreadOf(db: Queryable, userId: string): Promise<number> {
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(inboxItems)
    .where(and(eq(inboxItems.userId, userId), isNull(inboxItems.readAt)));
  return Number(n);
}
