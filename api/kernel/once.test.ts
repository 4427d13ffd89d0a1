// Retryable writes over HTTP, on both databases: the same Idempotency-Key again gets the first result and
// writes nothing again, also when the resends race the first; the key is the sender's and the write's own.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Account } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

const page = `${SITE}/once/1`;

describeEachDatabase('retryable writes (Idempotency-Key)', (api) => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(api());
  });

  const post = (who: Account, path: string, json: object, key: string) =>
    api().request('POST', path, { token: who.token, json, headers: { 'idempotency-key': key } });
  const ctx = async () => (await must(api().request('GET', `/context?url=${encodeURIComponent(page)}`, { token: org.alice.token }))) as any;

  it('creates a note once however often, and however concurrently, it is sent again', async () => {
    const key = randomUUID();
    const first = await post(org.alice, '/notes', { pattern: page, body: 'Sent twice' }, key);
    expect(first.status).toBe(201);
    const again = await post(org.alice, '/notes', { pattern: page, body: 'Sent twice' }, key);
    expect([again.status, again.body.id]).toEqual([201, first.body.id]);
    const shared = randomUUID();
    const racing = await Promise.all([1, 2, 3, 4, 5].map(() => post(org.alice, '/notes', { pattern: page, body: 'Raced' }, shared)));
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    expect(racing.every((r) => r.status === 201)).toBe(true);
    const bodies = (await ctx()).notes.map((n: { body: string }) => n.body);
    expect(bodies.filter((b: string) => b === 'Sent twice')).toHaveLength(1);
    expect(bodies.filter((b: string) => b === 'Raced')).toHaveLength(1);
  });

  it('does the same for questions, answers and replies', async () => {
    const qKey = randomUUID();
    const q1 = await must(post(org.alice, '/questions', { pattern: page, title: 'Once?' }, qKey));
    const q2 = await must(post(org.alice, '/questions', { pattern: page, title: 'Once?' }, qKey));
    expect(q2.id).toBe(q1.id);
    const aKey = randomUUID();
    await must(post(org.bob, `/questions/${q1.id}/answers`, { body: 'Yes' }, aKey));
    const answered = await must(post(org.bob, `/questions/${q1.id}/answers`, { body: 'Yes' }, aKey));
    expect(answered.answers).toHaveLength(1);
    const note = await must(post(org.alice, '/notes', { pattern: page, body: 'Discuss' }, randomUUID()));
    const rKey = randomUUID();
    const r1 = await must(post(org.bob, `/notes/${note.id}/replies`, { body: 'Agreed' }, rKey));
    const r2 = await must(post(org.bob, `/notes/${note.id}/replies`, { body: 'Agreed' }, rKey));
    expect(r2).toEqual(r1);
    expect(await must(api().request('GET', `/notes/${note.id}/replies`, { token: org.bob.token }))).toHaveLength(1);
    // The note's author was told once.
    const told = (await must(api().request('GET', '/inbox', { token: org.alice.token }))).items.filter((i: any) => i.kind === 'note_reply' && i.note?.id === note.id);
    expect(told).toHaveLength(1);
  });

  it("keeps keys apart: another person's, another write's, and a refused write's", async () => {
    const key = randomUUID();
    const alice = await must(post(org.alice, '/notes', { pattern: page, body: 'Mine' }, key));
    const bob = await must(post(org.bob, '/notes', { pattern: page, body: 'His' }, key));
    expect(bob.id).not.toBe(alice.id);
    const reused = await post(org.alice, '/questions', { pattern: page, title: 'Other write' }, key);
    expect([reused.status, reused.body.code]).toEqual([422, 'idempotency_key_reused']);
    // A refused write does not spend its key: sent again, corrected, it is written.
    const fresh = randomUUID();
    expect((await post(org.alice, '/notes', { pattern: page, body: '' }, fresh)).status).toBe(400);
    expect((await post(org.alice, '/notes', { pattern: 'https://unregistered.example/x', body: 'x' }, fresh)).status).toBe(422);
    expect((await post(org.alice, '/notes', { pattern: page, body: 'Now right' }, fresh)).status).toBe(201);
  });

  it('refuses a malformed key with 400', async () => {
    const res = await post(org.alice, '/notes', { pattern: page, body: 'x' }, 'short');
    expect([res.status, res.body.code, res.body.issues?.[0]?.path]).toEqual([400, 'validation_failed', 'idempotency-key']);
  });
});
