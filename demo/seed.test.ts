// The demo seed against the real API over real HTTP, on an in-memory PGlite: it must seed, be safe to
// run again, and leave content the extension would show on the demo app's pages.
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app';
import { openDatabase, type Database } from '../api/db/database';
import { migrateDatabase } from '../api/db/migrate';
import { loadConfig } from '../api/config';
import { createServices } from '../api/wiring';
import type { PageContext, Session } from '@shared/contract';
import { DEMO_PASSWORD, seedDemo, type SeedResult } from './seed';

// Any origin will do: the seed only registers it. A port in it proves patterns are built from it.
const APP = 'http://127.0.0.1:18421';

describe('demo seed', () => {
  let database: Database;
  let server: ServerType;
  let apiBase: string;
  let first: SeedResult;

  beforeAll(async () => {
    database = await openDatabase({ driver: 'pglite' });
    await migrateDatabase(database);
    const app = createApp(await createServices(database, loadConfig({})));
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    apiBase = `http://127.0.0.1:${address.port}/api/v1`;
    first = await seedDemo(apiBase, APP);
  });

  afterAll(async () => {
    server?.close();
    await database?.close();
  });

  const call = async <T>(path: string, token?: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${apiBase}${path}`, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...init.headers },
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const signIn = async (email: string) => {
    const res = await call<Session>('/auth/signin', undefined, { method: 'POST', body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    expect(res.status).toBe(200);
    return res.body;
  };
  const personNamed = (name: string) => first.people.find((p) => p.name === name)!;
  const context = async (token: string, path: string) => {
    const res = await call<PageContext>(`/context?url=${encodeURIComponent(APP + path)}`, token);
    expect(res.status, path).toBe(200);
    return res.body;
  };

  it('returns the demo credentials, the admin included', async () => {
    expect(first.people.length).toBeGreaterThanOrEqual(5);
    const admin = await signIn(first.admin.email);
    expect(admin.user.role).toBe('admin');
    for (const person of first.people) expect(person.password).toBe(DEMO_PASSWORD);
  });

  it('fills an account page with notes, tips, questions and experts, tracking parameters stripped', async () => {
    const hannah = await signIn(personNamed('Hannah Cho').email);
    const page = await context(hannah.token, '/accounts/1004?session=abc123&utm_source=mail');
    expect(page.pageKey).toBe(`${APP}/accounts/1004`);
    expect(page.screen).toBe('Account');
    expect(page.counts.notes).toBeGreaterThanOrEqual(2);
    expect(page.counts.tips).toBe(2);
    const tip = page.notes.find((n) => n.anchor?.selector.some((s) => s.type === 'CssSelector' && s.value === '[data-testid="send-invoice"]'));
    expect(tip?.author.name).toBe('Sofia Lindqvist');
    expect(tip?.score).toBe(3);
    expect(page.questions.length).toBeGreaterThanOrEqual(1);
    const merge = page.questions.find((q) => q.title.startsWith('When do I merge'));
    expect(merge).toMatchObject({ status: 'answered', answerCount: 2 });
    expect(page.experts.map((e) => e.user.name)).toEqual(['Marcus Oyelaran', 'Priya Raman']);
  });

  it('keeps the tab query parameter and names the other screens', async () => {
    const { token } = await signIn(personNamed('Priya Raman').email);
    const atRisk = await context(token, '/accounts?sort=name&tab=at-risk');
    expect(atRisk.pageKey).toBe(`${APP}/accounts?tab=at-risk`);
    expect(atRisk.notes.some((n) => n.body.includes('save plan'))).toBe(true);
    expect((await context(token, '/accounts/1004/orders')).screen).toBe('Account orders');
    const ticket = await context(token, '/tickets/4203');
    expect(ticket.screen).toBe('Ticket');
    expect(ticket.experts.map((e) => e.user.name)).toContain('Tomás Ferreira');
    const report = await context(token, '/legacy/#/reports/7');
    expect(report.screen).toBe('Report');
    expect(report.notes).toHaveLength(1);
  });

  it('shows private and team content only to whom it is shared with', async () => {
    const hannah = await signIn(personNamed('Hannah Cho').email); // Sales EMEA
    const tomas = await signIn(personNamed('Tomás Ferreira').email); // Customer Support
    const forHannah = await context(hannah.token, '/accounts/1004');
    const forTomas = await context(tomas.token, '/accounts/1004');
    const checklist = (p: PageContext) => p.notes.filter((n) => n.body.startsWith('My QBR checklist'));
    const discounts = (p: PageContext) => p.notes.filter((n) => n.body.includes('discount approvals'));
    expect(checklist(forHannah)).toHaveLength(1);
    expect(checklist(forTomas)).toHaveLength(0);
    expect(discounts(forHannah)).toHaveLength(1);
    expect(discounts(forTomas)).toHaveLength(0);
    expect(forHannah.questions.some((q) => q.visibility === 'team')).toBe(true);
    expect(forTomas.questions.some((q) => q.visibility === 'team')).toBe(false);

    const sslMacro = (p: PageContext) => p.notes.some((n) => n.body.startsWith('SSO loops'));
    expect(sslMacro(await context(tomas.token, '/tickets/4203'))).toBe(true);
    expect(sslMacro(await context(hannah.token, '/tickets/4203'))).toBe(false);
  });

  it('runs again without failing or duplicating anything, also when interrupted half-way', async () => {
    const { token } = await signIn(personNamed('Hannah Cho').email);
    const before = await context(token, '/accounts/1004');
    expect(await seedDemo(apiBase, APP)).toEqual(first);

    // Remove the last item a complete run writes, as if the first run had stopped just before it: the
    // seed must then check every item, and still create nothing twice.
    const priya = await signIn(personNamed('Priya Raman').email);
    const welcome = (await context(priya.token, '/')).notes.find((n) => n.body.startsWith('Welcome'))!;
    expect((await call(`/notes/${welcome.id}`, priya.token, { method: 'DELETE' })).status).toBe(200);
    await seedDemo(apiBase, APP);

    const after = await context(token, '/accounts/1004');
    expect(after.notes.map((n) => n.id).sort()).toEqual(before.notes.map((n) => n.id).sort());
    expect(after.questions.map((q) => [q.id, q.answerCount])).toEqual(before.questions.map((q) => [q.id, q.answerCount]));
    expect(after.experts).toEqual(before.experts);
    expect((await context(token, '/')).notes.filter((n) => n.body.startsWith('Welcome'))).toHaveLength(1);
  });
});
