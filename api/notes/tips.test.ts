import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';
import type { Account } from '../../test/support/api-harness';

const page = `${SITE}/accounts/:id`;
const anchor = { selector: [{ type: 'CssSelector', value: '[data-testid="send-invoice"]' }] };

describeEachDatabase('tips: anchoring reports, outdated flag, verification, inbox', (api) => {
  let org: Org;
  let dave: Account;
  let erin: Account;
  beforeAll(async () => {
    org = await createOrg(api());
    dave = await api().signUp('Dave');
    erin = await api().signUp('Erin');
    // Bob is the expert for account pages.
    await must(api().request('POST', '/experts', { token: org.admin.token, json: { userId: org.bob.user.id, pattern: `${SITE}/accounts/*` } }));
  });

  const tip = () => must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: page, body: 'Also **emails** the client', anchor } }));
  const report = (who: Account, id: string, found: boolean, confidence = found ? 0.9 : 0) =>
    api().request('POST', `/notes/${id}/anchor-reports`, { token: who.token, json: { found, confidence } });
  const inbox = (who: Account) => must(api().request('GET', '/inbox', { token: who.token }));

  it('marks a new tip verified by its author; a plain note carries no verification', async () => {
    const t = await tip();
    expect(t.verified).toEqual({ by: { id: org.alice.user.id, name: 'Alice' }, at: expect.any(String) });
    expect(t.possiblyOutdated).toBe(false);
    const note = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: page, body: 'plain' } }));
    expect(note.verified).toBeNull();
    const refused = await report(org.bob, note.id, false);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('not_a_tip');
  });

  it('flags a tip only when three different people fail to anchor it, then tells the author and the experts', async () => {
    const t = await tip();
    expect((await must(report(org.carol, t.id, false))).possiblyOutdated).toBe(false);
    expect((await must(report(org.carol, t.id, false))).possiblyOutdated).toBe(false); // same person again
    expect((await must(report(dave, t.id, true, 0.3))).possiblyOutdated).toBe(false); // low confidence counts
    expect((await must(report(erin, t.id, true, 0.95))).possiblyOutdated).toBe(false); // a success does not
    expect((await must(report(org.moderator, t.id, false))).possiblyOutdated).toBe(true);

    const ctx = await must(api().request('GET', `/context?url=${encodeURIComponent(`${SITE}/accounts/5`)}`, { token: org.carol.token }));
    expect(ctx.notes.find((n: { id: string }) => n.id === t.id).possiblyOutdated).toBe(true);

    for (const who of [org.alice, org.bob]) {
      const box = await inbox(who);
      expect(box.items.filter((i: { note: { id: string } | null }) => i.note?.id === t.id)).toEqual([
        expect.objectContaining({ kind: 'tip_outdated', readAt: null, note: { id: t.id, pattern: page, excerpt: 'Also emails the client' } }),
      ]);
    }
    expect((await inbox(org.carol)).items.some((i: { note: { id: string } | null }) => i.note?.id === t.id)).toBe(false);
    // More failures after the flag tell nobody again.
    await must(report(erin, t.id, false));
    expect((await inbox(org.alice)).items.filter((i: { note: { id: string } | null }) => i.note?.id === t.id)).toHaveLength(1);
  });

  it("tells only those who may see a team tip that it may be outdated: not the page's experts outside the team", async () => {
    const fay = await api().signUp('Fay');
    await must(api().request('POST', '/experts', { token: org.admin.token, json: { userId: fay.user.id, pattern: `${SITE}/accounts/*` } }));
    await must(api().request('POST', `/teams/${org.teamId}/members`, { token: org.admin.token, json: { userId: erin.user.id } }));
    const t = await must(
      api().request('POST', '/notes', { token: org.alice.token, json: { pattern: page, body: 'Team secret', anchor, visibility: 'team', teamId: org.teamId } }),
    );
    for (const who of [org.bob, erin]) await must(report(who, t.id, false));
    expect((await must(report(org.alice, t.id, false))).possiblyOutdated).toBe(true);
    const outdated = async (who: Account) => (await inbox(who)).items.filter((i: { kind: string; note: { id: string } | null }) => i.kind === 'tip_outdated' && (i.note === null || i.note.id === t.id));
    expect(await outdated(org.alice)).toHaveLength(1);
    expect(await outdated(org.bob)).toHaveLength(1); // an expert in the team
    expect(await outdated(fay)).toEqual([]); // an expert outside it
    expect(JSON.stringify(await inbox(fay))).not.toContain('Team secret');
    await must(api().request('DELETE', `/teams/${org.teamId}/members/${erin.user.id}`, { token: org.admin.token }));
  });

  it('lets a person who failed take it back by anchoring it later', async () => {
    const t = await tip();
    await must(report(org.carol, t.id, false));
    await must(report(dave, t.id, false));
    await must(report(org.carol, t.id, true, 0.9)); // Carol's browser finds it now
    expect((await must(report(erin, t.id, false))).possiblyOutdated).toBe(false);
  });

  it('lets the author, a moderator or an expert verify, which clears the flag and the reports', async () => {
    const t = await tip();
    for (const who of [org.carol, dave, erin]) await must(report(who, t.id, false));
    expect((await api().request('POST', `/notes/${t.id}/verify`, { token: org.carol.token })).status).toBe(403);
    const verified = await must(api().request('POST', `/notes/${t.id}/verify`, { token: org.bob.token }));
    expect(verified).toMatchObject({ possiblyOutdated: false, verified: { by: { name: 'Bob' } } });
    // The old failures are forgotten: two new ones are not enough.
    await must(report(org.carol, t.id, false));
    expect((await must(report(dave, t.id, false))).possiblyOutdated).toBe(false);
  });

  it('lets anyone who sees a tip pin it again', async () => {
    const t = await tip();
    for (const who of [org.carol, dave, erin]) await must(report(who, t.id, false));
    const newAnchor = { selector: [{ type: 'TextQuoteSelector', exact: 'Send invoice', prefix: 'Save ', suffix: ' Merge' }] };
    const repinned = await must(api().request('PUT', `/notes/${t.id}/anchor`, { token: org.carol.token, json: { anchor: newAnchor } }));
    expect(repinned).toMatchObject({ anchor: newAnchor, possiblyOutdated: false, verified: { by: { name: 'Carol' } }, body: 'Also **emails** the client' });
    const secret = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: page, body: 's', anchor, visibility: 'private' } }));
    expect((await api().request('PUT', `/notes/${secret.id}/anchor`, { token: org.carol.token, json: { anchor } })).status).toBe(404);
  });

  it('keeps an inbox per person: unread count, mark one read, mark all read', async () => {
    const before = await inbox(org.alice);
    expect(before.unread).toBeGreaterThan(1);
    const [first] = before.items;
    expect((await api().request('POST', `/inbox/${first.id}/read`, { token: org.carol.token })).status).toBe(404);
    await must(api().request('POST', `/inbox/${first.id}/read`, { token: org.alice.token }));
    const after = await inbox(org.alice);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((i: { id: string }) => i.id === first.id).readAt).not.toBeNull();
    const unreadOnly = await must(api().request('GET', '/inbox?unread=true', { token: org.alice.token }));
    expect(unreadOnly.items.every((i: { readAt: string | null }) => i.readAt === null)).toBe(true);
    await must(api().request('POST', '/inbox/read-all', { token: org.alice.token }));
    expect((await inbox(org.alice)).unread).toBe(0);
  });
});
