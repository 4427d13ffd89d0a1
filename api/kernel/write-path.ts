// The write path, the heart of the API: every write runs here, in one transaction with what it changed
// (the cache invalidations every instance must apply) and what it emitted (the events of the event log,
// behind live streams and webhooks). Changes are sent with pg_notify inside that transaction, so they are
// delivered only if it commits; the writer also applies them locally right after commit, so its own next
// read is fresh without a round trip. Other instances' changes arrive through LISTEN.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/database';
import { recordEvents, type NewEvent } from './event-log';
import { claim, remember, type Once } from './once';

export type Change =
  | { t: 'scope'; id: string } // content attached to a scope changed
  | { t: 'scope-added'; id: string; siteId: string; pattern: string }
  | { t: 'sites' } // a site was added or changed
  | { t: 'site-removed'; id: string } // ... or removed, with its scopes
  | { t: 'session-revoked'; tokenHash: string; sessionId?: string }
  | { t: 'events'; maxId: number } // events up to this id were committed (see event-log.ts)
  | { t: 'user'; id: string } // role or team memberships changed
  | { t: 'all' }; // anything: drop every cache

const CHANNEL = 'alongside_changes';

/** Reports an event inside a write; it is recorded in the same transaction. */
export type Emit = (event: NewEvent) => void;
/** Reports what a write changed, for the caches of every instance. */
export type Changed = (change: Change) => void;

export class WritePath {
  private readonly instance = randomUUID();
  private readonly handlers: Array<(change: Change) => void> = [];

  constructor(private readonly database: Database) {}

  /** Starts receiving other instances' changes. A lost connection means missed changes: drop all. */
  async start(): Promise<void> {
    await this.database.listen(
      CHANNEL,
      (payload) => {
        const { from, changes } = JSON.parse(payload) as { from: string; changes: Change[] };
        if (from !== this.instance) changes.forEach((change) => this.apply(change));
      },
      () => this.apply({ t: 'all' }),
    );
  }

  subscribe(handler: (change: Change) => void): void {
    this.handlers.push(handler);
  }

  /**
   * Runs `fn` in a transaction; what it reports through `changed` reaches every instance on commit. What it
   * reports through `emit` is recorded in the events table in the same transaction (server-sent events,
   * webhooks), and the NOTIFY carries only the highest new event id. A retryable write (`once`, see
   * once.ts) that committed before returns its first result and does nothing again.
   */
  async write<T>(fn: (tx: Tx, changed: Changed, emit: Emit) => Promise<T>, once?: Once): Promise<T> {
    const changes: Change[] = [];
    const newEvents: NewEvent[] = [];
    const result = await this.database.db.transaction(async (tx) => {
      if (once) {
        const claimed = await claim<T>(tx, once);
        if (claimed.repeated) return claimed.result;
      }
      const value = await fn(
        tx,
        (change) => changes.push(change),
        (event) => newEvents.push(event),
      );
      if (once) await remember(tx, once, value);
      if (newEvents.length > 0) changes.push({ t: 'events', maxId: await recordEvents(tx, newEvents) });
      if (changes.length > 0) {
        let payload = JSON.stringify({ from: this.instance, changes });
        // NOTIFY payloads must stay under 8000 bytes; a huge batch degrades to "drop everything".
        if (Buffer.byteLength(payload) > 7000) payload = JSON.stringify({ from: this.instance, changes: [{ t: 'all' }] });
        await tx.execute(sql`select pg_notify(${CHANNEL}, ${payload})`);
      }
      return value;
    });
    changes.forEach((change) => this.apply(change));
    return result;
  }

  private apply(change: Change): void {
    for (const handler of this.handlers) handler(change);
  }
}
