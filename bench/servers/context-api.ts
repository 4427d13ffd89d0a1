// The API under load for the context benchmark, in its own process: a fresh database (PGlite in a
// temp dir, or the PostgreSQL database in DATABASE_URL), seeded at scale, served on a free port.
// Prints one JSON line { port, tokens, urls, scopes, loadMs } when ready: a session for each of several
// people (the admin and members of different teams), so the load mixes what different viewers may see.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app';
import { openDatabase } from '../../api/db/database';
import { migrateDatabase } from '../../api/db/migrate';
import { loadConfig } from '../../api/config';
import { createServices } from '../../api/wiring';
import { seedAtScale } from './seed-scale';

const scopes = Number(process.env.BENCH_SCOPES ?? 100_000);
const viewers = Number(process.env.BENCH_VIEWERS ?? 10);
const url = process.env.DATABASE_URL;
const database = await openDatabase(
  url ? { driver: 'postgres', url, poolSize: 10 } : { driver: 'pglite', dataDir: mkdtempSync(join(tmpdir(), 'alongside-bench-')) },
);
await migrateDatabase(database);
const { urls } = await seedAtScale(database.db, { sites: 20, scopes, users: 500 });
const started = performance.now();
const services = await createServices(database, loadConfig({}));
const loadMs = performance.now() - started;
const people = (await services.accounts.page({ limit: 200 })).items.sort((a, b) => (a.role === 'admin' ? -1 : b.role === 'admin' ? 1 : 0)).slice(0, viewers);
const tokens = await Promise.all(people.map(async (person) => (await services.sessions.create(person.id)).token));
const app = createApp(services);
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ port: info.port, tokens, urls, scopes: services.scopes.size, loadMs }));
});
process.on('SIGTERM', () => void database.close().then(() => process.exit(0)));
