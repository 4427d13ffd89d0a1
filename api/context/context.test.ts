import { beforeAll, expect, it } from 'vitest';
import { notes, questions } from '../db/schema';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

describeEachDatabase('page context', (api) => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(api());
  });

  const context = (token: string, url: string) => api().request('GET', `/context?url=${encodeURIComponent(url)}`, { token });
  const note = (token: string, pattern: string, json: object = {}) =>
    must(api().request('POST', '/notes', { token, json: { pattern, body: `on ${pattern}`, ...json } }));

  it('gathers everything that matches the page, newest first, with badge counts', async () => {
    await note(org.alice.token, `${SITE}/accounts/:id/*`, { body: 'any account subpage' });
    await note(org.alice.token, `${SITE}/accounts/7/orders`, { body: 'this page exactly' });
    await note(org.bob.token, `${SITE}/accounts/7/orders`, {
      body: 'tip',
      anchor: { selector: [{ type: 'CssSelector', value: '#new-order' }] },
    });
    await note(org.alice.token, `${SITE}/tickets/*`, { body: 'elsewhere' });
    await must(api().request('POST', '/questions', { token: org.carol.token, json: { pattern: `${SITE}/accounts/:id/*`, title: 'Why two totals?' } }));

    const res = await context(org.carol.token, `${SITE}/accounts/7/orders?tab=open&session=secret#top`);
    expect(res.status).toBe(200);
    const ctx = res.body;
    expect(ctx.pageKey).toBe(`${SITE}/accounts/7/orders?tab=open`);
    expect(ctx.site).toMatchObject({ id: org.site.id, name: 'CRM', origin: SITE });
    expect(ctx.notes.map((n: { body: string }) => n.body)).toEqual(['tip', 'this page exactly', 'any account subpage']);
    expect(ctx.questions.map((q: { title: string }) => q.title)).toEqual(['Why two totals?']);
    expect(ctx.counts).toEqual({ notes: 2, tips: 1, questions: 1, openQuestions: 1 });
    expect(ctx.scopes.map((s: { pattern: string }) => s.pattern)).toEqual([`${SITE}/accounts/7/orders`, `${SITE}/accounts/:id/*`]);
  });

  it('counts every item a viewer may see, also past the newest it lists', async () => {
    const pattern = `${SITE}/busy/:id`;
    const seed = await note(org.alice.token, pattern, { body: 'seed' }); // creates the scope
    // Straight into the tables through the write path, which invalidates the scope's cached content.
    await api().services.writes.write(async (tx, changed) => {
      const sharing = (i: number) =>
        i % 3 === 0 ? { visibility: 'org' as const, teamId: null } : i % 3 === 1 ? { visibility: 'team' as const, teamId: org.teamId } : { visibility: 'private' as const, teamId: null };
      await tx.insert(notes).values(
        Array.from({ length: 1200 }, (_, i) => ({ scopeId: seed.scopeId, authorId: org.alice.user.id, body: `n${i}`, ...sharing(i), ...(i % 4 === 0 && { anchor: { selector: [{ type: 'CssSelector' as const, value: '#x' }] } }) })),
      );
      await tx.insert(questions).values(
        Array.from({ length: 1100 }, (_, i) => ({ scopeId: seed.scopeId, authorId: org.bob.user.id, title: `q${i}`, ...sharing(i), ...(i % 5 === 0 && { acceptedAnswerId: seed.id }) })),
      );
      changed({ t: 'scope', id: seed.scopeId });
    });
    const count = (n: number, keep: (i: number) => boolean) => Array.from({ length: n }, (_, i) => i).filter(keep).length;
    const org3 = (i: number) => i % 3 === 0;
    const team3 = (i: number) => i % 3 !== 2;
    const tip = (i: number) => i % 4 === 0;
    const open = (i: number) => i % 5 !== 0;
    const page = `${SITE}/busy/1`;
    // Carol (no team): org items only.
    expect((await context(org.carol.token, page)).body.counts).toEqual({
      notes: 1 + count(1200, (i) => org3(i) && !tip(i)),
      tips: count(1200, (i) => org3(i) && tip(i)),
      questions: count(1100, org3),
      openQuestions: count(1100, (i) => org3(i) && open(i)),
    });
    // Alice wrote the notes (all hers to see) and is in the team (Bob's team questions, not his private ones).
    const alice = (await context(org.alice.token, page)).body;
    expect(alice.counts).toEqual({
      notes: 1 + count(1200, (i) => !tip(i)),
      tips: count(1200, tip),
      questions: count(1100, team3),
      openQuestions: count(1100, (i) => team3(i) && open(i)),
    });
    expect(alice.notes).toHaveLength(200); // listed: the newest
  });

  it('names the screen from the site templates', async () => {
    expect((await context(org.alice.token, `${SITE}/accounts/9`)).body.screen).toBe('Account');
    expect((await context(org.alice.token, `${SITE}/reports`)).body.screen).toBeNull();
  });

  it('follows URLPattern semantics: /x/* does not match /x', async () => {
    const ctx = (await context(org.alice.token, `${SITE}/accounts/7`)).body;
    expect(ctx.notes.map((n: { body: string }) => n.body)).not.toContain('any account subpage');
  });

  it('shows each viewer only what they may see, and counts only that', async () => {
    const url = `${SITE}/secrets/1`;
    await note(org.alice.token, url, { body: 'private', visibility: 'private' });
    await note(org.alice.token, url, { body: 'team', visibility: 'team', teamId: org.teamId });
    await note(org.alice.token, url, { body: 'org', visibility: 'org' });
    const bodies = async (token: string) => (await context(token, url)).body.notes.map((n: { body: string }) => n.body);
    expect(await bodies(org.alice.token)).toEqual(['org', 'team', 'private']);
    expect(await bodies(org.bob.token)).toEqual(['org', 'team']);
    expect(await bodies(org.carol.token)).toEqual(['org']);
    expect((await context(org.carol.token, url)).body.counts.notes).toBe(1);
  });

  it('reflects writes at once: new, edited, deleted, voted, answered', async () => {
    const url = `${SITE}/live/1`;
    const first = await note(org.alice.token, url, { body: 'v1' });
    expect((await context(org.bob.token, url)).body.notes[0].body).toBe('v1'); // now cached
    await must(api().request('PATCH', `/notes/${first.id}`, { token: org.alice.token, json: { body: 'v2' } }));
    expect((await context(org.bob.token, url)).body.notes[0].body).toBe('v2');
    await must(api().request('PUT', `/notes/${first.id}/vote`, { token: org.bob.token }));
    expect((await context(org.bob.token, url)).body.notes[0]).toMatchObject({ score: 1, votedByMe: true });
    expect((await context(org.carol.token, url)).body.notes[0]).toMatchObject({ score: 1, votedByMe: false });
    const q = await must(api().request('POST', '/questions', { token: org.alice.token, json: { pattern: url, title: 'Q?' } }));
    const a = await must(api().request('POST', `/questions/${q.id}/answers`, { token: org.bob.token, json: { body: 'A' } }));
    await must(api().request('PUT', `/questions/${q.id}/accepted-answer`, { token: org.alice.token, json: { answerId: a.answers[0].id } }));
    const after = (await context(org.carol.token, url)).body;
    expect(after.questions[0]).toMatchObject({ status: 'answered', answerCount: 1 });
    expect(after.counts.openQuestions).toBe(0);
    await must(api().request('DELETE', `/notes/${first.id}`, { token: org.alice.token }));
    expect((await context(org.bob.token, url)).body.notes).toEqual([]);
  });

  it('applies team membership changes to what a session sees at once', async () => {
    const url = `${SITE}/team-only/1`;
    await note(org.alice.token, url, { body: 'for Support', visibility: 'team', teamId: org.teamId });
    expect((await context(org.carol.token, url)).body.notes).toHaveLength(0);
    await must(api().request('POST', `/teams/${org.teamId}/members`, { token: org.admin.token, json: { userId: org.carol.user.id } }));
    expect((await context(org.carol.token, url)).body.notes).toHaveLength(1);
    await must(api().request('DELETE', `/teams/${org.teamId}/members/${org.carol.user.id}`, { token: org.admin.token }));
    expect((await context(org.carol.token, url)).body.notes).toHaveLength(0);
  });

  it('lists experts most specific first, each person once', async () => {
    const assign = (userId: string, pattern: string) =>
      must(api().request('POST', '/experts', { token: org.admin.token, json: { userId, pattern } }));
    await assign(org.bob.user.id, `${SITE}/*`);
    await assign(org.alice.user.id, `${SITE}/billing/:id`);
    await assign(org.carol.user.id, `${SITE}/billing/*`);
    await assign(org.bob.user.id, `${SITE}/billing/:id`);
    const url = `${SITE}/billing/12`;
    const experts = (await context(org.carol.token, url)).body.experts;
    expect(experts.map((e: { user: { name: string } }) => e.user.name)).toEqual(['Alice', 'Bob', 'Carol']);
    expect(experts[0].pattern).toBe(`${SITE}/billing/:id`);
    const viaExperts = await must(api().request('GET', `/experts?url=${encodeURIComponent(url)}`, { token: org.carol.token }));
    expect(viaExperts).toEqual(experts);
  });

  it('lets only admins assign experts, once per pattern', async () => {
    const body = { userId: org.carol.user.id, pattern: `${SITE}/exports` };
    expect((await api().request('POST', '/experts', { token: org.moderator.token, json: body })).status).toBe(403);
    const made = await must(api().request('POST', '/experts', { token: org.admin.token, json: body }));
    const again = await api().request('POST', '/experts', { token: org.admin.token, json: body });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('expert_exists');
    expect((await api().request('DELETE', `/experts/${made.id}`, { token: org.admin.token })).status).toBe(200);
    expect((await context(org.carol.token, `${SITE}/exports`)).body.experts.map((e: { user: { name: string } }) => e.user.name)).not.toContain('Carol');
  });

  it('answers 304 to a revalidation while the page is unchanged, and the new page once it changes', async () => {
    const url = `${SITE}/conditional/1`;
    await note(org.alice.token, url, { body: 'first' });
    const first = await context(org.bob.token, url);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const revalidate = (token: string) =>
      api().request('GET', `/context?url=${encodeURIComponent(url)}`, { token, headers: { 'if-none-match': etag } });

    const unchanged = await revalidate(org.bob.token);
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBeUndefined(); // no body
    // The tag names the bytes each person is sent: Bob's private note changes his page, not Carol's.
    await note(org.bob.token, url, { body: 'bob only', visibility: 'private' });
    expect((await revalidate(org.carol.token)).status).toBe(304);
    const changed = await revalidate(org.bob.token);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body.notes.map((n: { body: string }) => n.body)).toEqual(['bob only', 'first']);
  });

  it("applies a site's new rules to pages already served", async () => {
    const url = `${SITE}/renamed/5`;
    expect((await context(org.alice.token, url)).body.screen).toBeNull();
    const rules = (extra: object[]) => ({ keepQuery: ['tab'], hashRouting: false, templates: [{ name: 'Account', pattern: '/accounts/:id' }, ...extra] });
    await must(api().request('PATCH', `/sites/${org.site.id}`, { token: org.admin.token, json: { rules: rules([{ name: 'Renamed', pattern: '/renamed/:id' }]) } }));
    expect((await context(org.alice.token, url)).body.screen).toBe('Renamed');
    await must(api().request('PATCH', `/sites/${org.site.id}`, { token: org.admin.token, json: { rules: rules([]) } }));
    expect((await context(org.alice.token, url)).body.screen).toBeNull();
  });

  it('answers bad URLs with 400 and unregistered origins with 404', async () => {
    const bad = await context(org.alice.token, 'not a url');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('bad_url');
    const missing = await api().request('GET', '/context', { token: org.alice.token });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('validation_failed');
    const elsewhere = await context(org.alice.token, 'https://intranet.other.example/page');
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('site_not_registered');
  });

  it('drops a removed site and its content from the context', async () => {
    const site = await must(api().request('POST', '/sites', { token: org.admin.token, json: { origin: 'https://temp.corp.example', name: 'Temp' } }));
    await note(org.alice.token, 'https://temp.corp.example/a');
    expect((await context(org.alice.token, 'https://temp.corp.example/a')).body.notes).toHaveLength(1);
    await must(api().request('DELETE', `/sites/${site.id}`, { token: org.admin.token }));
    expect((await context(org.alice.token, 'https://temp.corp.example/a')).status).toBe(404);
    await must(api().request('POST', '/sites', { token: org.admin.token, json: { origin: 'https://temp.corp.example', name: 'Temp again' } }));
    expect((await context(org.alice.token, 'https://temp.corp.example/a')).body.notes).toHaveLength(0);
  });
});
