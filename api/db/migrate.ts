import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database, Db } from './database';
import { ADVISORY_LOCKS } from './advisory-locks';
import { DEFAULT_SEARCH_CONFIG, SEARCHED, type SearchedTable } from './search-columns';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Applies pending migrations, then the search configuration (search-columns.ts). drizzle's migrator takes
 * no lock, so instances starting together would race: hold a session-level advisory lock on one
 * dedicated connection for the whole run.
 */
export async function migrateDatabase(database: Database, options: { searchConfig?: string } = {}): Promise<void> {
  await database.withDedicatedConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${ADVISORY_LOCKS.migrate})`);
    try {
      if (database.driver === 'pglite') await migratePglite(db as never, { migrationsFolder });
      else await migratePg(db as never, { migrationsFolder });
      await applySearchConfig(db, options.searchConfig ?? DEFAULT_SEARCH_CONFIG);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${ADVISORY_LOCKS.migrate})`);
    }
  });
}

/** Both drivers answer a raw query with its rows in `rows`. */
const rows = async (query: Promise<unknown>) => ((await query) as { rows: Array<Record<string, unknown>> }).rows;

/** The configuration each table's search column is generated with now (one catalog query: information_schema is slow). */
async function configsNow(db: Db): Promise<Map<string, string | null>> {
  const found = await rows(
    db.execute(sql`
      select c.relname as table, pg_get_expr(d.adbin, d.adrelid) as expr
      from pg_attrdef d
        join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
        join pg_class c on c.oid = d.adrelid
      where a.attname = 'search' and c.relname in (${sql.join(Object.keys(SEARCHED).map((t) => sql`${t}`), sql`, `)})`),
  );
  return new Map(found.map((r) => [String(r.table), /'(\w+)'::regconfig/.exec(String(r.expr))?.[1] ?? null]));
}

/**
 * The search columns with the configuration `config` (search-columns.ts): made again where they were
 * generated with another (each table rewritten once; under the migration lock, so once for instances
 * starting together).
 */
export async function applySearchConfig(db: Db, config: string): Promise<void> {
  if (!(await rows(db.execute(sql`select 1 from pg_ts_config where cfgname = ${config}`))).length) {
    throw new Error(`SEARCH_CONFIG: this database has no text search configuration "${config}" (see: select cfgname from pg_ts_config).`);
  }
  const now = await configsNow(db);
  for (const table of Object.keys(SEARCHED) as SearchedTable[]) {
    if (now.get(table) === config) continue;
    console.log(`[search] making the search column of ${table} with the "${config}" configuration`);
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`alter table "${table}" drop column "search"`));
      await tx.execute(sql.raw(`alter table "${table}" add column "search" tsvector generated always as (${SEARCHED[table](config)}) stored`));
      await tx.execute(sql.raw(`create index "${table}_search_idx" on "${table}" using gin ("search")`));
    });
  }
}
