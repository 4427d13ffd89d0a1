// Turns every failure into `{ code, message }` with the right status. Bad input never becomes a 500.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { ApiError } from '../../../kernel/errors';

type ValidationResult = { success: true } | { success: false; error: z.ZodError };

/** The OpenAPIHono `defaultHook`: a request that fails its schema gets a 400 naming each field. */
export function validationHook(result: ValidationResult, c: Context): Response | undefined {
  if (result.success) return;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return c.json({ code: 'validation_failed', message, issues }, 400);
}

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) {
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    return c.json({ code: err.code, message: err.message, ...(err.issues && { issues: err.issues }) }, err.status);
  }
  if (err instanceof HTTPException) {
    const { code, message } = describeHttpException(err);
    return c.json({ code, message }, err.status);
  }
  console.error(`[api] ${c.req.method} ${c.req.path} failed:`, err);
  return c.json({ code: 'internal', message: 'Something went wrong on the server. It has been logged.' }, 500);
};

function describeHttpException(err: HTTPException): { code: string; message: string } {
  if (err.status === 413) return { code: 'payload_too_large', message: err.message || 'The request body is too large.' };
  if (err.status === 400 && /malformed json/i.test(err.message))
    return { code: 'malformed_json', message: 'The request body is not valid JSON.' };
  if (err.status === 415) return { code: 'unsupported_media_type', message: 'Send JSON, with Content-Type: application/json.' };
  if (err.status === 401) return { code: 'unauthorized', message: err.message || 'Sign in first.' };
  return { code: `http_${err.status}`, message: err.message || 'The request could not be handled.' };
}

export const onNotFound: NotFoundHandler = (c) =>
  c.json({ code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.` }, 404);
