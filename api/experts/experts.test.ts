// Experts: volunteers and their approval; "ask an expert", routed in rings and escalated when nobody answers.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Account } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';
import { questions } from '../db/schema';

const page = `${SITE}/accounts/:id`;

describeEachDatabase('experts and ask an expert', (api) => {
  let org: Org;
  let dave: Account; // expert for all account pages
  let erin: Account; // expert for another part of the site
  let owner: Account;
  beforeAll(async () => {
    org = await createOrg(api());
    [dave, erin, owner] = [await api().signUp('Dave'), await api().signUp('Erin'), await api().signUp('Owner')];
    await must(api().request('POST', '/experts', { token: org.admin.token, json: { userId: dave.user.id, pattern: `${SITE}/accounts/*` } }));
    await must(api().request('POST', '/experts', { token: org.admin.token, json: { userId: erin.user.id, pattern: `${SITE}/invoices/*` } }));
    await must(api().request('POST', `/sites/${org.site.id}/owners`, { token: org.admin.token, json: { userId: owner.user.id } }));
  });
  const itemsAbout = async (who: Account, questionId: string) =>
    (await must(api().request('GET', '/inbox', { token: who.token }))).items.filter((i: any) => i.question?.id === questionId);
  const ask = (who: Account, extra: Record<string, unknown> = {}) =>
    must(api().request('POST', '/questions', { token: who.token, json: { pattern: page, title: 'Who can merge accounts?', askExperts: true, ...extra } }));
  /** The question's current ring has waited longer than the escalation delay (a state, not a sleep). */
  const becomeDue = (id: string) =>
    api().database.db.update(questions).set({ routedAt: new Date(Date.now() - 2 * 3600_000) }).where(eq(questions.id, id));

    it('lets anyone volunteer; a pending expert is not listed for pages until an admin approves', async () => {
      const v = await must(api().request('POST', '/experts/volunteer', { token: org.carol.token, json: { pattern: `${SITE}/accounts/:id` } }));
      expect(v).toMatchObject({ status: 'pending', user: { id: org.carol.user.id } });
      const url = encodeURIComponent(`${SITE}/accounts/3`);
      const names = async () => (await must(api().request('GET', `/experts?url=${url}`, { token: org.bob.token }))).map((e: any) => e.user.name);
      expect(await names()).toEqual(['Dave']);
      expect((await api().request('POST', '/experts/volunteer', { token: org.carol.token, json: { pattern: `${SITE}/accounts/:id` } })).status).toBe(409);
      expect((await api().request('POST', `/experts/${v.id}/approve`, { token: org.carol.token })).status).toBe(403);
      const approved = await must(api().request('POST', `/experts/${v.id}/approve`, { token: org.admin.token }));
      expect(approved.status).toBe('active');
      expect(await names()).toEqual(['Carol', 'Dave']); // most specific scope first
      // Declining (or removing) is DELETE.
      await must(api().request('DELETE', `/experts/${v.id}`, { token: org.admin.token }));
      expect(await names()).toEqual(['Dave']);
      const owners = await must(api().request('GET', `/sites/${org.site.id}/owners`, { token: org.bob.token }));
      expect(owners.map((o: any) => o.user.name)).toEqual(['Owner']);
    });

  it("names the screen an expert answers for in the site's words, for a page and in the full list", async () => {
    const v = await must(api().request('POST', '/experts', { token: org.admin.token, json: { userId: org.carol.user.id, pattern: `${SITE}/accounts/:id` } }));
    expect(v.screen).toBe('Account');
    const forPage = await must(api().request('GET', `/experts?url=${encodeURIComponent(`${SITE}/accounts/3`)}`, { token: org.bob.token }));
    expect(forPage.map((e: any) => [e.user.name, e.screen])).toEqual([['Carol', 'Account'], ['Dave', 'Account']]); // accounts/* reads as one Account page
    const context = await must(api().request('GET', `/context?url=${encodeURIComponent(`${SITE}/accounts/3`)}`, { token: org.bob.token }));
    expect(context.experts.map((e: any) => e.screen)).toEqual(['Account', 'Account']);
    const all = await must(api().request('GET', '/experts', { token: org.bob.token }));
    expect(all.find((e: any) => e.user.name === 'Erin').screen).toBeNull(); // invoices/*: no screen of this site
    await must(api().request('DELETE', `/experts/${v.id}`, { token: org.admin.token }));
  });

  it('shows pending volunteers only to admins and to the volunteer', async () => {
    const v = await must(api().request('POST', '/experts/volunteer', { token: org.bob.token, json: { pattern: `${SITE}/reports/*` } }));
    const listed = async (who: Account) => (await must(api().request('GET', '/experts', { token: who.token }))).map((e: any) => e.id);
    expect(await listed(org.admin)).toContain(v.id);
    expect(await listed(org.bob)).toContain(v.id);
    expect(await listed(org.carol)).not.toContain(v.id);
    expect(await listed(org.carol)).toEqual(expect.arrayContaining((await listed(org.admin)).filter((id: string) => id !== v.id)));
    await must(api().request('DELETE', `/experts/${v.id}`, { token: org.admin.token }));
  });

    it('routes an asked question to the page experts, then on to the next rings when nobody answers', async () => {
      const q = await ask(org.alice);
      expect(q.routedTo).toEqual([{ person: { id: dave.user.id, name: 'Dave' }, ring: 1, at: expect.any(String) }]);
      expect(await itemsAbout(dave, q.id)).toEqual([
        expect.objectContaining({ kind: 'question_routed', readAt: null, question: { id: q.id, pattern: page, title: 'Who can merge accounts?', answerId: null } }),
      ]);
      expect(await itemsAbout(erin, q.id)).toEqual([]);

      expect(await api().services.routing.escalateDue()).toBe(0); // not due yet (the delay is an hour)
      await becomeDue(q.id);
      // Two instances' jobs at once: each question escalates once.
      await Promise.all([api().services.routing.escalateDue(), api().services.routing.escalateDue()]);
      const ring2 = await must(api().request('GET', `/questions/${q.id}`, { token: org.alice.token }));
      expect(ring2.routedTo.map((r: any) => [r.person.name, r.ring])).toEqual([['Dave', 1], ['Erin', 2]]);
      expect(await itemsAbout(erin, q.id)).toHaveLength(1);

      await becomeDue(q.id);
      await api().services.routing.escalateDue();
      const ring3 = await must(api().request('GET', `/questions/${q.id}`, { token: org.alice.token }));
      expect(ring3.routedTo.map((r: any) => [r.person.name, r.ring])).toEqual([['Dave', 1], ['Erin', 2], ['Owner', 3]]);
      await becomeDue(q.id);
      await api().services.routing.escalateDue(); // nobody left: nothing changes
      expect((await must(api().request('GET', `/questions/${q.id}`, { token: org.alice.token }))).routedTo).toHaveLength(3);
      expect(await itemsAbout(dave, q.id)).toHaveLength(1);
    });

    it('stops escalating once answered, never routes to the asker, and keeps team questions in the team', async () => {
      const q = await ask(org.alice);
      await must(api().request('POST', `/questions/${q.id}/answers`, { token: dave.token, json: { body: 'Support leads can.' } }));
      await becomeDue(q.id);
      await api().services.routing.escalateDue();
      expect((await must(api().request('GET', `/questions/${q.id}`, { token: org.alice.token }))).routedTo).toHaveLength(1);

      const own = await ask(dave);
      expect(own.routedTo.map((r: any) => r.ring)).toEqual([2]); // ring 1 was only Dave himself: skipped
      const team = await ask(org.alice, { visibility: 'team', teamId: org.teamId });
      expect(team.routedTo).toEqual([]); // no expert is in Support
      const refused = await api().request('POST', '/questions', { token: org.alice.token, json: { pattern: page, title: 'x', askExperts: true, visibility: 'private' } });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('private_question');
      const plain = await must(api().request('POST', '/questions', { token: org.alice.token, json: { pattern: page, title: 'plain' } }));
      expect(plain.routedTo).toEqual([]);
    });

    it("says in the page's list whom an asked question was sent to, as routing goes on; nobody, or not asked at all", async () => {
      const url = encodeURIComponent(`${SITE}/accounts/7`);
      const summary = async (id: string) =>
        (await must(api().request('GET', `/context?url=${url}`, { token: org.bob.token }))).questions.find((q: any) => q.id === id);
      const q = await ask(org.alice);
      expect(q.sentTo).toEqual([{ id: dave.user.id, name: 'Dave' }]); // the answer to the asker says it at once
      expect((await summary(q.id)).sentTo).toEqual([{ id: dave.user.id, name: 'Dave' }]);
      await becomeDue(q.id);
      await api().services.routing.escalateDue();
      expect((await summary(q.id)).sentTo.map((p: any) => p.name)).toEqual(['Dave', 'Erin']); // the cached list follows

      const team = await ask(org.alice, { visibility: 'team', teamId: org.teamId });
      expect(team.sentTo).toEqual([]); // asked, and nobody who may see it to send it to
      const plain = await must(api().request('POST', '/questions', { token: org.alice.token, json: { pattern: page, title: 'Not asked' } }));
      expect(plain.sentTo).toBeNull();
      expect((await summary(plain.id)).sentTo).toBeNull();
    });
});
