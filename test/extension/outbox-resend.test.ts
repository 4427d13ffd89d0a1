// A worker stopped after the API answered a post but before the outbox stored that answer sends the post
// again when it starts again; the item's Idempotency-Key makes that resend answer the first result, so
// there is exactly one note. The background's own outbox and sender run against the real API over HTTP
// (127.0.0.1), on WXT's fake storage; the restarted worker is its modules loaded anew on that storage.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Account } from '../support/api-harness';
import { startApiServer, type ApiServer } from '../support/api-server';
import { createOrg, must, SITE } from '../support/org-fixture';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const page = `${SITE}/accounts/42`;
let server: ApiServer;
let alice: Account;

beforeAll(async () => {
  server = await startApiServer();
  ({ alice } = await createOrg(server.api));
});
afterAll(() => server?.close());

/** A background worker starting: the outbox sender's modules, loaded anew. */
async function startWorker() {
  vi.resetModules();
  return import('../../extension/entrypoints/background/outbox-sender');
}

/**
 * Stops the worker at the moment under test: the outbox's next write to storage (its record of what the
 * server answered) never completes. Resolves when the worker got there.
 */
function stopBeforeTheOutboxRecords(): Promise<void> {
  const area = fakeBrowser.storage.local;
  const [set, remove] = [area.set.bind(area), area.remove.bind(area)];
  return new Promise((stopped) => {
    const never = () => {
      stopped();
      return new Promise<never>(() => undefined);
    };
    vi.spyOn(area, 'set').mockImplementation((items: Record<string, unknown>) => ('outbox' in items ? never() : set(items)));
    vi.spyOn(area, 'remove').mockImplementation((keys: string | string[]) => ([keys].flat().includes('outbox') ? never() : remove(keys)));
  });
}

const postedNotes = () => server.requests('/notes').filter((r) => r.method === 'POST');

describe('the outbox after a worker stopped between the answer and its record', () => {
  it('sends the post again with the same key: the server answers the first note, and there is one', async () => {
    await fakeBrowser.storage.local.set({ session: { token: alice.token, user: alice.user, expiresAt: '2099-01-01T00:00:00.000Z', serverUrl: server.origin } });
    const first = await startWorker();
    await first.outbox.add({ kind: 'note', pageKey: page, body: { pattern: page, body: 'Posted once', visibility: 'org', teamId: null } });

    const stopped = stopBeforeTheOutboxRecords();
    void first.flushOutbox(true); // never settles: the worker is gone
    await stopped;
    expect(postedNotes().map((r) => r.status)).toEqual([201]); // the server had answered
    vi.restoreAllMocks();

    const second = await startWorker();
    expect(await second.outbox.list()).toHaveLength(1); // nothing recorded: it is sent again
    await second.flushOutbox();
    expect(await second.outbox.list()).toEqual([]);
    expect(postedNotes()).toHaveLength(2);
    const context = await must(server.api.request('GET', `/context?url=${encodeURIComponent(page)}`, { token: alice.token }));
    expect(context.notes.map((n: { body: string }) => n.body)).toEqual(['Posted once']);
  });
});
