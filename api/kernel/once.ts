// Writes that a client may send again: its outbox retries when it did not hear the answer (the network
// dropped, the worker stopped between sending and recording). A retryable request carries an
// `Idempotency-Key`; the write path records the key with the write's result in the write's own
// transaction, so a resend with the same key finds that result exactly when the first write committed,
// and does nothing again. Keys are per person and kept a day.
import { and, eq, lt } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/database';
import { idempotencyKeys } from '../db/schema';
import { unprocessable } from './errors';

/** A retryable write: who sent it, its key, and what it is (an endpoint and its target), so a key cannot be reused for another. */
export interface Once {
  userId: string;
  key: string;
  operation: string;
}

const KEEP_MS = 24 * 3600 * 1000;

/** The retryable write of a request that sent a key; none without one. */
export const onceFor = (userId: string, key: string | undefined, operation: string): Once | undefined =>
  key ? { userId, key, operation } : undefined;

/**
 * Claims the key for this write, inside its transaction; or, when a write with this key committed before,
 * its result. A concurrent resend waits on the key's row until the first commits (or rolls back).
 */
export async function claim<T>(tx: Tx, once: Once): Promise<{ repeated: false } | { repeated: true; result: T }> {
  const [claimed] = await tx.insert(idempotencyKeys).values(once).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (claimed) return { repeated: false };
  const [earlier] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, once.userId), eq(idempotencyKeys.key, once.key)));
  if (earlier!.operation !== once.operation) {
    throw unprocessable('idempotency_key_reused', 'This Idempotency-Key was used for another request: send a new key for each new write.');
  }
  return { repeated: true, result: earlier!.result as T };
}

/** Records the write's result with its key (a JSON value: ids, not rows). */
export async function remember(tx: Tx, once: Once, result: unknown): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ result: result ?? null })
    .where(and(eq(idempotencyKeys.userId, once.userId), eq(idempotencyKeys.key, once.key)));
}

export async function pruneKeys(db: Queryable): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(Date.now() - KEEP_MS)));
}
