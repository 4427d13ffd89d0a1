// Bearer-token authentication and role checks. The viewer is cached by SessionService, so this costs a
// hash and a map lookup on the hot path.
import type { MiddlewareHandler } from 'hono';
import type { Role } from '@shared/contract';
import { ApiError } from '../../errors';
import type { SessionService } from '../../services/sessions';
import type { Viewer } from '../../services/viewer';

export type AuthEnv = { Variables: { viewer: Viewer } };

const rank: Record<Role, number> = { member: 0, moderator: 1, admin: 2 };

export function requireViewer(sessions: SessionService): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw new ApiError(401, 'unauthorized', 'Sign in first: send Authorization: Bearer <token>.');
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new ApiError(401, 'unauthorized', 'The Authorization header must be "Bearer <token>".');
    }
    const viewer = await sessions.authenticate(token);
    if (!viewer) throw new ApiError(401, 'invalid_token', 'This session has expired or was signed out. Sign in again.');
    c.set('viewer', viewer);
    await next();
  };
}

export function requireRole(role: Role): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (rank[c.get('viewer').role] < rank[role]) throw new ApiError(403, 'forbidden', `Only ${role}s can do this.`);
    await next();
  };
}
