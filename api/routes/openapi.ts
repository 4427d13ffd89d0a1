// Small builders for route definitions, so each route reads as method, path, input and outputs.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { apiError } from '@shared/contract';
import { validationHook } from '../middleware/error-handler';
import type { AuthEnv } from '../middleware/auth';

export type AppEnv = AuthEnv;

export const router = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

export const json = <T extends ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const body = <T extends ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

const errorMeaning = {
  400: 'Invalid input: validation_failed, malformed_json, bad_url, invalid_pattern, ...',
  401: 'unauthorized, invalid_token or bad_credentials.',
  403: 'forbidden: signed in, but not allowed to do this.',
  404: 'not_found (also for content you may not see), site_not_registered.',
  409: 'Conflicts with existing data.',
  413: 'payload_too_large.',
  422: 'Well-formed but not acceptable here (see the code).',
  429: 'rate_limited: wait Retry-After seconds.',
} as const;

/** The error responses a route can give, documented with the shared error body. */
export const errors = (...statuses: Array<keyof typeof errorMeaning>) =>
  Object.fromEntries(statuses.map((s) => [s, json(apiError, errorMeaning[s])])) as Record<
    number,
    ReturnType<typeof json<typeof apiError>>
  >;

export const bearer = [{ bearer: [] }];
