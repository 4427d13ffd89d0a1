// Runs an API suite once per database driver: embedded PGlite and real PostgreSQL. Each run gets a
// fresh, migrated database and the real app, called over HTTP semantics with app.request().
import { afterAll, beforeAll, describe } from 'vitest';
import { createApp } from '../../api/app';
import { openDatabase, type Database } from '../../api/db/database';
import { applySearchConfig, migrateDatabase } from '../../api/db/migrate';
import { loadConfig, type Settings } from '../../api/config';
import { createServices, type Services } from '../../api/wiring';
import { createTestDatabase, postgresAvailable } from './postgres';
import { freshPglite } from './pglite-template';

export type Driver = 'pglite' | 'postgres';

/** The settings of a default server (an empty environment), as the tests run it: behind a trusted proxy, so
 * each request can come from its own address. */
export const testSettings = (overrides: Partial<Settings> = {}): Settings => ({ ...loadConfig({}), trustProxy: true, ...overrides });

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
export async function startTestApi(driver: Driver, options: Partial<Settings> = {}) {
  const pgDb = driver === 'postgres' ? await createTestDatabase() : undefined;
  const database = pgDb ? await openDatabase({ driver: 'postgres', url: pgDb.url, poolSize: 5 }) : await freshPglite();
  const settings = testSettings(options);
  try {
    // A fresh PGlite comes migrated (pglite-template.ts); the search configuration is applied on both.
    if (pgDb) await migrateDatabase(database, { searchConfig: settings.searchConfig });
    else await applySearchConfig(database.db, settings.searchConfig);
  } catch (err) {
    await database.close();
    await pgDb?.drop();
    throw err;
  }
  const services = await createServices(database, settings);
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
  options: Partial<Settings> = {},
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

export interface SseEvent {
  id?: string;
  event: string;
  data: any;
}

/** Reads a text/event-stream response: every event, in order, and waits for the ones a test expects. */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly ended: Promise<void>;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private wake: () => void = () => {};
  private done = false;

  constructor(readonly response: Response) {
    this.reader = response.body!.getReader();
    this.ended = this.pump();
  }

  private async pump(): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await this.reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event: SseEvent = { event: 'message', data: undefined };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':') || line === '') continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') event.id = value;
            else if (field === 'event') event.event = value;
            else if (field === 'data') data.push(value);
          }
          if (data.length === 0) continue;
          event.data = JSON.parse(data.join('\n'));
          this.events.push(event);
          this.wake();
        }
      }
    } catch {
      // cancelled
    } finally {
      this.done = true;
      this.wake();
    }
  }

  /** The first event (in arrival order) that matches, waiting up to `ms` for it. */
  async waitFor(match: (e: SseEvent) => boolean, ms = 5000): Promise<SseEvent> {
    const end = Date.now() + ms;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (this.done) throw new Error(`stream ended without the event; got ${JSON.stringify(this.events)}`);
      const left = end - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for an event; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Content events only (not ready/reset/end). */
  get content(): SseEvent[] {
    return this.events.filter((e) => !['ready', 'reset', 'end'].includes(e.event));
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }
}

/** Opens GET /events on the in-process app; the stream is ready (replay done) when this resolves. */
export async function openEvents(
  api: TestApi,
  query: string,
  options: { token?: string; lastEventId?: string } = {},
): Promise<{ status: number; client?: SseClient; body?: any }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
  const res = await api.app.request(`/api/v1/events${query}`, { headers });
  if (res.status !== 200) return { status: res.status, body: await res.json() };
  const client = new SseClient(res);
  await client.waitFor((e) => e.event === 'ready');
  return { status: 200, client };
}
