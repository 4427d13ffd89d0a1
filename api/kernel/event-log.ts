// The event log behind live updates and webhooks. Every write that others should hear about reports an
// event through the write path's `emit` (write-path.ts); the events are inserted in the same transaction, so they exist
// exactly when the change committed. Event ids are the server-sent event ids, and they must grow in
// commit order (a stream that sent id 11 must never later find a 10): the inserts take a transaction-level
// advisory lock, held until commit, so no transaction can take an id below one already visible.
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { EventKind, Visibility } from '@shared/contract';
import type { Queryable, Tx } from '../db/database';
import { events, webhookDeliveries, webhooks } from '../db/schema';
import { ADVISORY_LOCKS } from '../db/advisory-locks';
import { sharedWithEveryone } from './access';

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
export const EVENT_RETENTION_MS = 24 * 3600 * 1000;

/** Deletes events older than a day, in a transaction of the write path (passed in: it records events itself). */
export async function pruneEvents(writes: { write: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> }): Promise<void> {
  await writes.write(async (tx) => {
    await tx.delete(events).where(sql`${events.createdAt} < ${new Date(Date.now() - EVENT_RETENTION_MS)}`);
  });
}
