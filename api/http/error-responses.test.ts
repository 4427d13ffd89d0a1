import { sql } from 'drizzle-orm';
import { webhooks } from '../db/schema';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';
import { createOrg, must, SITE, type Org } from '../../test/support/org-fixture';

describeEachDatabase('bad input', (api) => {
  let token: string;
  beforeAll(async () => {
    token = (await api().signUp('Tester')).token;
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await api().request('POST', '/notes', { token, body: '{"pattern": ' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'malformed_json', message: expect.any(String) });
  });

  it('answers oversized bodies with 413 payload_too_large and stores nothing', async () => {
    const res = await api().request('POST', '/auth/signup', { body: JSON.stringify({ email: 'big@corp.example', name: 'x'.repeat(70_000), password: 'correct horse battery' }) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    expect(((await api().services.accounts.page({ limit: 200 })).items).some((u) => u.email === 'big@corp.example')).toBe(false);
  });

  it('names each invalid field', async () => {
    const res = await api().request('POST', '/auth/signup', { json: { email: 'not-an-email', name: '', password: 'short' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'name', 'password']);
  });

  it('answers a body of another content type with 415', async () => {
    const form = await api().request('POST', '/auth/signin', { body: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(form.body.code).toBe('unsupported_media_type');
  });

  it('answers malformed ids with 400 and unknown ids with 404', async () => {
    const malformed = await api().request('GET', '/notes/42', { token });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('validation_failed');
    const unknown = await api().request('GET', '/notes/00000000-0000-4000-8000-000000000000', { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await api().request('GET', '/nothing-here', { token });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });

  it('rejects an unknown vote target kind', async () => {
    const res = await api().request('PUT', '/users/00000000-0000-4000-8000-000000000000/vote', { token });
    expect(res.status).toBe(400);
  });
});

describeEachDatabase('a NUL character in any text', (api) => {
  let org: Org;
  let ids: { note: string; question: string; answer: string; webhook: string };
  beforeAll(async () => {
    org = await createOrg(api());
    const note = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/a`, body: 'n' } }));
    const question = await must(api().request('POST', '/questions', { token: org.alice.token, json: { pattern: `${SITE}/a`, title: 'q' } }));
    const answered = await must(api().request('POST', `/questions/${question.id}/answers`, { token: org.bob.token, json: { body: 'a' } }));
    const [webhook] = await api().database.db.insert(webhooks).values({ url: 'https://hooks.example.com/x', kinds: ['note.created'], secret: 's' }).returning();
    ids = { note: note.id, question: question.id, answer: answered.answers[0].id, webhook: webhook!.id };
  });

  // Every endpoint that takes text, with a valid body: each string in it, in turn, gets a NUL.
  const cases = (): Array<{ method: string; path: string; token?: string; json: Record<string, unknown> }> => {
    const admin = org.admin.token;
    const alice = org.alice.token;
    return [
      { method: 'POST', path: '/auth/signup', json: { email: 'nul@corp.example', name: 'Nul', password: 'correct horse battery' } },
      { method: 'POST', path: '/auth/signin', json: { email: 'nul@corp.example', password: 'correct horse battery' } },
      { method: 'POST', path: '/users', token: admin, json: { email: 'nul2@corp.example', name: 'Nul', password: 'correct horse battery' } },
      { method: 'POST', path: '/teams', token: admin, json: { name: 'Nul team' } },
      { method: 'POST', path: '/sites', token: admin, json: { origin: 'https://nul.corp.example', name: 'Nul', rules: { keepQuery: ['tab'], hashRouting: false, templates: [{ name: 'A', pattern: '/a/:id' }] } } },
      { method: 'PATCH', path: `/sites/${org.site.id}`, token: admin, json: { name: 'CRM', rules: { keepQuery: ['tab'], hashRouting: false, templates: [{ name: 'Account', pattern: '/accounts/:id' }] } } },
      { method: 'POST', path: '/notes', token: alice, json: { pattern: `${SITE}/a`, body: 'note' } },
      { method: 'POST', path: '/notes', token: alice, json: { pattern: `${SITE}/a`, body: 'tip', anchor: { selector: [{ type: 'CssSelector', value: '#save', refinedBy: { type: 'TextQuoteSelector', exact: 'Save' } }] } } },
      { method: 'PUT', path: `/notes/${ids.note}/anchor`, token: alice, json: { anchor: { selector: [{ type: 'TextQuoteSelector', exact: 'Save', prefix: 'a', suffix: 'b' }] } } },
      { method: 'PATCH', path: `/notes/${ids.note}`, token: alice, json: { body: 'note' } },
      { method: 'POST', path: `/notes/${ids.note}/replies`, token: alice, json: { body: 'reply' } },
      { method: 'POST', path: '/questions', token: alice, json: { pattern: `${SITE}/a`, title: 'title', body: 'body' } },
      { method: 'PATCH', path: `/questions/${ids.question}`, token: alice, json: { title: 'title', body: 'body' } },
      { method: 'POST', path: `/questions/${ids.question}/answers`, token: alice, json: { body: 'answer' } },
      { method: 'PATCH', path: `/answers/${ids.answer}`, token: org.bob.token, json: { body: 'answer' } },
      { method: 'POST', path: '/watches', token: alice, json: { pattern: `${SITE}/w/*` } },
      { method: 'POST', path: '/experts/volunteer', token: alice, json: { pattern: `${SITE}/v/*` } },
      { method: 'POST', path: '/experts', token: admin, json: { userId: org.bob.user.id, pattern: `${SITE}/e/*` } },
      { method: 'POST', path: '/webhooks', token: admin, json: { url: 'https://hooks.example.com/y', kinds: ['note.created'] } },
      { method: 'PATCH', path: `/webhooks/${ids.webhook}`, token: admin, json: { url: 'https://hooks.example.com/z' } },
    ];
  };

  /** The body with the string at `path` given a NUL in its middle. */
  const poisoned = (json: Record<string, unknown>) => {
    const out: Array<{ path: string; json: unknown }> = [];
    const walk = (value: unknown, path: Array<string | number>, replace: (v: unknown) => unknown) => {
      if (typeof value === 'string') out.push({ path: path.join('.'), json: replace(`${value.slice(0, 1)}\u0000${value.slice(1)}`) });
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], (x) => replace(value.map((y, j) => (j === i ? x : y)))));
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k], (x) => replace({ ...(value as object), [k]: x }));
    };
    walk(json, [], (x) => x);
    return out;
  };

  it('answers 400 naming the field, never a 500, and changes nothing', async () => {
    const before = await api().database.db.execute(sql`select (select count(*) from notes) + (select count(*) from questions) + (select count(*) from users) + (select count(*) from teams) + (select count(*) from sites) as n`);
    let tried = 0;
    for (const c of cases()) {
      for (const { path, json } of poisoned(c.json)) {
        const res = await api().request(c.method, c.path, { token: c.token, json });
        expect([res.status, res.body.code, res.body.issues?.[0]?.path], `${c.method} ${c.path} ${path}`).toEqual([400, 'validation_failed', path]);
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(38);
    const after = await api().database.db.execute(sql`select (select count(*) from notes) + (select count(*) from questions) + (select count(*) from users) + (select count(*) from teams) + (select count(*) from sites) as n`);
    expect(String((after as any).rows[0].n)).toBe(String((before as any).rows[0].n));
    const note = await must(api().request('GET', `/notes/${ids.note}`, { token: org.alice.token }));
    expect(note.body).toBe('n');
  });

  it('answers a NUL in a query with 400', async () => {
    const res = await api().request('GET', `/context?url=${encodeURIComponent(`${SITE}/a\u0000`)}`, { token: org.alice.token });
    expect([res.status, res.body.code]).toEqual([400, 'validation_failed']);
  });
});

describeEachDatabase('a PATCH that names nothing to change', (api) => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg(api());
  });

  it('answers 200 with the thing unchanged, on every PATCH endpoint', async () => {
    const note = await must(api().request('POST', '/notes', { token: org.alice.token, json: { pattern: `${SITE}/p`, body: 'n' } }));
    const question = await must(api().request('POST', '/questions', { token: org.alice.token, json: { pattern: `${SITE}/p`, title: 'q' } }));
    // Straight into the table: the receiver's address is never resolved here.
    const [row] = await api().database.db.insert(webhooks).values({ url: 'https://hooks.example.com/p', kinds: ['note.created'], secret: 's' }).returning();
    const webhook = await must(api().request('GET', '/webhooks', { token: org.admin.token })).then((all) => all.find((w: { id: string }) => w.id === row!.id));
    const targets = [
      { path: `/sites/${org.site.id}`, token: org.admin.token, before: org.site },
      { path: `/notes/${note.id}`, token: org.alice.token, before: note },
      { path: `/questions/${question.id}`, token: org.alice.token, before: question },
      { path: `/webhooks/${webhook.id}`, token: org.admin.token, before: webhook },
    ];
    for (const { path, token, before } of targets) {
      for (const json of [{}, { unknownField: 'x' }]) {
        const res = await api().request('PATCH', path, { token, json });
        expect([res.status, path]).toEqual([200, path]);
        expect(res.body).toMatchObject(before);
      }
    }
    // An unknown id is still 404.
    const res = await api().request('PATCH', '/sites/00000000-0000-4000-8000-000000000000', { token: org.admin.token, json: {} });
    expect(res.status).toBe(404);
  });
});
