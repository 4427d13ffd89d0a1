// A fresh PGlite database for a test, already migrated, in under a second: creating one from nothing
// (its initdb) takes 3 to 5 s on this machine, and the suites open one per file, about a hundred in a
// run. The first suite to need it migrates a database and dumps it to a file in the temporary folder,
// named for the migrations and PGlite's version (a changed migration makes a new one); every suite
// after that loads the dump. The migrations still run on each (finding nothing to do), and the
// migration suites themselves start from an empty database.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteDatabase, type Database } from '../../api/db/database';
import { migrateDatabase } from '../../api/db/migrate';

const MIGRATIONS = resolve(import.meta.dirname, '../../api/db/migrations');

function templatePath(): string {
  const hash = createHash('sha256');
  const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  hash.update(version);
  for (const dir of [MIGRATIONS, join(MIGRATIONS, 'meta')]) {
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.sql') || name.endsWith('.json')) hash.update(name).update(readFileSync(join(dir, name)));
  }
  return join(tmpdir(), `alongside-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

async function makeTemplate(path: string): Promise<void> {
  const database = pgliteDatabase(await PGlite.create());
  try {
    await migrateDatabase(database);
    const dump = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
    // Written aside and renamed: suites starting at once in other workers never read half a file.
    const partial = `${path}.${process.pid}.part`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  } finally {
    await database.close();
  }
}

/** A new in-memory PGlite database with every migration applied. */
export async function freshPglite(): Promise<Database> {
  const path = templatePath();
  if (!existsSync(path)) await makeTemplate(path);
  const database = pgliteDatabase(await PGlite.create({ loadDataDir: new Blob([readFileSync(path)]) }));
  await migrateDatabase(database);
  return database;
}
