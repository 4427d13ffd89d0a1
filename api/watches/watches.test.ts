// Watches: new notes and questions on watched pages reach the watchers who may see them.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Account } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

const page = `${SITE}/accounts/:id`;

describeEachDatabase('watches', (api) => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(api());
  });
  const inbox = (who: Account) => must(api().request('GET', '/inbox', { token: who.token }));
  const itemsAbout = async (who: Account, questionId: string) => (await inbox(who)).items.filter((i: any) => i.question?.id === questionId);

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
});
