import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, type Org } from '../../test/support/org-fixture';

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
    }
    const dup = await api().request('POST', '/sites', { token: org.admin.token, json: { origin: 'https://tickets.corp.example', name: 'Again' } });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('site_exists');
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
});
