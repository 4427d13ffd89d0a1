// Browsing away from the page: a site's scopes with their screens and counts, a scope's items, one's own;
// what the access rule lets each person see, in SQL, nothing more.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

describeEachDatabase('browse', (api) => {
  let org: Org;
  let accountScope: string;
  beforeAll(async () => {
    org = await createOrg(api());
    const post = (token: string, json: object) => must(api().request('POST', '/notes', { token, json }));
    const n1 = await post(org.alice.token, { pattern: `${SITE}/accounts/:id`, body: '# Every account\nhas an owner' });
    accountScope = n1.scopeId;
    await post(org.alice.token, { pattern: `${SITE}/accounts/:id`, body: 'team only', visibility: 'team', teamId: org.teamId });
    await post(org.alice.token, { pattern: `${SITE}/accounts/:id`, body: 'mine only', visibility: 'private' });
    await post(org.bob.token, { pattern: `${SITE}/accounts/:id`, body: 'a tip', anchor: { selector: [{ type: 'CssSelector', value: '#x' }] } });
    await must(api().request('POST', '/questions', { token: org.carol.token, json: { pattern: `${SITE}/accounts/:id`, title: 'Who owns this?' } }));
    await post(org.alice.token, { pattern: `${SITE}/reports/*`, body: 'private report note', visibility: 'private' });
  });

  const as = (token: string, path: string) => must(api().request('GET', path, { token }));

  it("lists a site's scopes with their screen and what each holds for the person asking", async () => {
    const carol = await as(org.carol.token, `/browse/sites/${org.site.id}`);
    expect(carol).toEqual([{ id: accountScope, pattern: `${SITE}/accounts/:id`, screen: 'Account', notes: 1, tips: 1, questions: 1 }]);
    const alice = await as(org.alice.token, `/browse/sites/${org.site.id}`);
    expect(alice.map((s: { pattern: string; notes: number }) => [s.pattern, s.notes])).toEqual([
      [`${SITE}/accounts/:id`, 3],
      [`${SITE}/reports/*`, 1],
    ]);
  });

  it("pages through a scope's items newest first, each what its reader may see", async () => {
    const bobSees = await as(org.bob.token, `/browse/scopes/${accountScope}?limit=2`);
    expect(bobSees.items.map((i: { kind: string; title: string }) => [i.kind, i.title])).toEqual([
      ['question', 'Who owns this?'],
      ['tip', 'a tip'],
    ]);
    const rest = await as(org.bob.token, `/browse/scopes/${accountScope}?limit=2&cursor=${bobSees.next}`);
    expect(rest.items.map((i: { title: string }) => i.title)).toEqual(['team only', 'Every account has an owner']);
    expect(rest.next).toBeNull();
    expect(rest.items[1]).toMatchObject({ site: { id: org.site.id, name: 'CRM' }, author: { name: 'Alice' }, status: null });
    const carolSees = await as(org.carol.token, `/browse/scopes/${accountScope}`);
    expect(carolSees.items.map((i: { title: string }) => i.title)).not.toContain('team only');
    expect(JSON.stringify(carolSees)).not.toContain('mine only');
  });

  it("lists one's own items", async () => {
    const mine = await as(org.alice.token, '/browse/mine');
    expect(mine.items.map((i: { title: string }) => i.title)).toEqual(['private report note', 'mine only', 'team only', 'Every account has an owner']);
    expect((await as(org.carol.token, '/browse/mine')).items.map((i: { kind: string; status: string }) => [i.kind, i.status])).toEqual([['question', 'open']]);
  });

  it("lists one's own items, answers among them, each answer seen through its question", async () => {
    const asked = await must(api().request('POST', '/questions', { token: org.bob.token, json: { pattern: `${SITE}/reports/*`, title: 'Where is Q3?' } }));
    await must(api().request('POST', `/questions/${asked.id}/answers`, { token: org.carol.token, json: { body: 'Under **Finance**' } }));
    const hidden = await must(api().request('POST', '/questions', { token: org.bob.token, json: { pattern: `${SITE}/reports/*`, title: 'Team only?', visibility: 'team', teamId: org.teamId } }));
    await must(api().request('POST', `/questions/${hidden.id}/answers`, { token: org.alice.token, json: { body: 'Yes' } }));
    const carol = await as(org.carol.token, '/browse/mine');
    expect(carol.items[0]).toMatchObject({ kind: 'answer', title: 'Under Finance', status: null, question: { id: asked.id, title: 'Where is Q3?' }, author: { name: 'Carol' } });
    const alice = await as(org.alice.token, '/browse/mine');
    expect(alice.items[0]).toMatchObject({ kind: 'answer', title: 'Yes', visibility: 'team', question: { title: 'Team only?' } });
  });

  it('answers unknown scopes with 404 and bad cursors with 400', async () => {
    expect((await api().request('GET', '/browse/scopes/00000000-0000-4000-8000-000000000000', { token: org.bob.token })).status).toBe(404);
    expect((await api().request('GET', `/browse/scopes/${accountScope}?cursor=junk`, { token: org.bob.token })).body.code).toBe('bad_cursor');
  });
});
