// One handle over either driver: embedded PGlite (default) or PostgreSQL (DATABASE_URL). Both speak the
// same pg-core schema; the differences (connections, LISTEN, closing) stay in this file.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction on it: services accept both. */
export type Queryable = Db | Tx;

export interface Database {
  readonly driver: 'pglite' | 'postgres';
  readonly db: Db;
  /**
   * Calls `onPayload` for every NOTIFY on `channel`, from any instance. `onResync` runs after a lost
   * listener connection is re-established: notifications may have been missed, so caches must drop.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResync?: () => void): Promise<void>;
  /** A connection of its own (PostgreSQL) for session-level locks; PGlite has only one. */
  withDedicatedConnection<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type DatabaseConfig =
  | { driver: 'pglite'; dataDir?: string /* undefined: in memory */ }
  | { driver: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.driver === 'pglite' ? openPglite(config.dataDir) : openPostgres(config.url, config.poolSize ?? 10);
}

/** PGlite's own files live in DATA_DIR/pgdata; DATA_DIR also holds the process lock. */
export const pgliteDir = (dataDir: string) => join(dataDir, 'pgdata');

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return pgliteDatabase(await PGlite.create(dataDir && pgliteDir(dataDir)));
}

/** The handle over a PGlite instance already open (a fresh one, or one loaded from a dump of another). */
export function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const unlisteners: Array<() => Promise<void>> = [];
  return {
    driver: 'pglite',
    db,
    async listen(channel, onPayload) {
      unlisteners.push(await client.listen(channel, onPayload));
    },
    withDedicatedConnection: (fn) => fn(db),
    async close() {
      for (const unlisten of unlisteners) await unlisten();
      await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.error(`[db] idle connection lost: ${err.message}`));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  await pool.query('select 1'); // fail fast with a clear message on a wrong DATABASE_URL
  const listeners: PgListener[] = [];
  return {
    driver: 'postgres',
    db,
    async listen(channel, onPayload, onResync) {
      const listener = new PgListener(url, channel, onPayload, onResync);
      listeners.push(listener);
      await listener.start();
    },
    async withDedicatedConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(drizzlePg({ client, schema }) as unknown as Db);
      } finally {
        client.release();
      }
    },
    async close() {
      await Promise.all(listeners.map((l) => l.stop()));
      await pool.end();
    },
  };
}

/** One dedicated connection per channel that LISTENs, and re-listens with backoff when it drops. */
class PgListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryMs = 100;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onPayload: (payload: string) => void,
    private readonly onResync: (() => void) | undefined,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      if (msg.channel === this.channel) this.onPayload(msg.payload ?? '');
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    this.client = client;
    this.retryMs = 100;
  }

  private reconnect(dead: pg.Client): void {
    if (this.stopped || this.client !== dead) return;
    this.client = undefined;
    dead.removeAllListeners();
    dead.on('error', () => {}); // a dead client may still emit
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    setTimeout(() => {
      if (this.stopped) return;
      this.start().then(
        () => this.onResync?.(),
        (err: Error) => {
          console.error(`[db] LISTEN ${this.channel} reconnect failed: ${err.message}`);
          this.retryMs = Math.min(this.retryMs * 2, 5_000);
          this.scheduleRestart();
        },
      );
    }, this.retryMs).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
