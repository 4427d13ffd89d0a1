// How an endpoint of the API is defined: method, path, who may call it, its input and its outputs, once.
// The API registers each definition (validation, OpenAPI: api/http/routes.ts) and implements it; the clients
// (shared/client) call it by `"METHOD /path"`, typed from the same definition. Definitions are plain data
// around zod schemas, shaped as @hono/zod-openapi route configs.
import type { RouteConfig } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { apiError } from './common';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call an endpoint. `public`: anyone; `signed-in`: a session's bearer token; `admin`: a signed-in
 * admin. What a signed-in person may see or change of the content is the access rule's (api/kernel/access.ts).
 */
export type Access = 'public' | 'signed-in' | 'admin';

const errorMeaning = {
  400: 'Invalid input: validation_failed, malformed_json, bad_url, invalid_pattern, ...',
  401: 'unauthorized, invalid_token or bad_credentials.',
  403: 'forbidden: signed in, but not allowed to do this.',
  404: 'not_found (also for content you may not see), site_not_registered.',
  409: 'Conflicts with existing data.',
  413: 'payload_too_large.',
  422: 'Well-formed but not acceptable here (see the code).',
  429: 'rate_limited: wait Retry-After seconds.',
  503: 'server_busy: try again after Retry-After seconds.',
} as const;
export type ErrorStatus = keyof typeof errorMeaning;

export const json = <T extends ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const body = <T extends ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

/** The error responses an endpoint can give, documented with the shared error body. */
export const errors = <const S extends ErrorStatus[]>(...statuses: S) =>
  Object.fromEntries(statuses.map((s) => [s, json(apiError, errorMeaning[s])])) as {
    [K in S[number]]: ReturnType<typeof json<typeof apiError>>;
  };

/** The error response of a status, with a description of its own. */
export const error = (description: string) => json(apiError, description);

/** One endpoint: a route config as @hono/zod-openapi takes it (a type only: no runtime dependency), with its access. */
export type EndpointConfig = Omit<RouteConfig, 'middleware' | 'operationId' | 'security' | 'hide'> & {
  method: Method;
  /** OpenAPI form: `/notes/{id}/replies`. */
  path: string;
  access: Access;
  tags: [string];
  summary: string;
};

/** OpenAPI security requirements. */
type Security = Array<Record<string, string[]>>;
const security = (access: Access): Security => (access === 'public' ? [] : [{ bearer: [] }]);

/**
 * A domain's endpoints: each key is the endpoint's operationId. Adds the OpenAPI security of its access
 * (`security: []` documents a public endpoint as such).
 */
export function endpoints<const G extends Record<string, EndpointConfig>>(group: G) {
  return Object.fromEntries(
    Object.entries(group).map(([operationId, config]) => [operationId, { ...config, operationId, security: security(config.access) }]),
  ) as { [K in keyof G]: G[K] & { operationId: K; security: Security } };
}

export type Endpoint = EndpointConfig & { operationId: string; security: Security };
