// Bearer-token authentication and role checks. The viewer is cached by SessionService, so this costs a
// hash and a map lookup on the hot path.
import type { MiddlewareHandler } from 'hono';
import type { Role } from '@shared/contract';
import { hasRole, type Viewer } from '../../../kernel/access';
import { ApiError } from '../../../kernel/errors';

export type AuthEnv = { Variables: { viewer: Viewer } };

/** Who a bearer token belongs to, if anyone: the sessions' (auth/sessions.ts). */
export interface Sessions {
  authenticate(token: string): Promise<Viewer | null>;
}

/** The session of an `Authorization: Bearer <token>` header: its viewer, or a 401 that says why not. */
export async function authenticate(sessions: Sessions, header: string | undefined): Promise<Viewer> {
  if (!header) throw new ApiError(401, 'unauthorized', 'Sign in first: send Authorization: Bearer <token>.');
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    throw new ApiError(401, 'unauthorized', 'The Authorization header must be "Bearer <token>".');
  }
  const viewer = await sessions.authenticate(token);
  if (!viewer) throw new ApiError(401, 'invalid_token', 'This session has expired or was signed out. Sign in again.');
  return viewer;
}

export function requireViewer(sessions: Sessions): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    c.set('viewer', await authenticate(sessions, c.req.header('authorization')));
    await next();
  };
}

export function requireRole(role: Role): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (!hasRole(c.get('viewer'), role)) throw new ApiError(403, 'forbidden', `Only ${role}s can do this.`);
    await next();
  };
}
