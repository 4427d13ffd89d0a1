// The outbox: writes the user posted, kept in storage until the API accepts them. The background sends
// them in order; a failure leaves them waiting with a growing delay (a worker restart loses nothing,
// the state is in storage). The API rejecting one (invalid, forbidden) ends its retries: it stays
// visible as rejected so the user can copy or discard it. Each item carries its own Idempotency-Key,
// and its outcome is stored as soon as its answer arrives: a worker stopped in between sends it again,
// which the key makes harmless.
import type { browser } from 'wxt/browser';
import type { OutboxEntry, OutboxItem } from '../../messaging/types';
import { ApiFailure } from '@shared/client';

const KEY = 'outbox';
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 10 * 60_000;

const retryDelay = (attempts: number) => Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);

type Send = (entry: OutboxEntry, key: string) => Promise<void>;

export class Outbox {
  /** One operation at a time: the alarm, a new post and a reopened panel may all ask to flush at once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: typeof browser.storage.local,
    private readonly now: () => number = Date.now,
  ) {}

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<OutboxItem[]> {
    return ((await this.area.get(KEY))[KEY] as OutboxItem[] | undefined) ?? [];
  }

  private write(items: OutboxItem[]) {
    return items.length ? this.area.set({ [KEY]: items }) : this.area.remove(KEY);
  }

  list(): Promise<OutboxItem[]> {
    return this.serial(() => this.read());
  }

  add(entry: OutboxEntry): Promise<OutboxItem> {
    return this.serial(async () => {
      const item: OutboxItem = {
        id: crypto.randomUUID(),
        entry,
        key: crypto.randomUUID(),
        createdAt: this.now(),
        attempts: 0,
        nextAttemptAt: 0,
        lastError: null,
      };
      await this.write([...(await this.read()), item]);
      return item;
    });
  }

  discard(id: string): Promise<void> {
    return this.serial(async () => this.write((await this.read()).filter((i) => i.id !== id)));
  }

  /**
   * Sends the items that are due (all waiting ones with `force`), oldest first, and stops at the first
   * that cannot be sent for a reason that holds for the rest too (server down, session expired).
   * Returns what is still waiting to be retried.
   */
  flush(send: Send, { force = false } = {}): Promise<OutboxItem[]> {
    return this.serial(async () => {
      const items = await this.read();
      let kept = items;
      let blocked = false;
      for (const item of items) {
        const due = force || item.nextAttemptAt <= this.now();
        if (blocked || item.lastError?.kind === 'rejected' || !due) continue;
        let outcome: OutboxItem | null = null; // accepted: it leaves the outbox
        try {
          await send(item.entry, item.key);
        } catch (err) {
          const rejected = err instanceof ApiFailure && err.kind === 'rejected';
          const attempts = item.attempts + 1;
          outcome = {
            ...item,
            attempts,
            nextAttemptAt: this.now() + retryDelay(attempts),
            lastError: { kind: rejected ? 'rejected' : 'retrying', message: err instanceof Error ? err.message : String(err) },
          };
          blocked = !rejected;
        }
        // Stored before the next send: a worker stopped from here on sends this one no more.
        kept = kept.flatMap((i) => (i !== item ? [i] : outcome ? [outcome] : []));
        await this.write(kept);
      }
      return kept.filter((i) => i.lastError?.kind !== 'rejected');
    });
  }
}
