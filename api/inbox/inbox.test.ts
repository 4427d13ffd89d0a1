// The inbox: its kinds, and what an item shows of content its owner may or may not see now.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Account } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

const page = `${SITE}/accounts/:id`;

describeEachDatabase('inbox', (api) => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(api());
  });
  const inbox = (who: Account) => must(api().request('GET', '/inbox', { token: who.token }));
  const itemsAbout = async (who: Account, questionId: string) => (await inbox(who)).items.filter((i: any) => i.question?.id === questionId);

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

  it('names who acted: the answerer, the accepter, the replier, the writer on a watched page; nobody for a tip outdated', async () => {
    const q = await must(api().request('POST', '/questions', { token: org.carol.token, json: { pattern: page, title: 'Who answers?' } }));
    const { answers } = await must(api().request('POST', `/questions/${q.id}/answers`, { token: org.bob.token, json: { body: 'Bob here' } }));
    await must(api().request('PUT', `/questions/${q.id}/accepted-answer`, { token: org.carol.token, json: { answerId: answers[0].id } }));
    const bob = { id: org.bob.user.id, name: 'Bob' };
    const carol = { id: org.carol.user.id, name: 'Carol' };
    expect((await itemsAbout(org.carol, q.id)).map((i: any) => [i.kind, i.actor])).toEqual([['answer_posted', bob]]);
    expect((await itemsAbout(org.bob, q.id)).map((i: any) => [i.kind, i.actor])).toEqual([['answer_accepted', carol]]);

    const n = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/replies/:id`, body: 'Reply to me' } }));
    await must(api().request('POST', `/notes/${n.id}/replies`, { token: org.bob.token, json: { body: 'A reply' } }));
    const reply = (await inbox(org.alice)).items.find((i: any) => i.kind === 'note_reply' && i.note?.id === n.id);
    expect(reply.actor).toEqual(bob);

    await must(api().request('POST', '/watches', { token: org.bob.token, json: { pattern: `${SITE}/watched/*` } }));
    const w = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/watched/:id`, body: 'Watch this' } }));
    const watched = (await inbox(org.bob)).items.find((i: any) => i.kind === 'watched_activity' && i.note?.id === w.id);
    expect(watched.actor).toEqual({ id: org.alice.user.id, name: 'Alice' });
  });

  it('marks a group of items read in one request, and only the caller\'s', async () => {
    const q = await must(api().request('POST', '/questions', { token: org.carol.token, json: { pattern: page, title: 'Many answers' } }));
    for (const who of [org.bob, org.alice, org.bob]) {
      await must(api().request('POST', `/questions/${q.id}/answers`, { token: who.token, json: { body: 'One more' } }));
    }
    const items = await itemsAbout(org.carol, q.id);
    expect(items.map((i: any) => i.actor.name)).toEqual(['Bob', 'Alice', 'Bob']); // newest first
    const before = (await inbox(org.carol)).unread;
    const ids = items.map((i: any) => i.id);
    expect((await api().request('POST', '/inbox/read', { token: org.bob.token, json: { ids } })).status).toBe(404);
    await must(api().request('POST', '/inbox/read', { token: org.carol.token, json: { ids } }));
    expect((await itemsAbout(org.carol, q.id)).every((i: any) => i.readAt !== null)).toBe(true);
    expect((await inbox(org.carol)).unread).toBe(before - 3);
    expect((await api().request('POST', '/inbox/read', { token: org.carol.token, json: { ids: [] } })).status).toBe(400);
  });


  it("shows nothing of a note its owner may no longer see: turned private, edits made afterwards included", async () => {
    await must(api().request('POST', '/watches', { token: org.carol.token, json: { pattern: `${SITE}/orders/*` } }));
    const n = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/orders/:id`, body: 'Shared at first' } }));
    const itemOf = async () => (await inbox(org.carol)).items.find((i: any) => i.kind === 'watched_activity' && (i.note === null || i.note.id === n.id));
    expect((await itemOf()).note).toEqual({ id: n.id, pattern: `${SITE}/orders/:id`, excerpt: 'Shared at first' });
    await must(api().request('PATCH', `/notes/${n.id}`, { token: org.alice.token, json: { visibility: 'private' } }));
    await must(api().request('PATCH', `/notes/${n.id}`, { token: org.alice.token, json: { body: 'The secret edit' } }));
    expect((await api().request('GET', `/notes/${n.id}`, { token: org.carol.token })).status).toBe(404);
    const item = await itemOf();
    expect(item).toMatchObject({ kind: 'watched_activity', note: null, actor: null }); // nor who wrote it
    expect(JSON.stringify(await inbox(org.carol))).not.toMatch(/secret edit|Shared at first/);
  });

  it("shows nothing of a team question to someone who left the team, its later title included", async () => {
    const dan = await api().signUp('Dan');
    await must(api().request('POST', `/teams/${org.teamId}/members`, { token: org.admin.token, json: { userId: dan.user.id } }));
    await must(api().request('POST', '/watches', { token: dan.token, json: { pattern: `${SITE}/tickets/*` } }));
    const q = await must(
      api().request('POST', '/questions', { token: org.alice.token, json: { pattern: `${SITE}/tickets/:id`, title: 'Team only', visibility: 'team', teamId: org.teamId } }),
    );
    expect((await itemsAbout(dan, q.id)).map((i: any) => i.question.title)).toEqual(['Team only']);
    await must(api().request('DELETE', `/teams/${org.teamId}/members/${dan.user.id}`, { token: org.admin.token }));
    await must(api().request('PATCH', `/questions/${q.id}`, { token: org.alice.token, json: { title: 'Edited after Dan left' } }));
    const items = (await inbox(dan)).items.filter((i: any) => i.kind === 'watched_activity');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ question: null, note: null });
    expect(JSON.stringify(await inbox(dan))).not.toMatch(/Team only|Edited after/);
    // Back in the team, he sees it again.
    await must(api().request('POST', `/teams/${org.teamId}/members`, { token: org.admin.token, json: { userId: dan.user.id } }));
    expect((await itemsAbout(dan, q.id)).map((i: any) => i.question.title)).toEqual(['Edited after Dan left']);
  });
});
