// Two API instances (in one process) on one PostgreSQL database: the periodic jobs may run on both at once
// and still act once per row, and a session revoked through A ends a stream held by B.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { openDatabase, type Database } from '../../api/db/database';
import { migrateDatabase } from '../../api/db/migrate';
import { createServices } from '../../api/wiring';
import { testSettings } from '../support/api-harness';
import { openEvents, TestApi } from '../support/api-harness';
import { createOrg, must, SITE, type Org } from '../support/org-fixture';
import { createTestDatabase, postgresAvailable } from '../support/postgres';

const hasPostgres = await postgresAvailable();
// The webhook receiver is on 127.0.0.1: an internal receiver, allowed explicitly.
const options = testSettings({ escalateAfterMs: 200, webhookBackoffMs: 10, webhookTimeoutMs: 500, webhookAllowedHosts: ['127.0.0.1'] });

describe.skipIf(!hasPostgres)('jobs and streams across two instances on one PostgreSQL database', () => {
  let pgDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const databases: Database[] = [];
  let a: TestApi;
  let b: TestApi;
  let org: Org;
  let receiver: Server;
  const received: string[] = [];

  beforeAll(async () => {
    pgDb = await createTestDatabase();
    const opened = await Promise.all([1, 2].map(() => openDatabase({ driver: 'postgres', url: pgDb.url, poolSize: 4 })));
    databases.push(...opened);
    await migrateDatabase(opened[0]!);
    const [sa, sb] = await Promise.all(opened.map((db) => createServices(db, options)));
    a = new TestApi('postgres', opened[0]!, sa!, createApp(sa!));
    b = new TestApi('postgres', opened[1]!, sb!, createApp(sb!));
    org = await createOrg(a);
    receiver = createServer((req, res) => {
      received.push(String(req.headers['x-alongside-delivery']));
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    receiver?.closeAllConnections();
    await new Promise((r) => receiver?.close(r));
    await Promise.all(databases.map((d) => d.close()));
    await pgDb?.drop();
  });

  it('escalates each routed question once when both instances run the job together', async () => {
    await must(a.request('POST', '/experts', { token: org.admin.token, json: { userId: org.bob.user.id, pattern: `${SITE}/accounts/*` } }));
    await must(a.request('POST', '/experts', { token: org.admin.token, json: { userId: org.carol.user.id, pattern: `${SITE}/invoices/*` } }));
    const questions = [];
    for (let i = 0; i < 5; i++) {
      questions.push(await must(a.request('POST', '/questions', { token: org.alice.token, json: { pattern: `${SITE}/accounts/:id`, title: `q${i}`, askExperts: true } })));
    }
    await new Promise((r) => setTimeout(r, 250));
    const [na, nb] = await Promise.all([a.services.routing.escalateDue(), b.services.routing.escalateDue()]);
    expect(na + nb).toBe(5);
    const inbox = await must(b.request('GET', '/inbox', { token: org.carol.token }));
    const routed = inbox.items.filter((i: any) => i.kind === 'question_routed').map((i: any) => i.question.id);
    expect(routed.sort()).toEqual(questions.map((q) => q.id).sort());
  });

  it('delivers each webhook event once when both instances run the worker together', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
    await must(a.request('POST', '/webhooks', { token: org.admin.token, json: { url, kinds: ['note.created'] } }));
    for (let i = 0; i < 10; i++) await must(b.request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/accounts/:id`, body: `n${i}` } }));
    while ((await Promise.all([a.services.webhooks.deliverDue(), b.services.webhooks.deliverDue()])).some((n) => n > 0));
    expect(received).toHaveLength(10);
    expect(new Set(received).size).toBe(10);
  });

  it('ends a stream held by B when its session is revoked through A', async () => {
    const signin = await must(a.request('POST', '/auth/signin', { json: { email: org.carol.user.email, password: 'correct horse battery' } }));
    const res = await openEvents(b, `?url=${encodeURIComponent(`${SITE}/accounts/1`)}`, { token: signin.token });
    expect(res.status).toBe(200);
    await must(a.request('POST', '/auth/signout', { token: signin.token }));
    const end = await res.client!.waitFor((e) => e.event === 'end');
    expect(end.data.reason).toBe('session_revoked');
    await res.client!.ended;
  });
});
