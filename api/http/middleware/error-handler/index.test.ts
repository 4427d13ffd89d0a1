import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../../kernel/errors';
import { onError, onNotFound, validationHook } from '.';

function app() {
  const a = new OpenAPIHono({ defaultHook: validationHook });
  a.openapi(
    createRoute({
      method: 'post',
      path: '/things',
      request: { body: { required: true, content: { 'application/json': { schema: z.object({ name: z.string().min(2), tags: z.array(z.string()) }) } } } },
      responses: { 200: { description: 'ok' } },
    }),
    (c) => c.json({ ok: true }, 200),
  );
  a.get('/api-error', () => {
    throw new ApiError(409, 'taken', 'Already there.', undefined, { 'Retry-After': '3' });
  });
  a.get('/http-error', () => {
    throw new HTTPException(401, { message: 'nope' });
  });
  a.get('/bug', () => {
    throw new TypeError('undefined is not a function');
  });
  a.notFound(onNotFound);
  a.onError(onError);
  return a;
}

const post = (body: string) => app().request('/things', { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('error handler', () => {
  it('names each invalid field, nested paths joined with dots', async () => {
    const res = await post(JSON.stringify({ name: 'x', tags: ['ok', 3] }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.issues.map((i: { path: string }) => i.path)).toEqual(['name', 'tags.1']);
    expect(body.message).toContain('name:');
  });

  it('turns malformed JSON into 400 malformed_json', async () => {
    const res = await post('{"name":');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'malformed_json', message: 'The request body is not valid JSON.' });
  });

  it('passes ApiError status, code and headers through', async () => {
    const res = await app().request('/api-error');
    expect(res.status).toBe(409);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.json()).toEqual({ code: 'taken', message: 'Already there.' });
  });

  it('keeps the status of Hono HTTP exceptions', async () => {
    const res = await app().request('/http-error');
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('unauthorized');
  });

  it('hides the details of unexpected errors behind a 500 internal', async () => {
    const res = await app().request('/bug');
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.code).toBe('internal');
    expect(body.message).not.toContain('undefined is not a function');
  });

  it('answers unknown routes with JSON', async () => {
    const res = await app().request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'not_found', message: 'No route for GET /nope.' });
  });
});
