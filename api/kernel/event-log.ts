// The event log behind live updates and webhooks. Every write that others should hear about reports an
// event through the write path's `emit` (write-path.ts); the events are inserted in the same transaction, so they exist
// exactly when the change committed. Event ids are the server-sent event ids, and they must grow in
// commit order (a stream that sent id 11 must never later find a 10): the inserts take a transaction-level
// advisory lock, held until commit, so no transaction can take an id below one already visible.
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { EventKind, Visibility } from '@shared/contract';
import type { Queryable, Tx } from '../db/database';
import { answers, events, notes, questions, webhookDeliveries, webhooks } from '../db/schema';
import { ADVISORY_LOCKS } from '../db/advisory-locks';
import { sharedWithEveryone, type Sharing } from './access';

export interface NewEvent {
  kind: EventKind;
  /** Content events: the scope whose pages show the content. */
  scopeId?: string;
  /** Personal events (inbox counts): the one person who gets it. */
  userId?: string;
  /** Who may see a content event: the content's author and sharing. */
  authorId?: string;
  visibility?: Visibility;
  teamId?: string | null;
  data: Record<string, unknown>;
}

export type EventRow = typeof events.$inferSelect;

/** A content event for an item with the usual sharing facts. */
export const contentEvent = (
  kind: EventKind,
  item: { scopeId: string; authorId: string; visibility: Visibility; teamId: string | null },
  data: Record<string, unknown>,
): NewEvent => ({ kind, scopeId: item.scopeId, authorId: item.authorId, visibility: item.visibility, teamId: item.teamId, data });

/** Inserts the events (and their webhook deliveries) inside the writing transaction; returns the highest id. */
export async function recordEvents(tx: Tx, newEvents: NewEvent[]): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.events})`);
  const rows = await tx
    .insert(events)
    .values(
      newEvents.map((e) => ({
        kind: e.kind,
        scopeId: e.scopeId ?? null,
        userId: e.userId ?? null,
        authorId: e.authorId ?? null,
        visibility: e.visibility ?? null,
        teamId: e.teamId ?? null,
        data: e.data,
      })),
    )
    .returning({ id: events.id, kind: events.kind, visibility: events.visibility, userId: events.userId });
  // Webhooks get only content events that everyone in the organisation may see.
  const shareable = rows.filter((r) => r.userId === null && r.visibility !== null && sharedWithEveryone({ visibility: r.visibility }));
  if (shareable.length > 0) {
    const hooks = await tx.select({ id: webhooks.id, kinds: webhooks.kinds }).from(webhooks).where(eq(webhooks.active, true));
    const deliveries = shareable.flatMap((r) => hooks.filter((h) => h.kinds.includes(r.kind)).map((h) => ({ webhookId: h.id, eventId: Number(r.id) })));
    if (deliveries.length > 0) await tx.insert(webhookDeliveries).values(deliveries);
  }
  return Math.max(...rows.map((r) => Number(r.id)));
}

/** Events after `afterId`, in id order; optionally only those for some scopes or one person. */
export async function eventsAfter(
  db: Queryable,
  afterId: number,
  limit: number,
  only?: { scopeIds: string[]; userId: string },
): Promise<EventRow[]> {
  const forViewer = only
    ? or(eq(events.userId, only.userId), only.scopeIds.length > 0 ? and(isNull(events.userId), inArray(events.scopeId, only.scopeIds)) : undefined)
    : undefined;
  const rows = await db
    .select()
    .from(events)
    .where(and(gt(events.id, afterId), forViewer))
    .orderBy(events.id)
    .limit(limit);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function eventBounds(db: Queryable): Promise<{ min: number; max: number }> {
  const [row] = await db.select({ min: sql<string | null>`min(${events.id})`, max: sql<string | null>`max(${events.id})` }).from(events);
  return { min: Number(row?.min ?? 0), max: Number(row?.max ?? 0) };
}

/** Events are kept a day: enough to resume a stream, and webhooks' deliveries keep their own rows. */
const EVENT_RETENTION_MS = 24 * 3600 * 1000;

/** Deletes events older than a day, in a transaction of the write path (passed in: it records events itself). */
export async function pruneEvents(writes: { write: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> }): Promise<void> {
  await writes.write(async (tx) => {
    await tx.delete(events).where(sql`${events.createdAt} < ${new Date(Date.now() - EVENT_RETENTION_MS)}`);
  });
}

/** The note or question a content event is about (answers and votes on answers: their question). */
function itemOf(event: EventRow): { note: string } | { question: string } | { answer: string } | null {
  const data = event.data as Record<string, unknown>;
  if (event.kind === 'vote.changed') {
    const id = String(data.id);
    return data.kind === 'notes' ? { note: id } : data.kind === 'questions' ? { question: id } : { answer: id };
  }
  if (typeof data.noteId === 'string') return { note: data.noteId };
  if (typeof data.questionId === 'string') return { question: data.questionId };
  return null;
}

/**
 * The sharing that the items of these content events have now (null: the item is gone). A replay shows a
 * missed event only to someone who may still see its item: the event's own sharing is as it was then,
 * and the person's teams are as they are now, which together could show what was never theirs to see.
 */
export async function sharingNow(db: Queryable, batch: EventRow[]): Promise<Map<number, Sharing | null>> {
  const items = new Map(batch.map((e) => [e.id, itemOf(e)] as const));
  const ids = (key: 'note' | 'question' | 'answer') => [...new Set([...items.values()].flatMap((i) => (i && key in i ? [(i as Record<string, string>)[key]!] : [])))];
  const columns = { authorId: questions.authorId, visibility: questions.visibility, teamId: questions.teamId };
  const [noteRows, questionRows, answerRows] = await Promise.all([
    ids('note').length ? db.select({ id: notes.id, authorId: notes.authorId, visibility: notes.visibility, teamId: notes.teamId }).from(notes).where(inArray(notes.id, ids('note'))) : [],
    ids('question').length ? db.select({ id: questions.id, ...columns }).from(questions).where(inArray(questions.id, ids('question'))) : [],
    ids('answer').length
      ? db.select({ id: answers.id, ...columns }).from(answers).innerJoin(questions, eq(questions.id, answers.questionId)).where(inArray(answers.id, ids('answer')))
      : [],
  ]);
  const byId = new Map<string, Sharing>([...noteRows, ...questionRows, ...answerRows].map(({ id, ...sharing }) => [id, sharing]));
  const now = new Map<number, Sharing | null>();
  for (const [eventId, item] of items) {
    if (item) now.set(eventId, byId.get(Object.values(item)[0]!) ?? null);
  }
  return now;
}
