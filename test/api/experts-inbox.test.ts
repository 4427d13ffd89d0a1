// Ask an expert (routing in rings, escalation), volunteers and site owners, the inbox kinds, replies and watches.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Account } from '../support/api-harness';
import { createOrg, must, SITE, type Org } from '../support/org-fixture';

const page = `${SITE}/accounts/:id`;
const ESCALATE_MS = 300;

describeEachDatabase(
  'experts, ask an expert, inbox, replies and watches',
  (api) => {
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
    const inbox = (who: Account) => must(api().request('GET', '/inbox', { token: who.token }));
    const itemsAbout = async (who: Account, questionId: string) =>
      (await inbox(who)).items.filter((i: any) => i.question?.id === questionId);
    const ask = (who: Account, extra: Record<string, unknown> = {}) =>
      must(api().request('POST', '/questions', { token: who.token, json: { pattern: page, title: 'Who can merge accounts?', askExperts: true, ...extra } }));

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

    it('routes an asked question to the page experts, then on to the next rings when nobody answers', async () => {
      const q = await ask(org.alice);
      expect(q.routedTo).toEqual([{ person: { id: dave.user.id, name: 'Dave' }, ring: 1, at: expect.any(String) }]);
      expect(await itemsAbout(dave, q.id)).toEqual([
        expect.objectContaining({ kind: 'question_routed', readAt: null, question: { id: q.id, pattern: page, title: 'Who can merge accounts?', answerId: null } }),
      ]);
      expect(await itemsAbout(erin, q.id)).toEqual([]);

      expect(await api().services.routing.escalateDue()).toBe(0); // not due yet
      await new Promise((r) => setTimeout(r, ESCALATE_MS + 50));
      // Two instances' jobs at once: each question escalates once.
      await Promise.all([api().services.routing.escalateDue(), api().services.routing.escalateDue()]);
      const ring2 = await must(api().request('GET', `/questions/${q.id}`, { token: org.alice.token }));
      expect(ring2.routedTo.map((r: any) => [r.person.name, r.ring])).toEqual([['Dave', 1], ['Erin', 2]]);
      expect(await itemsAbout(erin, q.id)).toHaveLength(1);

      await new Promise((r) => setTimeout(r, ESCALATE_MS + 50));
      await api().services.routing.escalateDue();
      const ring3 = await must(api().request('GET', `/questions/${q.id}`, { token: org.alice.token }));
      expect(ring3.routedTo.map((r: any) => [r.person.name, r.ring])).toEqual([['Dave', 1], ['Erin', 2], ['Owner', 3]]);
      await new Promise((r) => setTimeout(r, ESCALATE_MS + 50));
      await api().services.routing.escalateDue(); // nobody left: nothing changes
      expect((await must(api().request('GET', `/questions/${q.id}`, { token: org.alice.token }))).routedTo).toHaveLength(3);
      expect(await itemsAbout(dave, q.id)).toHaveLength(1);
    });

    it('stops escalating once answered, never routes to the asker, and keeps team questions in the team', async () => {
      const q = await ask(org.alice);
      await must(api().request('POST', `/questions/${q.id}/answers`, { token: dave.token, json: { body: 'Support leads can.' } }));
      await new Promise((r) => setTimeout(r, ESCALATE_MS + 50));
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

    it('tells the asker of an answer and the answerer of the acceptance', async () => {
      const q = await must(api().request('POST', '/questions', { token: org.carol.token, json: { pattern: page, title: 'Answer me' } }));
      const answered = await must(api().request('POST', `/questions/${q.id}/answers`, { token: org.bob.token, json: { body: 'Here' } }));
      const answerId = answered.answers[0].id;
      expect(await itemsAbout(org.carol, q.id)).toEqual([
        expect.objectContaining({ kind: 'answer_posted', question: { id: q.id, pattern: page, title: 'Answer me', answerId } }),
      ]);
      await must(api().request('POST', `/questions/${q.id}/answers`, { token: org.carol.token, json: { body: 'my own' } }));
      expect(await itemsAbout(org.carol, q.id)).toHaveLength(1); // not told of her own answer
      await must(api().request('PUT', `/questions/${q.id}/accepted-answer`, { token: org.carol.token, json: { answerId } }));
      expect(await itemsAbout(org.bob, q.id)).toEqual([expect.objectContaining({ kind: 'answer_accepted', question: expect.objectContaining({ answerId }) })]);
    });

    it("keeps a note's discussion and tells the note's author of replies", async () => {
      const n = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: page, body: 'Discuss me' } }));
      const reply = await must(api().request('POST', `/notes/${n.id}/replies`, { token: org.bob.token, json: { body: 'Agreed' } }));
      expect(reply).toMatchObject({ noteId: n.id, body: 'Agreed', author: { id: org.bob.user.id, name: 'Bob' } });
      await must(api().request('POST', `/notes/${n.id}/replies`, { token: org.alice.token, json: { body: 'Thanks' } }));
      const list = await must(api().request('GET', `/notes/${n.id}/replies`, { token: org.carol.token }));
      expect(list.map((r: any) => [r.author.name, r.body])).toEqual([['Bob', 'Agreed'], ['Alice', 'Thanks']]);
      const items = (await inbox(org.alice)).items.filter((i: any) => i.note?.id === n.id);
      expect(items).toEqual([expect.objectContaining({ kind: 'note_reply', note: { id: n.id, pattern: page, excerpt: 'Discuss me' } })]);
      const secret = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: page, body: 's', visibility: 'private' } }));
      expect((await api().request('POST', `/notes/${secret.id}/replies`, { token: org.bob.token, json: { body: 'x' } })).status).toBe(404);
      expect((await api().request('GET', `/notes/${secret.id}/replies`, { token: org.bob.token })).status).toBe(404);
    });

    it('brings new notes and questions on watched pages to the watchers who may see them', async () => {
      const w = await must(api().request('POST', '/watches', { token: org.carol.token, json: { pattern: `${SITE}/accounts/*` } }));
      const wb = await must(api().request('POST', '/watches', { token: org.bob.token, json: { pattern: page } }));
      expect((await api().request('POST', '/watches', { token: org.carol.token, json: { pattern: `${SITE}/accounts/*` } })).status).toBe(409);
      expect((await api().request('POST', '/watches', { token: org.carol.token, json: { pattern: 'https://nowhere.example/*' } })).status).toBe(422);
      expect((await must(api().request('GET', '/watches', { token: org.carol.token }))).map((x: any) => x.pattern)).toEqual([`${SITE}/accounts/*`]);

      const n = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: page, body: 'Watched note' } }));
      const q = await must(api().request('POST', '/questions', { token: org.alice.token, json: { pattern: page, title: 'Watched question' } }));
      const t = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: page, body: 'team', visibility: 'team', teamId: org.teamId } }));
      const elsewhere = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/invoices/:id`, body: 'not watched' } }));
      const carolItems = (await inbox(org.carol)).items.filter((i: any) => i.kind === 'watched_activity');
      expect(carolItems.map((i: any) => i.note?.id ?? i.question?.id)).toEqual([q.id, n.id]); // newest first; not the team note
      const bobItems = (await inbox(org.bob)).items.filter((i: any) => i.kind === 'watched_activity');
      expect(bobItems.map((i: any) => i.note?.id ?? i.question?.id)).toEqual(expect.arrayContaining([n.id, q.id, t.id]));
      expect(bobItems.some((i: any) => i.note?.id === elsewhere.id)).toBe(false);
      // Not your own content.
      await must(api().request('POST', '/notes', { token: org.carol.token, json: { pattern: page, body: 'mine' } }));
      expect((await inbox(org.carol)).items.filter((i: any) => i.kind === 'watched_activity')).toHaveLength(2);

      expect((await api().request('DELETE', `/watches/${wb.id}`, { token: org.carol.token })).status).toBe(404);
      await must(api().request('DELETE', `/watches/${w.id}`, { token: org.carol.token }));
      expect(await must(api().request('GET', '/watches', { token: org.carol.token }))).toEqual([]);
    });
  },
  { escalateAfterMs: ESCALATE_MS },
);
