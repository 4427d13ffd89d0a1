import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

describeEachDatabase('people: users, teams, expert listings', (api) => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(api());
  });

  it('lists accounts to admins only, without password hashes', async () => {
    expect((await api().request('GET', '/users', { token: org.moderator.token })).status).toBe(403);
    const users = await must(api().request('GET', '/users', { token: org.admin.token }));
    expect(users.map((u: { name: string }) => u.name)).toEqual(['Admin', 'Alice', 'Bob', 'Carol', 'Moderator']);
    expect(JSON.stringify(users)).not.toContain('scrypt');
  });

  it('lists teams with members to everyone signed in, and lets admins manage them', async () => {
    const teams = await must(api().request('GET', '/teams', { token: org.carol.token }));
    expect(teams).toEqual([{ id: org.teamId, name: 'Support', members: [{ id: org.alice.user.id, name: 'Alice' }, { id: org.bob.user.id, name: 'Bob' }] }]);
    expect((await api().request('POST', '/teams', { token: org.alice.token, json: { name: 'Sales' } })).status).toBe(403);
    const dup = await api().request('POST', '/teams', { token: org.admin.token, json: { name: 'support' } });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('team_exists');
    const sales = await must(api().request('POST', '/teams', { token: org.admin.token, json: { name: 'Sales' } }));
    expect((await api().request('POST', `/teams/${sales.id}/members`, { token: org.admin.token, json: { userId: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404);
    await must(api().request('POST', `/teams/${sales.id}/members`, { token: org.admin.token, json: { userId: org.carol.user.id } }));
    expect((await must(api().request('GET', '/auth/me', { token: org.carol.token }))).teams).toEqual([{ id: sales.id, name: 'Sales' }]);
  });

  it('deletes a team together with what was shared with it', async () => {
    const temp = await must(api().request('POST', '/teams', { token: org.admin.token, json: { name: 'Temp' } }));
    await must(api().request('POST', `/teams/${temp.id}/members`, { token: org.admin.token, json: { userId: org.bob.user.id } }));
    const note = await must(api().request('POST', '/notes', { token: org.bob.token, json: { pattern: `${SITE}/temp`, body: 'for Temp', visibility: 'team', teamId: temp.id } }));
    expect((await api().request('DELETE', `/teams/${temp.id}`, { token: org.bob.token })).status).toBe(403);
    expect((await api().request('DELETE', `/teams/${temp.id}`, { token: org.admin.token })).status).toBe(200);
    expect((await api().request('GET', `/notes/${note.id}`, { token: org.bob.token })).status).toBe(404);
    expect((await must(api().request('GET', '/auth/me', { token: org.bob.token }))).teams.map((t: { name: string }) => t.name)).toEqual(['Support']);
  });

  it('lists every expert assignment when no page is given', async () => {
    await must(api().request('POST', '/experts', { token: org.admin.token, json: { userId: org.alice.user.id, pattern: `${SITE}/accounts/*` } }));
    await must(api().request('POST', '/experts', { token: org.admin.token, json: { userId: org.bob.user.id, pattern: `${SITE}/tickets/:id` } }));
    const all = await must(api().request('GET', '/experts', { token: org.carol.token }));
    expect(all.map((e: { user: { name: string }; pattern: string }) => `${e.user.name} ${e.pattern}`)).toEqual([
      `Alice ${SITE}/accounts/*`,
      `Bob ${SITE}/tickets/:id`,
    ]);
    const unknownUser = await api().request('POST', '/experts', { token: org.admin.token, json: { userId: '00000000-0000-4000-8000-000000000000', pattern: `${SITE}/x` } });
    expect(unknownUser.status).toBe(404);
  });
});
