// Several API instances on one PostgreSQL database: migrations race safely, and a write through one
// instance reaches another's cached context through LISTEN/NOTIFY.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { openDatabase, type Database } from '../../api/db/database';
import { migrateDatabase } from '../../api/db/migrate';
import { createServices } from '../../api/wiring';
import { createTestDatabase, postgresAvailable } from '../support/postgres';
import { TestApi, testSettings } from '../support/api-harness';

const hasPostgres = await postgresAvailable();

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!hasPostgres)('two API instances on one PostgreSQL database', () => {
  let pgDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const databases: Database[] = [];
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    pgDb = await createTestDatabase();
    // Three instances start at once: the advisory lock must serialize their migrations.
    const opened = await Promise.all([1, 2, 3].map(() => openDatabase({ driver: 'postgres', url: pgDb.url, poolSize: 3 })));
    databases.push(...opened);
    await Promise.all(opened.map((db) => migrateDatabase(db)));
    const [sa, sb] = await Promise.all([createServices(opened[0]!, testSettings()), createServices(opened[1]!, testSettings())]);
    a = new TestApi('postgres', opened[0]!, sa, createApp(sa));
    b = new TestApi('postgres', opened[1]!, sb, createApp(sb));
  });
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.close()));
    await pgDb?.drop();
  });

  it('applied each migration exactly once, whichever instance got the lock', async () => {
    const journal = JSON.parse(readFileSync(new URL('../../api/db/migrations/meta/_journal.json', import.meta.url), 'utf8'));
    const result = await databases[2]!.db.execute(sql`select count(*)::int as n, count(distinct hash)::int as distinct_n from drizzle.__drizzle_migrations`);
    const { rows } = result as unknown as { rows: Array<{ n: number; distinct_n: number }> };
    expect(rows[0]).toEqual({ n: journal.entries.length, distinct_n: journal.entries.length });
  });

  it('shows on B what was written through A, including sites, scopes, edits and sessions', async () => {
    const admin = await a.signUp('Admin');
    const site = await a.request('POST', '/sites', { token: admin.token, json: { origin: 'https://crm.corp.example', name: 'CRM' } });
    expect(site.status).toBe(201);
    const url = 'https://crm.corp.example/accounts/1';
    const ctx = () => b.request('GET', `/context?url=${encodeURIComponent(url)}`, { token: admin.token });

    const first = await until(ctx, (r) => r.status === 200);
    expect(first.body.notes).toEqual([]); // B has now cached the empty scope list and no content

    const note = await a.request('POST', '/notes', { token: admin.token, json: { pattern: url, body: 'from A' } });
    expect(note.status).toBe(201);
    const seen = await until(ctx, (r) => r.body.notes?.length === 1);
    expect(seen.body.notes[0].body).toBe('from A');

    await a.request('PATCH', `/notes/${note.body.id}`, { token: admin.token, json: { body: 'edited on A' } });
    const edited = await until(ctx, (r) => r.body.notes?.[0]?.body === 'edited on A');
    expect(edited.body.notes[0].body).toBe('edited on A');

    await a.request('POST', '/auth/signout', { token: admin.token });
    const revoked = await until(ctx, (r) => r.status === 401);
    expect(revoked.status).toBe(401);
  });

  it('sets up the same admin from two instances starting at once (ALONGSIDE_ADMIN_*): both succeed, one account', async () => {
    const admin = { email: 'root@corp.example', name: 'Root', password: 'correct horse battery' };
    for (let round = 0; round < 3; round++) {
      const rows = await Promise.all([a.services.accounts.ensureAdmin(admin), b.services.accounts.ensureAdmin(admin)]);
      expect(rows.map((r) => r.role)).toEqual(['admin', 'admin']);
    }
    const result = await databases[2]!.db.execute(sql`select count(*)::int as n from users where lower(email) = 'root@corp.example'`);
    expect((result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(1);
  });
});
