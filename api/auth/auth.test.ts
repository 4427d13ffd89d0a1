import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';

describeEachDatabase('auth', (api) => {
  it('makes the first account admin and later ones members', async () => {
    const first = await api().signUp('Ada');
    const second = await api().signUp('Grace');
    expect(first.user.role).toBe('admin');
    expect(second.user.role).toBe('member');
    expect(first.token).toMatch(/^als_/);
  });

  it('signs in with the right password only, and never says which part was wrong', async () => {
    const { user } = await api().signUp('Linus');
    const good = await api().request('POST', '/auth/signin', { json: { email: user.email.toUpperCase(), password: 'correct horse battery' } });
    expect(good.status).toBe(200);
    expect(good.body.user.id).toBe(user.id);

    const wrong = await api().request('POST', '/auth/signin', { json: { email: user.email, password: 'wrong password!!' } });
    const unknown = await api().request('POST', '/auth/signin', { json: { email: 'nobody@corp.example', password: 'wrong password!!' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('bad_credentials');
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const { user } = await api().signUp('Edsger');
    const res = await api().request('POST', '/auth/signup', {
      json: { email: user.email.toUpperCase(), name: 'Copy', password: 'correct horse battery' },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('email_taken');
  });

  it('stores tokens hashed: the token is not in the database', async () => {
    const { token } = await api().signUp('Barbara');
    const { sql } = await import('drizzle-orm');
    const raw = (await api().database.db.execute(sql`select token_hash from sessions`)) as unknown as { rows: Array<{ token_hash: string }> };
    expect(raw.rows.length).toBeGreaterThan(0);
    expect(raw.rows.some((r) => r.token_hash === token)).toBe(false);
  });

  it('returns me with teams, and signs out by revoking the token', async () => {
    const { token, user } = await api().signUp('Ken');
    const me = await api().request('GET', '/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: expect.objectContaining({ id: user.id, role: 'member' }), teams: [] });

    expect((await api().request('POST', '/auth/signout', { token })).status).toBe(200);
    const after = await api().request('GET', '/auth/me', { token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('invalid_token');
  });

  it('lists sessions and revokes another one', async () => {
    const { token, user } = await api().signUp('Dennis');
    const other = await api().request('POST', '/auth/signin', { json: { email: user.email, password: 'correct horse battery' } });
    const list = await api().request('GET', '/auth/sessions', { token });
    expect(list.body).toHaveLength(2);
    const otherSession = list.body.find((s: { current: boolean }) => !s.current);
    expect((await api().request('DELETE', `/auth/sessions/${otherSession.id}`, { token })).status).toBe(200);
    expect((await api().request('GET', '/auth/me', { token: other.body.token })).status).toBe(401);
    expect((await api().request('GET', '/auth/me', { token })).status).toBe(200);
    // Another user's session id is not yours to revoke.
    const stranger = await api().signUp('Stranger');
    const mine = (await api().request('GET', '/auth/sessions', { token })).body[0];
    expect((await api().request('DELETE', `/auth/sessions/${mine.id}`, { token: stranger.token })).status).toBe(404);
  });

  it('rejects missing, malformed and unknown tokens with 401 and a code', async () => {
    const none = await api().request('GET', '/auth/me');
    const malformed = await api().request('GET', '/auth/me', { headers: { authorization: 'Token abc' } });
    const unknown = await api().request('GET', '/auth/me', { token: 'als_nope' });
    expect([none.status, malformed.status, unknown.status]).toEqual([401, 401, 401]);
    expect(none.body.code).toBe('unauthorized');
    expect(malformed.body.code).toBe('unauthorized');
    expect(unknown.body.code).toBe('invalid_token');
  });

  it('holds back guesses from new devices, but never the browser the owner signs in from', async () => {
    const { user } = await api().signUp('Target');
    const signIn = (password: string, from: string, device?: string) =>
      api().request('POST', '/auth/signin', { json: { email: user.email, password, ...(device && { device }) }, headers: { 'x-forwarded-for': from } });
    // The owner signed in from this browser before: it keeps the device token.
    const owners = await signIn('correct horse battery', '192.0.2.1');
    expect(owners.status).toBe(200);
    expect(owners.body.device).toMatch(/^ald_/);
    // Nine (and more) wrong passwords from as many addresses.
    let last;
    for (let i = 0; i < 11; i++) last = await signIn(`guess number ${i}`, `10.0.0.${i}`);
    expect([last!.status, last!.body.code]).toEqual([429, 'rate_limited']);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    // A new device is held back, even with the right password...
    expect((await signIn('correct horse battery', '198.51.100.7')).status).toBe(429);
    // ...and so is someone else's, or a made-up, device token...
    const other = (await api().request('POST', '/auth/signup', { json: { email: 'other.device@corp.example', name: 'Other', password: 'correct horse battery' } })).body;
    expect((await signIn('correct horse battery', '198.51.100.7', other.device)).status).toBe(429);
    expect((await signIn('correct horse battery', '198.51.100.7', 'ald_made-up')).status).toBe(429);
    // ...but the owner's own browser signs in, and keeps its token.
    const again = await signIn('correct horse battery', '192.0.2.1', owners.body.device);
    expect([again.status, again.body.device]).toEqual([200, owners.body.device]);
  });

  it("limits guesses from a known device on their own", async () => {
    const created = (await api().request('POST', '/auth/signup', { json: { email: 'stolen.laptop@corp.example', name: 'Laptop', password: 'correct horse battery' } })).body;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await api().request('POST', '/auth/signin', { json: { email: 'stolen.laptop@corp.example', password: `guess ${i} here`, device: created.device } });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Guesses from that device do not hold back the account elsewhere.
    const elsewhere = await api().request('POST', '/auth/signin', { json: { email: 'stolen.laptop@corp.example', password: 'correct horse battery' } });
    expect(elsewhere.status).toBe(200);
  });

  it('refuses passwords that are easy to guess, saying why, on every way an account is made', async () => {
    const admin = (await api().request('POST', '/auth/signin', { json: { email: await firstAdminEmail(), password: 'correct horse battery' } })).body;
    for (const password of ['password12', '1234567890', 'qwertyuiop', 'Rosalind2026']) {
      const signUp = await api().request('POST', '/auth/signup', { json: { email: `weak.${password.length}.${Date.now()}@corp.example`, name: 'Rosalind', password } });
      expect([signUp.status, signUp.body.code, signUp.body.issues?.[0]?.path], password).toEqual([400, 'weak_password', 'password']);
      expect(signUp.body.message).toMatch(/^password: too easy to guess\. /);
      const created = await api().request('POST', '/users', { token: admin.token, json: { email: `weak.user.${Date.now()}@corp.example`, name: 'Rosalind', password } });
      expect([created.status, created.body.code], password).toEqual([400, 'weak_password']);
    }
    expect((await api().request('POST', '/auth/signup', { json: { email: `strong.${Date.now()}@corp.example`, name: 'Rosalind', password: 'sunflower-kettle-42' } })).status).toBe(201);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const from = { 'x-forwarded-for': '203.0.113.9' };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await api().request('POST', '/auth/signin', { json: { email: `spray${i}@corp.example`, password: 'whatever it is' }, headers: from });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('lets admins change roles but never removes the last admin', async () => {
    const admin = (await api().request('POST', '/auth/signin', { json: { email: await firstAdminEmail(), password: 'correct horse battery' } })).body;
    const member = await api().signUp('Promoted');
    const promote = await api().request('PATCH', `/users/${member.user.id}`, { token: admin.token, json: { role: 'moderator' } });
    expect(promote.status).toBe(200);
    expect(promote.body.role).toBe('moderator');
    const byMember = await api().request('PATCH', `/users/${admin.user.id}`, { token: member.token, json: { role: 'member' } });
    expect(byMember.status).toBe(403);
    const selfDemote = await api().request('PATCH', `/users/${admin.user.id}`, { token: admin.token, json: { role: 'member' } });
    expect(selfDemote.status).toBe(409);
    expect(selfDemote.body.code).toBe('last_admin');
    // The role change applies at once to the member's existing session.
    const me = await api().request('GET', '/auth/me', { token: member.token });
    expect(me.body.user.role).toBe('moderator');
  });

  async function firstAdminEmail(): Promise<string> {
    const users = (await api().services.accounts.page({ limit: 200 })).items;
    return users.find((u) => u.role === 'admin')!.email;
  }
});

describeEachDatabase(
  'auth with sign-up closed',
  (api) => {
    it('still lets the very first account in, then refuses sign-ups', async () => {
      const first = await api().signUp('Founder');
      expect(first.user.role).toBe('admin');
      const res = await api().request('POST', '/auth/signup', { json: { email: 'late@corp.example', name: 'Late', password: 'correct horse battery' } });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('signup_closed');
      const created = await api().request('POST', '/users', { token: first.token, json: { email: 'late@corp.example', name: 'Late', password: 'correct horse battery' } });
      expect(created.status).toBe(201);
      expect(created.body.role).toBe('member');
    });
  },
  { signup: 'closed', trustProxy: true },
);
