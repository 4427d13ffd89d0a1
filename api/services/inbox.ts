import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { InboxItem, InboxKind, InboxPage } from '../../shared/contract';
import type { Database, Tx } from '../db/database';
import { inboxItems, notes, scopes } from '../db/schema';
import { notFound } from '../errors';

const PAGE_SIZE = 100;
const EXCERPT_CHARS = 140;

/** Each person's inbox: things for them to look at. Items are written inside the transaction that caused them. */
export class InboxService {
  constructor(private readonly database: Database) {}

  /** Adds one item per person (each person once), inside the caller's transaction. */
  async deliver(tx: Tx, userIds: Iterable<string>, item: { kind: InboxKind; noteId?: string }): Promise<void> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return;
    await tx.insert(inboxItems).values(recipients.map((userId) => ({ userId, kind: item.kind, noteId: item.noteId ?? null })));
  }

  async list(userId: string, unreadOnly: boolean): Promise<InboxPage> {
    const db = this.database.db;
    const mine = eq(inboxItems.userId, userId);
    const rows = await db
      .select({ item: inboxItems, noteBody: notes.body, pattern: scopes.pattern })
      .from(inboxItems)
      .leftJoin(notes, eq(notes.id, inboxItems.noteId))
      .leftJoin(scopes, eq(scopes.id, notes.scopeId))
      .where(unreadOnly ? and(mine, isNull(inboxItems.readAt)) : mine)
      .orderBy(desc(inboxItems.createdAt), desc(inboxItems.id))
      .limit(PAGE_SIZE);
    const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(inboxItems).where(and(mine, isNull(inboxItems.readAt)));
    const items: InboxItem[] = rows.map(({ item, noteBody, pattern }) => ({
      id: item.id,
      kind: item.kind as InboxKind,
      createdAt: item.createdAt.toISOString(),
      readAt: item.readAt?.toISOString() ?? null,
      note:
        item.noteId && noteBody !== null && pattern !== null
          ? { id: item.noteId, pattern, excerpt: excerpt(noteBody) }
          : null,
    }));
    return { items, unread: Number(n) };
  }

  async markRead(userId: string, ids: string[] | 'all'): Promise<void> {
    const mine = and(eq(inboxItems.userId, userId), isNull(inboxItems.readAt));
    const where = ids === 'all' ? mine : and(mine, inArray(inboxItems.id, ids));
    const updated = await this.database.db.update(inboxItems).set({ readAt: sql`now()` }).where(where).returning({ id: inboxItems.id });
    if (ids !== 'all' && updated.length === 0) {
      const [exists] = await this.database.db
        .select({ id: inboxItems.id })
        .from(inboxItems)
        .where(and(eq(inboxItems.userId, userId), inArray(inboxItems.id, ids)));
      if (!exists) throw notFound('Inbox item');
    }
  }
}

/** The first line of a markdown body, without markup, cut at a word. */
function excerpt(markdown: string): string {
  const text = markdown.replace(/[`*_>#\[\]()!~|-]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_CHARS / 2))}…`;
}
