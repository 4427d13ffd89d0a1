// `npm start`: open the database (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL), migrate, serve.
import { serve } from '@hono/node-server';
import { API_BASE, createApp } from './app';
import { loadConfig } from './config';
import { DataDirBusyError, lockDataDir } from './db/data-dir-lock';
import { openDatabase } from './db/database';
import { answerClientErrors } from './http/client-errors';
import { migrateDatabase } from './db/migrate';
import { startJobs } from './jobs';
import { createServices } from './wiring';

async function main() {
  const config = loadConfig();
  const { database: dbConfig } = config;
  const releaseDataDir = dbConfig.driver === 'pglite' ? lockDataDir(dbConfig.dataDir) : () => {};
  const database = await openDatabase(dbConfig);
  await migrateDatabase(database, { searchConfig: config.searchConfig });
  const services = await createServices(database, config);
  if (config.admin) {
    await services.accounts.ensureAdmin(config.admin).catch((err: Error) => {
      throw new Error(`ALONGSIDE_ADMIN_PASSWORD: ${err.message.replace(/^password: /, '')}`);
    });
  }

  const stopJobs = startJobs(services);
  const app = createApp(services);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    const base = `http://${host}:${info.port}`;
    const where = dbConfig.driver === 'pglite' ? `PGlite in ${dbConfig.dataDir}` : 'PostgreSQL (DATABASE_URL)';
    console.log(`Alongside API listening on ${base}${API_BASE} (database: ${where})`);
    console.log(`  API docs:  ${base}${API_BASE}/docs`);
    console.log(`  Next: create the first account (it becomes admin): open the extension's options page and sign up,`);
    console.log(`        or run: npm run admin -- create-admin --email you@corp.example --name "You"`);
  });

  answerClientErrors(server);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing connections and the database...`);
    stopJobs();
    services.live.close(); // ends open event streams (with an `end` event), or server.close() would wait forever
    // Let finished responses flush (up to a second), then cut whatever is left.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      setTimeout(resolve, 1_000).unref();
    });
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    await database.close();
    releaseDataDir();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof DataDirBusyError) console.error(err.message);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
