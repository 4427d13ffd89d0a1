import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/api-harness';

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
    expect((await api().services.accounts.list()).some((u) => u.email === 'big@corp.example')).toBe(false);
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
