import { beforeAll, expect, it } from 'vitest';
import { invitations, users } from '../db/schema';
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
    expect(users.items.map((u: { name: string }) => u.name)).toEqual(['Admin', 'Alice', 'Bob', 'Carol', 'Moderator']);
    expect(users.next).toBeNull();
    expect(JSON.stringify(users)).not.toContain('scrypt');
  });

  it('pages through thousands of accounts by name, and finds them by a part of the name or email', async () => {
    await api().database.db.insert(users).values(
      Array.from({ length: 1200 }, (_, i) => ({ email: `bulk${i}@bulk.example`, name: `Bulk ${String(i).padStart(4, '0')}`, passwordHash: 'x' })),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ name: string }>; next: string | null } = await must(
        api().request('GET', `/users?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token: org.admin.token }),
      );
      seen.push(...page.items.map((u) => u.name));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(1205);
    expect(new Set(seen).size).toBe(1205);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const found = await must(api().request('GET', '/users?q=bulk1199', { token: org.admin.token }));
    expect(found.items.map((u: { email: string }) => u.email)).toEqual(['bulk1199@bulk.example']);
    const wildcard = await must(api().request('GET', `/users?q=${encodeURIComponent('%')}`, { token: org.admin.token }));
    expect(wildcard.items).toEqual([]); // "%" is a letter here, not a wildcard
    const bad = await api().request('GET', '/users?cursor=nonsense', { token: org.admin.token });
    expect([bad.status, bad.body.code]).toEqual([400, 'bad_cursor']);
  });

  it('turns an account off (its sessions end, it cannot sign in) and on again', async () => {
    const dora = await api().signUp('Dora');
    const off = await must(api().request('PATCH', `/users/${dora.user.id}`, { token: org.admin.token, json: { disabled: true } }));
    expect(off.disabled).toBe(true);
    expect((await api().request('GET', '/auth/me', { token: dora.token })).status).toBe(401);
    const signIn = await api().request('POST', '/auth/signin', { json: { email: dora.user.email, password: 'correct horse battery' } });
    expect([signIn.status, signIn.body.code]).toEqual([403, 'account_disabled']);
    expect((await api().request('PATCH', `/users/${dora.user.id}`, { token: org.alice.token, json: { disabled: false } })).status).toBe(403);
    await must(api().request('PATCH', `/users/${dora.user.id}`, { token: org.admin.token, json: { disabled: false } }));
    expect((await api().request('POST', '/auth/signin', { json: { email: dora.user.email, password: 'correct horse battery' } })).status).toBe(200);
  });

  it('never turns off the last admin, nor lets admins turn themselves off', async () => {
    const self = await api().request('PATCH', `/users/${org.admin.user.id}`, { token: org.admin.token, json: { disabled: true } });
    expect([self.status, self.body.code]).toEqual([409, 'last_admin']);
    const unchanged = await must(api().request('PATCH', `/users/${org.admin.user.id}`, { token: org.admin.token, json: {} }));
    expect(unchanged).toMatchObject({ role: 'admin', disabled: false });
  });

  it('lets admins create an account with the role it starts with (member unless they say)', async () => {
    const made = await must(api().request('POST', '/users', { token: org.admin.token, json: { email: 'hana@corp.example', name: 'Hana', password: 'correct horse battery', role: 'moderator' } }));
    expect(made).toMatchObject({ email: 'hana@corp.example', role: 'moderator', disabled: false });
    const plain = await must(api().request('POST', '/users', { token: org.admin.token, json: { email: 'ivo@corp.example', name: 'Ivo', password: 'correct horse battery' } }));
    expect(plain.role).toBe('member');
    const byModerator = await api().request('POST', '/users', { token: org.moderator.token, json: { email: 'jo@corp.example', name: 'Jo', password: 'correct horse battery', role: 'admin' } });
    expect(byModerator.status).toBe(403);
    const badRole = await api().request('POST', '/users', { token: org.admin.token, json: { email: 'jo@corp.example', name: 'Jo', password: 'correct horse battery', role: 'owner' } });
    expect([badRole.status, badRole.body.issues?.[0]?.path]).toEqual([400, 'role']);
  });

  it('lets admins make invitation links that sign people up whatever the policy, until revoked or expired', async () => {
    await must(api().request('PUT', '/server/signup', { token: org.admin.token, json: { mode: 'closed' } }));
    const closed = await api().request('POST', '/auth/signup', { json: { email: 'eve@corp.example', name: 'Eve', password: 'correct horse battery' } });
    expect([closed.status, closed.body.code]).toEqual([403, 'signup_closed']);
    const link = await must(api().request('POST', '/invitations', { token: org.admin.token, json: { role: 'moderator' } }));
    expect(link.token).toMatch(/^ali_/);
    const eve = await must(api().request('POST', '/auth/signup', { json: { email: 'eve@corp.example', name: 'Eve', password: 'correct horse battery', invitation: link.token } }));
    expect(eve.user.role).toBe('moderator');
    const listed = await must(api().request('GET', '/invitations', { token: org.admin.token }));
    expect(listed.find((i: { id: string }) => i.id === link.id)).toMatchObject({ uses: 1, revoked: false });
    expect(JSON.stringify(listed)).not.toContain(link.token);
    await must(api().request('DELETE', `/invitations/${link.id}`, { token: org.admin.token }));
    const revoked = await api().request('POST', '/auth/signup', { json: { email: 'fay@corp.example', name: 'Fay', password: 'correct horse battery', invitation: link.token } });
    expect([revoked.status, revoked.body.code]).toEqual([403, 'invitation_invalid']);
    await api().database.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) });
    const fresh = await must(api().request('POST', '/invitations', { token: org.admin.token, json: { days: 1 } }));
    await api().database.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) });
    const expired = await api().request('POST', '/auth/signup', { json: { email: 'gus@corp.example', name: 'Gus', password: 'correct horse battery', invitation: fresh.token } });
    expect(expired.body.code).toBe('invitation_invalid');
    await must(api().request('PUT', '/server/signup', { token: org.admin.token, json: { mode: 'open' } }));
  });

  it("opens sign-up to the company's email domains only", async () => {
    const bad = await api().request('PUT', '/server/signup', { token: org.admin.token, json: { mode: 'domains', domains: [] } });
    expect([bad.status, bad.body.issues?.[0]?.path]).toEqual([400, 'domains']);
    await must(api().request('PUT', '/server/signup', { token: org.admin.token, json: { mode: 'domains', domains: ['Corp.Example'] } }));
    const outsider = await api().request('POST', '/auth/signup', { json: { email: 'hal@gmail.example', name: 'Hal', password: 'correct horse battery' } });
    expect([outsider.status, outsider.body.code]).toEqual([403, 'signup_domain']);
    expect(outsider.body.message).toContain('@corp.example');
    expect((await api().request('POST', '/auth/signup', { json: { email: 'hal@CORP.example', name: 'Hal', password: 'correct horse battery' } })).status).toBe(201);
    expect((await must(api().request('GET', '/server', { token: org.admin.token }))).signUp).toEqual({ mode: 'domains', domains: ['corp.example'] });
    await must(api().request('PUT', '/server/signup', { token: org.admin.token, json: { mode: 'open' } }));
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
