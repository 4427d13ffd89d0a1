// Two real API processes on one PostgreSQL database: a write through A reaches an event stream held by B
// (and the other way round) through LISTEN/NOTIFY, and a process with open streams still stops cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseClient } from '../support/api-harness';
import { listening, startApiProcess, type ApiProcess } from '../support/api-process';
import { createTestDatabase, postgresAvailable } from '../support/postgres';

const hasPostgres = await postgresAvailable();
const call = async (base: string, method: string, path: string, token?: string, json?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  const body = (await res.json()) as any;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
};

describe.skipIf(!hasPostgres)('live events across two API processes on one PostgreSQL database', () => {
  let pgDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: ApiProcess;
  let b: ApiProcess;
  const port = 19_000 + Math.floor(Math.random() * 1000);

  beforeAll(async () => {
    pgDb = await createTestDatabase();
    const env = { DATABASE_URL: pgDb.url, DB_POOL_SIZE: '3' };
    a = startApiProcess({ ...env, PORT: String(port), ALONGSIDE_ADMIN_EMAIL: 'root@corp.example', ALONGSIDE_ADMIN_PASSWORD: 'correct horse battery' });
    await listening(a);
    b = startApiProcess({ ...env, PORT: String(port + 1) });
    await listening(b);
  }, 120_000);

  afterAll(async () => {
    for (const p of [a, b]) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
    await pgDb?.drop();
  });

  it('delivers a write through A to a stream on B, and one through B to a stream on A; both stop cleanly with streams open', async () => {
    const { token } = await call(a.base, 'POST', '/auth/signin', undefined, { email: 'root@corp.example', password: 'correct horse battery' });
    await call(a.base, 'POST', '/sites', token, { origin: 'https://crm.corp.example', name: 'CRM' });
    const pageUrl = encodeURIComponent('https://crm.corp.example/accounts/1');
    const open = async (p: ApiProcess) => {
      const res = await fetch(`${p.base}/events?url=${pageUrl}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const client = new SseClient(res);
      await client.waitFor((e) => e.event === 'ready', 10_000);
      return client;
    };
    // B may not know the site yet for a few milliseconds: wait until its context answers.
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${b.base}/context?url=${pageUrl}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status === 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const onB = await open(b);
    const onA = await open(a);

    const fromA = await call(a.base, 'POST', '/notes', token, { pattern: 'https://crm.corp.example/accounts/:id', body: 'written on A' });
    const got = await onB.waitFor((e) => e.event === 'note.created' && e.data.data.noteId === fromA.id, 10_000);
    expect(got.data.data.pattern).toBe('https://crm.corp.example/accounts/:id');

    const fromB = await call(b.base, 'POST', '/notes', token, { pattern: 'https://crm.corp.example/accounts/*', body: 'written on B' });
    await onA.waitFor((e) => e.event === 'note.created' && e.data.data.noteId === fromB.id, 10_000);
    // Both streams saw both, once each, in the same order.
    const seen = (c: SseClient) => c.content.filter((e) => e.event === 'note.created').map((e) => e.id);
    await onB.waitFor((e) => e.data.data?.noteId === fromB.id, 10_000);
    await onA.waitFor((e) => e.data.data?.noteId === fromA.id, 10_000);
    expect(seen(onA)).toEqual(seen(onB));
    expect(new Set(seen(onA)).size).toBe(2);

    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    await onB.waitFor((e) => e.event === 'end', 10_000);
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
  }, 90_000);
});
