import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

describeEachDatabase('sites', (api) => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(api());
  });

  it('lists sites to anyone signed in', async () => {
    const res = await api().request('GET', '/sites', { token: org.carol.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({ origin: 'https://crm.corp.example', name: 'CRM', rules: expect.objectContaining({ keepQuery: ['tab'] }) }),
    ]);
    expect((await api().request('GET', '/sites')).status).toBe(401);
  });

  it('lets only admins register, change and remove sites', async () => {
    const body = { origin: 'https://wiki.corp.example', name: 'Wiki' };
    expect((await api().request('POST', '/sites', { token: org.moderator.token, json: body })).status).toBe(403);
    const created = await api().request('POST', '/sites', { token: org.admin.token, json: body });
    expect(created.status).toBe(201);
    expect(created.body.rules).toEqual({ keepQuery: [], hashRouting: false, templates: [] });

    const renamed = await api().request('PATCH', `/sites/${created.body.id}`, {
      token: org.admin.token,
      json: { name: 'Wiki (new)', rules: { keepQuery: [], hashRouting: true, templates: [] } },
    });
    expect(renamed.body).toMatchObject({ name: 'Wiki (new)', rules: { hashRouting: true } });
    expect((await api().request('PATCH', `/sites/${created.body.id}`, { token: org.alice.token, json: { name: 'x' } })).status).toBe(403);

    expect((await api().request('DELETE', `/sites/${created.body.id}`, { token: org.admin.token })).status).toBe(200);
    expect((await api().request('GET', `/sites/${created.body.id}`, { token: org.admin.token })).status).toBe(404);
  });

  it('normalizes origins and refuses anything that is not a bare http(s) origin', async () => {
    const created = await must(api().request('POST', '/sites', { token: org.admin.token, json: { origin: 'HTTPS://Tickets.Corp.Example:443/', name: 'Tickets' } }));
    expect(created.origin).toBe('https://tickets.corp.example');
    for (const origin of ['not a url', 'ftp://files.corp.example', 'https://corp.example/app', 'https://corp.example/?x=1']) {
      const res = await api().request('POST', '/sites', { token: org.admin.token, json: { origin, name: 'Bad' } });
      expect(res.status, origin).toBe(400);
      expect(res.body.code).toBe('bad_origin');
      expect(res.body.issues[0].path).toBe('origin'); // named, so a form shows it beside its field
    }
    const dup = await api().request('POST', '/sites', { token: org.admin.token, json: { origin: 'https://tickets.corp.example', name: 'Again' } });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('site_exists');
    expect(dup.body.issues[0]).toMatchObject({ path: 'origin', message: 'https://tickets.corp.example is already registered.' });
  });

  it('validates the URL templates in the rules', async () => {
    const res = await api().request('POST', '/sites', {
      token: org.admin.token,
      json: { origin: 'https://hr.corp.example', name: 'HR', rules: { templates: [{ name: 'Person', pattern: '/people/:id(\\d+)' }] } },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_pattern');
    expect(res.body.message).toContain('rules.templates.0.pattern');
  });

  it('tests a URL: its page key, screen, scopes and items, with the rules saved or rules being tried', async () => {
    const admin = org.admin.token;
    await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/accounts/:id`, body: 'On **every** account' } }));
    await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/accounts/:id`, body: 'private', visibility: 'private' } }));
    const url = `${SITE}/accounts/42?tab=notes&utm=x#top`;
    const saved = await must(api().request('POST', '/sites/preview', { token: admin, json: { url } }));
    expect(saved).toMatchObject({ origin: SITE, site: { id: org.site.id }, pageKey: `${SITE}/accounts/42?tab=notes`, screen: 'Account' });
    // Each scope says what is on it alone (the items listed are only the newest).
    expect(saved.scopes.find((s: { pattern: string }) => s.pattern === `${SITE}/accounts/:id`).counts).toEqual({ notes: 1, tips: 0, questions: 0, openQuestions: 0 });
    expect(saved.notes.map((n: { excerpt: string }) => n.excerpt)).toContain('On every account');
    expect(JSON.stringify(saved)).not.toContain('private'); // Alice's private note: not the admin's to see
    const tried = await must(api().request('POST', '/sites/preview', { token: admin, json: { url, rules: { keepQuery: [], hashRouting: true, templates: [{ name: 'Client', pattern: '/accounts/:id' }] } } }));
    expect(tried).toMatchObject({ pageKey: `${SITE}/accounts/42#top`, screen: 'Client' });
    // An app not registered yet: its key and screen, nothing on it.
    const fresh = await must(api().request('POST', '/sites/preview', { token: admin, json: { url: 'https://wiki.corp.example/#/page/Onboarding?x=1', rules: { keepQuery: [], hashRouting: true, templates: [] } } }));
    expect(fresh).toMatchObject({ site: null, pageKey: 'https://wiki.corp.example/#/page', scopes: [], notes: [], counts: { notes: 0, tips: 0, questions: 0, openQuestions: 0 } });
    expect((await api().request('POST', '/sites/preview', { token: org.alice.token, json: { url } })).status).toBe(403);
    expect((await api().request('POST', '/sites/preview', { token: admin, json: { url: 'not a url' } })).body.code).toBe('bad_url');
  });

  it('says what removing a site would delete, and lists its screens with their experts', async () => {
    const admin = org.admin.token;
    const site = await must(api().request('POST', '/sites', { token: admin, json: { origin: 'https://desk.corp.example', name: 'Desk', rules: { templates: [{ name: 'Ticket', pattern: '/tickets/:id' }, { name: 'Queue', pattern: '/queues/:id' }] } } }));
    const tip = { selector: [{ type: 'CssSelector', value: '#x' }] };
    await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: 'https://desk.corp.example/tickets/:id', body: 'n', visibility: 'private' } }));
    const t = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: 'https://desk.corp.example/tickets/:id', body: 't', anchor: tip } }));
    await must(api().request('POST', `/notes/${t.id}/replies`, { token: org.bob.token, json: { body: 'r' } }));
    const q = await must(api().request('POST', '/questions', { token: org.bob.token, json: { pattern: 'https://desk.corp.example/tickets/:id', title: 'q' } }));
    await must(api().request('POST', `/questions/${q.id}/answers`, { token: org.alice.token, json: { body: 'a' } }));
    await must(api().request('POST', '/experts', { token: admin, json: { userId: org.bob.user.id, pattern: 'https://desk.corp.example/tickets/*' } }));
    await must(api().request('POST', '/watches', { token: org.carol.token, json: { pattern: 'https://desk.corp.example/*' } }));
    expect(await must(api().request('GET', `/sites/${site.id}/usage`, { token: admin }))).toEqual({ notes: 1, tips: 1, questions: 1, answers: 1, replies: 1, experts: 1, watches: 1 });
    const screens = await must(api().request('GET', `/sites/${site.id}/screens`, { token: org.carol.token }));
    expect(screens).toEqual([
      { name: 'Ticket', pattern: '/tickets/:id', experts: [{ id: org.bob.user.id, name: 'Bob' }] },
      { name: 'Queue', pattern: '/queues/:id', experts: [] },
    ]);
  });
});
