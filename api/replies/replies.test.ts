// A note's discussion: replies, visible with the note; its author is told.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Account } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

const page = `${SITE}/accounts/:id`;

describeEachDatabase('replies', (api) => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(api());
  });
  const inbox = (who: Account) => must(api().request('GET', '/inbox', { token: who.token }));
  const itemsAbout = async (who: Account, questionId: string) => (await inbox(who)).items.filter((i: any) => i.question?.id === questionId);

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
});
