import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './database';
import { ADVISORY_LOCKS } from './advisory-locks';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Applies pending migrations. drizzle's migrator takes no lock, so instances starting together would
 * race: hold a session-level advisory lock on one dedicated connection for the whole run.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.withDedicatedConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${ADVISORY_LOCKS.migrate})`);
    try {
      if (database.driver === 'pglite') await migratePglite(db as never, { migrationsFolder });
      else await migratePg(db as never, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${ADVISORY_LOCKS.migrate})`);
    }
  });
}
