// The API under load for the context benchmark, in its own process: a fresh database (PGlite in a
// temp dir, or the PostgreSQL database in DATABASE_URL), seeded at scale, served on a free port.
// Prints one JSON line { port, token, urls, scopes, loadMs } when ready.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app';
import { openDatabase } from '../../api/db/database';
import { migrateDatabase } from '../../api/db/migrate';
import { createServices } from '../../api/services';
import { seedAtScale } from './seed-scale';

const scopes = Number(process.env.BENCH_SCOPES ?? 100_000);
const url = process.env.DATABASE_URL;
const database = await openDatabase(
  url ? { driver: 'postgres', url, poolSize: 10 } : { driver: 'pglite', dataDir: mkdtempSync(join(tmpdir(), 'alongside-bench-')) },
);
await migrateDatabase(database);
const { urls } = await seedAtScale(database.db, { sites: 20, scopes, users: 500 });
const started = performance.now();
const services = await createServices(database);
const loadMs = performance.now() - started;
const admin = (await services.accounts.list()).find((u) => u.role === 'admin')!;
const { token } = await services.sessions.create(admin.id);
const app = createApp(services);
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ port: info.port, token, urls, scopes: services.scopes.size, loadMs }));
});
process.on('SIGTERM', () => void database.close().then(() => process.exit(0)));
