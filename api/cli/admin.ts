// `npm run admin -- <command>`: unattended set-up and maintenance. See README "Administration".
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { newAccount } from '@shared/contract';
import { loadConfig } from '../config';
import { DataDirBusyError, lockDataDir } from '../db/data-dir-lock';
import { openDatabase, pgliteDir } from '../db/database';
import { migrateDatabase } from '../db/migrate';
import { createServices } from '../wiring';

const usage = `Usage:
  npm run admin -- create-admin --email EMAIL [--name NAME] [--password PASSWORD]
      Creates an admin account, or makes an existing account admin with this password.
      Without --password, one is generated and printed.
  npm run admin -- backup --out FILE.tar.gz
      Writes a copy of the embedded (PGlite) database. Stop the API first.
  npm run admin -- restore --from FILE.tar.gz
      Restores a backup into an empty DATA_DIR.

Uses the same DATA_DIR / DATABASE_URL as the API.`;

async function createAdmin(args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });
  const generated = values.password ? undefined : randomBytes(12).toString('base64url');
  const input = newAccount.safeParse({ email: values.email, name: values.name ?? 'Admin', password: values.password ?? generated });
  if (!input.success) throw new Error(input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  await withServices(async (services) => {
    const user = await services.accounts.ensureAdmin(input.data);
    console.log(`Admin ready: ${user.email}${generated ? `  password: ${generated}` : ''}`);
  });
}

async function backup(args: string[]) {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) throw new Error('backup needs --out FILE.tar.gz');
  const { database } = loadConfig();
  if (database.driver !== 'pglite') throw new Error('On PostgreSQL, use pg_dump: the database is not embedded.');
  const release = lockDataDir(database.dataDir);
  try {
    const pglite = await PGlite.create(pgliteDir(database.dataDir));
    const dump = await pglite.dumpDataDir('gzip');
    writeFileSync(values.out, Buffer.from(await dump.arrayBuffer()));
    await pglite.close();
    console.log(`Backup written to ${values.out}. Restore it with: npm run admin -- restore --from ${values.out}`);
  } finally {
    release();
  }
}

async function restore(args: string[]) {
  const { values } = parseArgs({ args, options: { from: { type: 'string' } } });
  if (!values.from) throw new Error('restore needs --from FILE.tar.gz');
  const { database } = loadConfig();
  if (database.driver !== 'pglite') throw new Error('On PostgreSQL, use pg_restore: the database is not embedded.');
  const target = pgliteDir(database.dataDir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(`${target} is not empty: move DATA_DIR aside (or set another DATA_DIR) first, so nothing is overwritten.`);
  }
  const release = lockDataDir(database.dataDir);
  try {
    const pglite = await PGlite.create(target, { loadDataDir: new Blob([readFileSync(values.from)]) });
    await pglite.close();
    console.log(`Restored ${values.from} into ${database.dataDir}.`);
  } finally {
    release();
  }
}

async function withServices(fn: (services: Awaited<ReturnType<typeof createServices>>) => Promise<void>) {
  const config = loadConfig();
  const release = config.database.driver === 'pglite' ? lockDataDir(config.database.dataDir) : () => {};
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database, { searchConfig: config.searchConfig });
    await fn(await createServices(database, config));
  } finally {
    await database.close();
    release();
  }
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = { 'create-admin': createAdmin, backup, restore };
const run = command ? commands[command] : undefined;
if (!run) {
  console.error(usage);
  process.exit(command ? 2 : 0);
}
run(rest).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof DataDirBusyError ? err.message : `admin ${command}: ${(err as Error).message}`);
    process.exit(1);
  },
);
