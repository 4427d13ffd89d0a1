// Refuses a request whose JSON body or query holds a NUL character (U+0000), anywhere: PostgreSQL cannot
// store it in text (both drivers fail, which would be a 500), and no field of the API means it. One check
// for every endpoint, before validation, so a new field cannot forget it. The answer is the usual 400
// `validation_failed`, naming where the character is.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../../kernel/errors';

const NUL = '\u0000';

/** The path of the first string (or key) holding a NUL in a parsed JSON value, or null. */
function nulAt(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulAt(item, [...path, String(i)]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) return [...path, key];
      const found = nulAt(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

const refuse = (where: string) => {
  const message = 'must not contain a NUL character (\\u0000)';
  return new ApiError(400, 'validation_failed', `${where}: ${message}`, [{ path: where, message }]);
};

export const textOnly: MiddlewareHandler = async (c, next) => {
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (name.includes(NUL) || values.some((v) => v.includes(NUL))) throw refuse(`query.${name}`);
  }
  if (c.req.header('content-type')?.includes('json')) {
    // Hono keeps the parsed body, so the route's validator does not parse it again. A body that is not JSON
    // is left to the validator, which answers malformed_json.
    const parsed: unknown = await c.req.json().catch(() => undefined);
    const path = nulAt(parsed);
    if (path) throw refuse(path.join('.') || 'body');
  }
  await next();
};
