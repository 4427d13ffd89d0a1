// Runs an API suite once per database driver: embedded PGlite and real PostgreSQL. Each run gets a
// fresh, migrated database and the real app, called over HTTP semantics with app.request().
import { afterAll, beforeAll, describe } from 'vitest';
import { createApp } from '../../api/app';
import { openDatabase, type Database } from '../../api/db/database';
import { migrateDatabase } from '../../api/db/migrate';
import { createServices, defaultServiceOptions, type ServiceOptions, type Services } from '../../api/services';
import { createTestDatabase, postgresAvailable } from './postgres';

export type Driver = 'pglite' | 'postgres';

const hasPostgres = await postgresAvailable();

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Account {
  token: string;
  user: { id: string; email: string; name: string; role: string };
}

export class TestApi {
  private counter = 0;
  constructor(
    readonly driver: Driver,
    readonly database: Database,
    readonly services: Services,
    readonly app: ReturnType<typeof createApp>,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    options: { token?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    // Each request comes from its own address unless a test says otherwise, so per-address sign-in
    // limits do not couple unrelated tests (the harness runs with trustProxy).
    const headers: Record<string, string> = { 'x-forwarded-for': `198.51.${(this.counter >> 8) & 255}.${this.counter++ & 255}`, ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await this.app.request(`/api/v1${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (the docs page): keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** Signs up a new account with a unique email. The very first one in a database is the admin. */
  async signUp(name = 'User'): Promise<Account> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${++this.counter}.${Date.now()}@corp.example`;
    const res = await this.request('POST', '/auth/signup', { json: { email, name, password: 'correct horse battery' } });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { token: res.body.token, user: res.body.user };
  }
}

/** Opens a fresh database of the driver with the app on it; returns the API and its teardown. */
export async function startTestApi(driver: Driver, options: Partial<ServiceOptions> = {}) {
  const pgDb = driver === 'postgres' ? await createTestDatabase() : undefined;
  const database = await openDatabase(pgDb ? { driver: 'postgres', url: pgDb.url, poolSize: 5 } : { driver: 'pglite' });
  await migrateDatabase(database);
  const services = await createServices(database, { ...defaultServiceOptions, trustProxy: true, ...options });
  const api = new TestApi(driver, database, services, createApp(services));
  return {
    api,
    url: pgDb?.url,
    async stop() {
      await database.close();
      await pgDb?.drop();
    },
  };
}

/**
 * `describeEachDatabase('notes', (api) => { it(...) })`: the suite runs against PGlite and PostgreSQL.
 * `api()` returns the TestApi of the running variant.
 */
export function describeEachDatabase(
  name: string,
  suite: (api: () => TestApi) => void,
  options: Partial<ServiceOptions> = {},
): void {
  for (const driver of ['pglite', 'postgres'] as const) {
    describe.skipIf(driver === 'postgres' && !hasPostgres)(`${name} [${driver}]`, () => {
      let started: Awaited<ReturnType<typeof startTestApi>> | undefined;
      beforeAll(async () => {
        started = await startTestApi(driver, options);
      });
      afterAll(async () => {
        await started?.stop();
      });
      suite(() => started!.api);
    });
  }
}
