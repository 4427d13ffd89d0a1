// The web console's session: an HttpOnly, SameSite=Strict cookie that page scripts cannot read and other
// sites cannot use; the same accounts and rules as bearer tokens.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, type Org } from '../../test/support/org-fixture';

describeEachDatabase('console session (cookie)', (api) => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(api());
  });

  const own = { origin: 'http://alongside.corp.example', host: 'alongside.corp.example', 'sec-fetch-site': 'same-origin' };
  const signIn = () => api().request('POST', '/auth/console/signin', { json: { email: org.carol.user.email, password: 'correct horse battery' }, headers: own });
  const cookieOf = (res: { headers: Headers }, name: string) =>
    res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))!;
  const session = (res: { headers: Headers }) => cookieOf(res, 'alongside_session').split(';')[0]!;

  it('signs in with a cookie page scripts cannot read, and no token in the body', async () => {
    const res = await signIn();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: expect.objectContaining({ id: org.carol.user.id }), expiresAt: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/als_|ald_/);
    const cookie = cookieOf(res, 'alongside_session');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookieOf(res, 'alongside_device')).toMatch(/HttpOnly/);
    const me = await must(api().request('GET', '/auth/me', { headers: { cookie: session(res) } }));
    expect(me.user.id).toBe(org.carol.user.id);
  });

  it('marks its cookies Secure behind HTTPS', async () => {
    const res = await api().request('POST', '/auth/console/signin', {
      json: { email: org.carol.user.email, password: 'correct horse battery' },
      headers: { ...own, 'x-forwarded-proto': 'https' },
    });
    expect(cookieOf(res, 'alongside_session')).toMatch(/Secure/);
  });

  it('refuses a cookie-borne write, or a console sign-in, that another site sends', async () => {
    const cookie = session(await signIn());
    const note = { pattern: `${org.site.origin}/x`, body: 'from a forged form' };
    const forgeries: Array<Record<string, string>> = [{ 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example', host: 'alongside.corp.example' }];
    for (const headers of forgeries) {
      const forged = await api().request('POST', '/notes', { json: note, headers: { cookie, ...headers } });
      expect([forged.status, forged.body.code]).toEqual([403, 'cross_site_request']);
      const login = await api().request('POST', '/auth/console/signin', { json: { email: org.carol.user.email, password: 'correct horse battery' }, headers });
      expect(login.status).toBe(403);
    }
    // Reads are fine from anywhere the cookie goes (SameSite keeps it on this site), and writes from the console itself.
    expect((await api().request('GET', '/auth/me', { headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    expect((await api().request('POST', '/notes', { json: note, headers: { cookie, ...own } })).status).toBe(201);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const cookie = session(await signIn());
    const out = await api().request('POST', '/auth/console/signout', { headers: { cookie, ...own } });
    expect(out.status).toBe(200);
    expect(cookieOf(out, 'alongside_session')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect((await api().request('GET', '/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('signs up from the console too, under the same policy', async () => {
    const res = await api().request('POST', '/auth/console/signup', { json: { email: 'ivy@corp.example', name: 'Ivy', password: 'correct horse battery' }, headers: own });
    expect(res.status).toBe(201);
    expect(res.body.user.role).toBe('member');
    expect(session(res)).toMatch(/^alongside_session=als_/);
  });

  it("keeps the browser's device token in its own cookie and uses it for the next sign-in", async () => {
    const first = await signIn();
    const device = cookieOf(first, 'alongside_device').split(';')[0]!;
    const again = await api().request('POST', '/auth/console/signin', {
      json: { email: org.carol.user.email, password: 'correct horse battery' },
      headers: { ...own, cookie: device },
    });
    expect(cookieOf(again, 'alongside_device').split(';')[0]).toBe(device);
  });
});

describeEachDatabase('server information', (api) => {
  it('tells admins the version, database, sign-up policy and settings, secrets left out', async () => {
    const admin = await api().signUp('Admin');
    const member = await api().signUp('Member');
    expect((await api().request('GET', '/server', { token: member.token })).status).toBe(403);
    const info = await must(api().request('GET', '/server', { token: admin.token }));
    expect(info).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/), database: api().driver, signUp: { mode: 'open', domains: [] } });
    const names = info.settings.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['PORT', 'SIGNUP', 'SESSION_DAYS', 'EVENTS_MAX_STREAMS']));
    expect(names).not.toContain('ALONGSIDE_ADMIN_PASSWORD');
    expect(info.settings.find((s: { name: string }) => s.name === 'PORT')).toEqual({ name: 'PORT', value: '8420', source: 'default' });
  });
});
