// The contract's endpoints (shared/contract) as routes of this app: `route(endpoint)` adds the middleware
// its access needs, so each domain's routes.ts reads as endpoint → service call.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Access, Endpoint } from '@shared/contract';
import { type AuthEnv, requireRole, requireViewer, type Sessions } from './middleware/auth';
import { validationHook } from './middleware/error-handler';

export type AppEnv = AuthEnv;

export const router = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** Makes routes whose middleware checks who may call them: a session for `signed-in`, and a role for `admin`. */
export function routeMaker(sessions: Sessions) {
  const signedIn = requireViewer(sessions);
  const middleware = { public: [], 'signed-in': [signedIn], admin: [signedIn, requireRole('admin')] } satisfies Record<Access, unknown[]>;
  const route = <const E extends Endpoint>(endpoint: E) => {
    const { access, ...config } = endpoint;
    return createRoute({ ...config, middleware: middleware[access] });
  };
  /**
   * The route without access middleware: for a handler that checks the caller itself (GET /events takes a
   * ticket as well as a header), or one served by a plain Hono handler and only documented (GET /context).
   */
  const unguarded = <const E extends Endpoint>(endpoint: E) => {
    const { access: _, ...config } = endpoint;
    return createRoute(config);
  };
  return Object.assign(route, { unguarded });
}
