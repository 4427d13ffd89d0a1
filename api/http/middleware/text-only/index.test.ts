import fc from 'fast-check';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../kernel/errors';
import { textOnly } from '.';

const app = new Hono();
app.use(textOnly);
app.all('*', async (c) => c.json({ ok: true }));
app.onError((err, c) => (err instanceof ApiError ? c.json({ code: err.code, message: err.message, issues: err.issues }, err.status) : c.json({ code: 'internal' }, 500)));

const post = (body: string, path = '/x') => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('textOnly', () => {
  it('refuses a NUL in any string of the body, naming where', async () => {
    const res = await post(JSON.stringify({ rules: { templates: [{ name: 'a\u0000b' }] } }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'validation_failed', issues: [{ path: 'rules.templates.0.name' }] });
  });

  it('refuses a NUL in a key, a query value or a query name', async () => {
    expect((await post(JSON.stringify({ 'a\u0000': 1 }))).status).toBe(400);
    expect((await app.request('/x?url=a%00b')).status).toBe(400);
    expect((await app.request('/x?a%00=1')).status).toBe(400);
  });

  it('passes everything else through, malformed JSON included (the validator answers it)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const res = await post(JSON.stringify(value));
        expect(res.status).toBe(nulIn(value) ? 400 : 200);
      }),
      { numRuns: 300 },
    );
    expect((await post('{"a": ')).status).toBe(200);
  });
});

function nulIn(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(nulIn);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || nulIn(v));
  return false;
}
