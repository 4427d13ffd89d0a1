// The context cache must never keep what it read while a write to the same scope happened.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../test/support/api-harness';
import { createOrg, must, SITE } from '../../test/support/org-fixture';
import { notes } from '../db/schema';
import { WritePath } from '../kernel/write-path';
import { ScopeContentCache } from './scope-content';

describe('ScopeContentCache', () => {
  let started: Awaited<ReturnType<typeof startTestApi>>;
  let scopeId: string;
  let authorId: string;
  beforeAll(async () => {
    started = await startTestApi('pglite');
    const org = await createOrg(started.api);
    const note = await must(started.api.request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/race`, body: 'first' } }));
    scopeId = note.scopeId;
    authorId = org.alice.user.id;
  });
  afterAll(() => started.stop());

  const fresh = () => new ScopeContentCache(started.api.database, new WritePath(started.api.database));
  const insertBehindItsBack = (body: string) =>
    started.api.database.db.insert(notes).values({ scopeId, authorId, body }).returning({ id: notes.id });

  it('serves from memory after the first load', async () => {
    const cache = fresh();
    expect((await cache.get(scopeId)).notes.map((n) => n.body)).toContain('first');
    await insertBehindItsBack('unseen'); // no invalidation: the cache cannot know
    expect((await cache.get(scopeId)).notes.map((n) => n.body)).not.toContain('unseen');
    cache.invalidate(scopeId);
    expect((await cache.get(scopeId)).notes.map((n) => n.body)).toContain('unseen');
  });

  it('does not store a load that an invalidation overtook', async () => {
    const cache = fresh();
    const inFlight = cache.get(scopeId);
    cache.invalidate(scopeId); // a write landed while the load was reading
    await inFlight;
    const [row] = await insertBehindItsBack('after the race');
    // Had the overtaken load been stored, this would be a stale hit without the new note.
    expect((await cache.get(scopeId)).notes.map((n) => n.body)).toContain('after the race');
    await started.api.database.db.delete(notes).where(eq(notes.id, row!.id));
  });

  it('shares one load between concurrent callers', async () => {
    const cache = fresh();
    const [a, b] = await Promise.all([cache.get(scopeId), cache.get(scopeId)]);
    expect(a).toBe(b);
  });

  it('drops everything on clear', async () => {
    const cache = fresh();
    await cache.get(scopeId);
    await insertBehindItsBack('after clear');
    cache.clear();
    expect((await cache.get(scopeId)).notes.map((n) => n.body)).toContain('after clear');
  });
});
