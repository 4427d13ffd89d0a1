// Search over HTTP on both databases: what it finds (stemmed, phrases, exclusions, OR, prefixes while
// typing), how it ranks and says why, what each person may find (the access rule, in SQL), paging that
// holds while colleagues write, and bad queries answered without a 500.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { describeEachDatabase, startTestApi } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';
import { excerptParts } from './service';
import { parseQuery } from './query';

type Hit = { kind: string; id: string; title: string; excerpt: Array<{ text: string; hit: boolean }>; rank: { score: number; votes: number; accepted: boolean }; [k: string]: unknown };

const ACCOUNTS = `${SITE}/accounts/:id`;
const REPORTS = `${SITE}/reports/*`;

describeEachDatabase('search', (api) => {
  let org: Org;
  const ids = {} as Record<'vatNote' | 'mergeTip' | 'teamNote' | 'privateNote' | 'refundQ' | 'refundAnswer' | 'openQ' | 'teamQ' | 'teamAnswer' | 'reply', string>;
  const post = (token: string, path: string, json: object) => must(api().request('POST', path, { token, json }));
  const find = async (token: string, query: Record<string, string>) => {
    const res = await api().request('GET', `/search?${new URLSearchParams(query)}`, { token });
    if (res.status !== 200) throw new Error(`search ${JSON.stringify(query)}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { hits: Hit[]; next: string | null };
  };
  const titles = async (token: string, q: string, more: Record<string, string> = {}) => (await find(token, { q, ...more })).hits.map((h) => h.title);

  beforeAll(async () => {
    org = await createOrg(api());
    const { alice, bob, carol } = org;
    ids.vatNote = (await post(alice.token, '/notes', { pattern: ACCOUNTS, body: 'The **VAT id** is on the second page of the contract.' })).id;
    ids.mergeTip = (await post(bob.token, '/notes', { pattern: ACCOUNTS, body: 'Merging accounts is final: approve only duplicates.', anchor: { selector: [{ type: 'CssSelector', value: '#merge' }] } })).id;
    ids.teamNote = (await post(alice.token, '/notes', { pattern: ACCOUNTS, body: 'Refund approvals go to the support lead.', visibility: 'team', teamId: org.teamId })).id;
    ids.privateNote = (await post(alice.token, '/notes', { pattern: REPORTS, body: 'My own reminder about the quarterly refund export.', visibility: 'private' })).id;
    const refundQ = await post(carol.token, '/questions', { pattern: ACCOUNTS, title: 'How do I refund an invoice?', body: 'The button is greyed out.' });
    ids.refundQ = refundQ.id;
    const answered = await post(bob.token, `/questions/${refundQ.id}/answers`, { body: 'Open the invoice, then **Credit note** and refund from there.' });
    const answer = answered.answers[0];
    ids.refundAnswer = answer.id;
    await must(api().request('PUT', `/questions/${refundQ.id}/accepted-answer`, { token: carol.token, json: { answerId: answer.id } }));
    await must(api().request('PUT', `/answers/${answer.id}/vote`, { token: alice.token }));
    ids.openQ = (await post(bob.token, '/questions', { pattern: REPORTS, title: 'Where is the quarterly export?', body: 'I need the refund totals too.' })).id;
    ids.teamQ = (await post(alice.token, '/questions', { pattern: REPORTS, title: 'Who signs off team refunds?', visibility: 'team', teamId: org.teamId })).id;
    ids.teamAnswer = (await post(bob.token, `/questions/${ids.teamQ}/answers`, { body: 'The support lead signs off refunds.' })).answers[0].id;
    ids.reply = (await post(carol.token, `/notes/${ids.vatNote}/replies`, { body: 'The VAT id moved to the first page in the new template.' })).id;
  });

  describe('finding', () => {
    it('finds every kind, stemmed, with where it lives and an excerpt that marks the words', async () => {
      const hits = (await find(org.carol.token, { q: 'refunding' })).hits;
      expect(new Set(hits.map((h) => h.kind))).toEqual(new Set(['question', 'answer']));
      const q = hits.find((h) => h.id === ids.refundQ)!;
      expect(q).toMatchObject({ title: 'How do I refund an invoice?', pattern: ACCOUNTS, screen: 'Account', site: { id: org.site.id, name: 'CRM' }, status: 'answered', author: { name: 'Carol' } });
      expect(q.acceptedAnswer).toEqual({ id: ids.refundAnswer, text: 'Open the invoice, then Credit note and refund from there.' });
      expect(hits.find((h) => h.id === ids.refundAnswer)!.acceptedAnswer).toBeNull();
      expect(q.excerpt.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toContain('refund');
      const a = hits.find((h) => h.id === ids.refundAnswer)!;
      expect(a).toMatchObject({ kind: 'answer', question: { id: ids.refundQ, title: 'How do I refund an invoice?' } });
      // Markdown marks are not part of the excerpt.
      expect(a.excerpt.map((p) => p.text).join('')).toContain('Credit note');
      expect(a.excerpt.map((p) => p.text).join('')).not.toContain('**');
      const reply = (await find(org.carol.token, { q: 'template' })).hits;
      expect(reply).toMatchObject([{ kind: 'reply', id: ids.reply, note: { id: ids.vatNote, title: 'The VAT id is on the second page of the contract.' } }]);
    });

    it('reads phrases, exclusions and OR as people type them, and the last word as a prefix while typing', async () => {
      expect(await titles(org.carol.token, '"second page"')).toEqual(['The VAT id is on the second page of the contract.']);
      expect(await titles(org.carol.token, '"page second"')).toEqual([]);
      expect((await find(org.carol.token, { q: 'vat -template' })).hits.map((h) => h.id)).toEqual([ids.vatNote]);
      expect(new Set((await find(org.carol.token, { q: 'merging OR invoice' })).hits.map((h) => h.id))).toEqual(new Set([ids.mergeTip, ids.refundQ, ids.refundAnswer]));
      expect(await titles(org.carol.token, 'contr')).toEqual([]);
      expect(await titles(org.carol.token, 'contr', { prefix: 'true' })).toEqual(['The VAT id is on the second page of the contract.']);
      expect(await titles(org.carol.token, 'vat contr', { prefix: 'true' })).toEqual(['The VAT id is on the second page of the contract.']);
    });

    it('ranks a title over a body mention and an accepted, voted answer over a plain one, and says why', async () => {
      const refund = (await find(org.bob.token, { q: 'refund' })).hits;
      // A question whose title says it comes before items that mention it in their body.
      expect(refund[0]!.id).toBe(ids.refundQ);
      const answersRanked = refund.filter((h) => h.kind === 'answer').map((h) => h.id);
      expect(answersRanked).toEqual([ids.refundAnswer, ids.teamAnswer]);
      const accepted = refund.find((h) => h.id === ids.refundAnswer)!;
      expect(accepted.rank).toMatchObject({ votes: 1, accepted: true });
      expect(refund.find((h) => h.id === ids.teamAnswer)!.rank).toMatchObject({ votes: 0, accepted: false });
      const scores = refund.map((h) => h.rank.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });

    it('filters by app, page, pattern, kind, author, status and date', async () => {
      const { bob } = org;
      const other = await must(api().request('POST', '/sites', { token: org.admin.token, json: { origin: 'https://wiki.corp.example', name: 'Wiki' } }));
      await post(bob.token, '/notes', { pattern: 'https://wiki.corp.example/*', body: 'Refund policy lives here.' });
      const all = (await find(bob.token, { q: 'refund' })).hits.length;
      expect((await find(bob.token, { q: 'refund', site: other.id })).hits.map((h) => h.title)).toEqual(['Refund policy lives here.']);
      expect((await find(bob.token, { q: 'refund', site: org.site.id })).hits).toHaveLength(all - 1);
      expect((await find(bob.token, { q: 'refund', url: `${SITE}/reports/q3` })).hits.map((h) => h.id).sort()).toEqual([ids.openQ, ids.teamQ, ids.teamAnswer].sort());
      expect((await find(bob.token, { q: 'refund', url: `${SITE}/nowhere` })).hits).toEqual([]);
      // The page key by the site's rules: what they do not keep (a session id) does not matter.
      expect((await find(bob.token, { q: 'refund', url: `${SITE}/reports/q3?session=abc` })).hits).toHaveLength(3);
      const bad = async (url: string) => (await api().request('GET', `/search?${new URLSearchParams({ q: 'refund', url })}`, { token: bob.token })).body.code;
      expect(await bad('not a url')).toBe('bad_url');
      expect(await bad('https://unknown.corp.example/x')).toBe('site_not_registered');
      expect((await find(bob.token, { q: 'refund', pattern: REPORTS, kind: 'question' })).hits.map((h) => h.id).sort()).toEqual([ids.openQ, ids.teamQ].sort());
      expect((await find(bob.token, { q: 'approve', kind: 'tip' })).hits.map((h) => h.id)).toEqual([ids.mergeTip]);
      expect((await find(bob.token, { q: 'refund', author: org.carol.user.id })).hits.map((h) => h.id)).toEqual([ids.refundQ]);
      expect((await find(bob.token, { q: 'refund', status: 'open' })).hits.map((h) => h.id).sort()).toEqual([ids.openQ, ids.teamQ].sort());
      expect((await find(bob.token, { q: 'refund', status: 'answered' })).hits.map((h) => h.id)).toEqual([ids.refundQ]);
      expect((await find(bob.token, { q: 'refund', since: new Date(Date.now() + 60_000).toISOString() })).hits).toEqual([]);
      expect((await find(bob.token, { q: 'refund', until: new Date(Date.now() + 60_000).toISOString() })).hits).toHaveLength(all);
    });
  });

  describe('who finds what', () => {
    const idsFor = async (token: string, q: string) => new Set((await find(token, { q })).hits.map((h) => h.id));

    it('finds private items for their author only, team items for its members, org items for everyone', async () => {
      const { alice, bob, carol, moderator, admin } = org;
      expect((await idsFor(alice.token, 'quarterly')).has(ids.privateNote)).toBe(true);
      for (const other of [bob, carol, moderator, admin]) expect((await idsFor(other.token, 'quarterly')).has(ids.privateNote)).toBe(false);
      for (const member of [alice, bob]) {
        const found = await idsFor(member.token, 'refund');
        expect([ids.teamNote, ids.teamQ, ids.teamAnswer].every((id) => found.has(id))).toBe(true);
      }
      for (const outsider of [carol, moderator, admin]) {
        const found = await idsFor(outsider.token, 'refund');
        // The team's answer is hidden with its question; nothing of them is counted, ranked or excerpted.
        expect([ids.teamNote, ids.teamQ, ids.teamAnswer].some((id) => found.has(id))).toBe(false);
        expect(found.has(ids.refundQ)).toBe(true);
      }
      expect(JSON.stringify(await find(carol.token, { q: 'lead' }))).not.toContain('support lead');
    });

    it('hides a team’s items from someone who left it, and an item turned private from everyone else at once', async () => {
      const { alice, bob, admin } = org;
      await must(api().request('DELETE', `/teams/${org.teamId}/members/${bob.user.id}`, { token: admin.token }));
      expect((await idsFor(bob.token, 'refund')).has(ids.teamNote)).toBe(false);
      await must(api().request('POST', `/teams/${org.teamId}/members`, { token: admin.token, json: { userId: bob.user.id } }));
      expect((await idsFor(bob.token, 'refund')).has(ids.teamNote)).toBe(true);

      await must(api().request('PATCH', `/notes/${ids.vatNote}`, { token: alice.token, json: { visibility: 'private' } }));
      expect((await idsFor(bob.token, 'vat')).size).toBe(0); // the note, and the reply with it
      expect((await idsFor(alice.token, 'vat')).has(ids.vatNote)).toBe(true);
      await must(api().request('PATCH', `/notes/${ids.vatNote}`, { token: alice.token, json: { visibility: 'org' } }));
      expect(await idsFor(bob.token, 'vat')).toEqual(new Set([ids.vatNote, ids.reply]));
    });
  });

  it('pages best first without repeating or losing a hit while colleagues write', async () => {
    const { bob, carol } = org;
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await post(bob.token, '/notes', { pattern: `${SITE}/ledger/${i}`, body: `Ledger close step ${i}: reconcile the ledger ${'and check the ledger '.repeat(i)}` })).id);
    const seen: string[] = [];
    let page = await find(carol.token, { q: 'ledger', limit: '3' });
    for (;;) {
      seen.push(...page.hits.map((h) => h.id));
      // A colleague writes between pages: a new hit may rank anywhere, the pages already read do not shift.
      await post(bob.token, '/notes', { pattern: `${SITE}/ledger/new`, body: 'Ledger ledger ledger: the newest note' });
      if (!page.next) break;
      page = await find(carol.token, { q: 'ledger', limit: '3', cursor: page.next });
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(made.every((id) => seen.includes(id))).toBe(true);
  });

  it('answers bad queries with 400 and a reason, or with nothing found, never a 500', async () => {
    const { carol } = org;
    const status = async (query: string) => (await api().request('GET', `/search?${query}`, { token: carol.token })).status;
    for (const [query, code] of [
      ['', 400],
      ['q=', 400],
      ['q=%20%20%09', 400],
      ['q=%00%01', 400],
      [`q=${'refund '.repeat(1500)}`, 400],
      ['q=refund&kind=memo', 400],
      ['q=refund&limit=500', 400],
      ['q=refund&cursor=junk', 400],
      ['q=refund&since=yesterday', 400],
    ] as const) {
      expect(await status(query), query.slice(0, 40)).toBe(code);
    }
    const body = (await api().request('GET', '/search?q=', { token: carol.token })).body;
    expect(body).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('type something to search for') });
    for (const q of ['"refund', 'refund"" OR', 'OR', '-', '"', '- -', 'the of and', '!!! ??? :*', '&|!()<->', '🙂', '請求書', 'فاتورة', 'a:* | b', "'; drop table notes; --", 're\u0000fund']) {
      const res = await api().request('GET', `/search?${new URLSearchParams({ q, prefix: 'true' })}`, { token: carol.token });
      expect([200, 400], q).toContain(res.status);
      if (res.status === 200) expect(Array.isArray(res.body.hits), q).toBe(true);
    }
    expect((await api().request('GET', '/search?q=refund')).status).toBe(401);
  });
});

describeEachDatabase(
  'search with the simple configuration (SEARCH_CONFIG=simple)',
  (api) => {
    it('matches words as written, without English stemming', async () => {
      const org = await createOrg(api());
      await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: ACCOUNTS, body: 'Approved refunds are final.' } }));
      const find = async (q: string) => (await must(api().request('GET', `/search?q=${encodeURIComponent(q)}`, { token: org.bob.token }))).hits as Hit[];
      expect(await find('approved')).toHaveLength(1);
      expect(await find('approve')).toHaveLength(0);
      // Stop words of English are words here.
      expect(await find('are')).toHaveLength(1);
    });
  },
  { searchConfig: 'simple' },
);

describe('the search configuration setting', () => {
  it('refuses a name that is not one, and a configuration the database does not have, saying which', async () => {
    expect(() => loadConfig({ SEARCH_CONFIG: 'english; drop table notes' })).toThrow(/SEARCH_CONFIG: a text search configuration name/);
    await expect(startTestApi('pglite', { searchConfig: 'klingon' })).rejects.toThrow(/SEARCH_CONFIG: this database has no text search configuration "klingon"/);
  });
});

describe('reading queries', () => {
  it('takes the last bare word as a prefix while typing, and nothing that could be an operator', () => {
    expect(parseQuery('vat contr', true)).toEqual({ text: 'vat', prefix: 'contr' });
    expect(parseQuery('contr', true)).toEqual({ text: '', prefix: 'contr' });
    expect(parseQuery('vat contr', false)).toEqual({ text: 'vat contr', prefix: null });
    expect(parseQuery('vat -contr', true)).toEqual({ text: 'vat -contr', prefix: null });
    expect(parseQuery('"second pa', true)).toEqual({ text: '"second pa', prefix: null });
    expect(parseQuery('a:*', true)).toEqual({ text: 'a:*', prefix: null });
    expect(parseQuery('請求', true)).toEqual({ text: '', prefix: '請求' });
    expect(parseQuery('   ', true)).toBeNull();
  });

  it('splits a marked excerpt into plain parts', () => {
    expect(excerptParts('Open the \u0002invoice\u0003, then **Credit** [note](https://x)')).toEqual([
      { text: 'Open the ', hit: false },
      { text: 'invoice', hit: true },
      { text: ', then Credit note', hit: false },
    ]);
  });
});

