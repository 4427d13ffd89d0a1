import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

const page = `${SITE}/accounts/42`;

describeEachDatabase('notes and tips', (api) => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(api());
  });

  const write = (token: string, json: object) => api().request('POST', '/notes', { token, json: { pattern: page, body: 'Note', ...json } });

  it('creates a note with markdown and returns it whole', async () => {
    const res = await write(org.alice.token, { body: '**Bold** claim', visibility: 'org' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      pattern: page,
      body: '**Bold** claim',
      visibility: 'org',
      teamId: null,
      anchor: null,
      author: { id: org.alice.user.id, name: 'Alice' },
      score: 0,
      votedByMe: false,
    });
    expect((await api().request('GET', `/notes/${res.body.id}`, { token: org.carol.token })).body.body).toBe('**Bold** claim');
  });

  it('stores a tip with its W3C-shaped anchor', async () => {
    const anchor = {
      selector: [
        { type: 'CssSelector', value: '#save', refinedBy: { type: 'TextQuoteSelector', exact: 'Save', prefix: '', suffix: '' } },
        { type: 'AttributeSelector', tag: 'button', attributes: { 'data-testid': 'save' } },
        { type: 'ElementPositionSelector', tag: 'button', index: 2, of: 5 },
      ],
    };
    const res = await write(org.alice.token, { body: 'This button also emails the client', anchor });
    expect(res.status).toBe(201);
    expect(res.body.anchor).toEqual(anchor);
    const bad = await write(org.alice.token, { anchor: { selector: [{ type: 'XPathSelector', value: '//b' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it('stores a tip inside shadow roots: a CssSelector refined by each host’s, at most 8 hosts deep', async () => {
    const through = (hosts: number) => {
      let css: object = { type: 'CssSelector', value: 'button', refinedBy: { type: 'TextQuoteSelector', exact: 'Approve' } };
      for (let i = 0; i < hosts; i++) css = { type: 'CssSelector', value: `wc-${i}`, refinedBy: css };
      return { selector: [css] };
    };
    const res = await write(org.alice.token, { body: 'Needs a PO number', anchor: through(8) });
    expect(res.status).toBe(201);
    expect(res.body.anchor).toEqual(through(8));
    expect((await write(org.alice.token, { anchor: through(9) })).status).toBe(400);
  });

  it('stores a tip inside another site’s frame with that frame’s page key; anything but an http(s) address is refused', async () => {
    const anchor = { selector: [{ type: 'CssSelector', value: '#book' }], frame: 'https://partner.example/widget' };
    const res = await write(org.alice.token, { body: 'Book after the visit', anchor });
    expect(res.status).toBe(201);
    expect(res.body.anchor).toEqual(anchor);
    for (const frame of ['partner.example/widget', 'javascript:alert(1)', `https://partner.example/${'x'.repeat(2000)}`]) {
      const bad = await write(org.alice.token, { anchor: { ...anchor, frame } });
      expect(bad.status, frame.slice(0, 30)).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
    }
  });

  it('enforces visibility on read: private to the author, team to members, org to all', async () => {
    const made = {
      private: await must(write(org.alice.token, { visibility: 'private' })),
      team: await must(write(org.alice.token, { visibility: 'team', teamId: org.teamId })),
      org: await must(write(org.alice.token, { visibility: 'org' })),
    };
    const canRead = async (token: string) => {
      const out: string[] = [];
      for (const [kind, note] of Object.entries(made)) {
        const res = await api().request('GET', `/notes/${note.id}`, { token });
        if (res.status === 200) out.push(kind);
        else expect(res.status).toBe(404); // hidden content is indistinguishable from none
      }
      return out;
    };
    expect(await canRead(org.alice.token)).toEqual(['private', 'team', 'org']);
    expect(await canRead(org.bob.token)).toEqual(['team', 'org']);
    expect(await canRead(org.carol.token)).toEqual(['org']);
    expect(await canRead(org.moderator.token)).toEqual(['org']);
    expect(await canRead(org.admin.token)).toEqual(['org']);
  });

  it('shares with a team only the author belongs to, and requires the team', async () => {
    const outsider = await write(org.carol.token, { visibility: 'team', teamId: org.teamId });
    expect(outsider.status).toBe(403);
    const noTeam = await write(org.alice.token, { visibility: 'team' });
    expect(noTeam.status).toBe(400);
    expect(noTeam.body.issues[0].path).toBe('teamId');
  });

  it('lets only the author edit, and the author or a moderator delete', async () => {
    const note = await must(write(org.alice.token, { body: 'v1' }));
    for (const who of [org.bob, org.moderator, org.admin]) {
      expect((await api().request('PATCH', `/notes/${note.id}`, { token: who.token, json: { body: 'hijack' } })).status).toBe(403);
    }
    const edited = await api().request('PATCH', `/notes/${note.id}`, { token: org.alice.token, json: { body: 'v2', visibility: 'team', teamId: org.teamId } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'v2', visibility: 'team', teamId: org.teamId });
    expect(edited.body.updatedAt >= edited.body.createdAt).toBe(true);

    const other = await must(write(org.alice.token, { body: 'to moderate' }));
    expect((await api().request('DELETE', `/notes/${other.id}`, { token: org.bob.token })).status).toBe(403);
    expect((await api().request('DELETE', `/notes/${other.id}`, { token: org.moderator.token })).status).toBe(200);
    expect((await api().request('DELETE', `/notes/${note.id}`, { token: org.alice.token })).status).toBe(200);
    expect((await api().request('GET', `/notes/${note.id}`, { token: org.alice.token })).status).toBe(404);

    // A moderator cannot delete what they cannot see.
    const secret = await must(write(org.alice.token, { visibility: 'private' }));
    expect((await api().request('DELETE', `/notes/${secret.id}`, { token: org.moderator.token })).status).toBe(404);
  });

  it('checks the pattern: valid syntax, no regexp groups, inside a registered site', async () => {
    const regexp = await write(org.alice.token, { pattern: `${SITE}/accounts/:id(\\d+)` });
    expect(regexp.status).toBe(400);
    expect(regexp.body.code).toBe('invalid_pattern');
    const unknownSite = await write(org.alice.token, { pattern: 'https://elsewhere.example/x' });
    expect(unknownSite.status).toBe(422);
    expect(unknownSite.body.code).toBe('site_not_registered');
    const wildHost = await write(org.alice.token, { pattern: 'https://*.corp.example/x' });
    expect(wildHost.status).toBe(422);
    expect(wildHost.body.code).toBe('pattern_not_in_site');
    const broken = await write(org.alice.token, { pattern: `${SITE}/accounts/{oops` });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('invalid_pattern');
  });

  it('limits the body size and refuses empty bodies', async () => {
    const empty = await write(org.alice.token, { body: '   ' });
    expect(empty.status).toBe(400);
    const long = await write(org.alice.token, { body: 'x'.repeat(20_001) });
    expect(long.status).toBe(400);
    expect(long.body.message).toContain('20000');
  });

  it('counts helpful votes once per person and never on your own note', async () => {
    const note = await must(write(org.alice.token, {}));
    const vote = (token: string, method = 'PUT') => api().request(method, `/notes/${note.id}/vote`, { token });
    expect((await vote(org.bob.token)).body).toEqual({ score: 1, votedByMe: true });
    expect((await vote(org.bob.token)).body).toEqual({ score: 1, votedByMe: true });
    expect((await vote(org.carol.token)).body).toEqual({ score: 2, votedByMe: true });
    expect((await vote(org.alice.token)).status).toBe(403);
    expect((await vote(org.bob.token, 'DELETE')).body).toEqual({ score: 1, votedByMe: false });
    const seen = await api().request('GET', `/notes/${note.id}`, { token: org.carol.token });
    expect(seen.body).toMatchObject({ score: 1, votedByMe: true });
  });
});
