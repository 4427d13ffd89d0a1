// Who a request acts for, and role checks. Two ways in: `Authorization: Bearer <token>` (the extension,
// scripts), or the web console's session cookie, which page scripts cannot read (HttpOnly) and other sites
// cannot send (SameSite=Strict); a cookie-borne write must also come from this server's own pages
// (Sec-Fetch-Site, else Origin), so it cannot be forged cross-site. The viewer is cached by SessionService:
// this costs a hash and a map lookup on the hot path.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Role } from '@shared/contract';
import { hasRole, type Viewer } from '../../../kernel/access';
import { ApiError } from '../../../kernel/errors';

export type AuthEnv = { Variables: { viewer: Viewer } };

/** The web console's session cookie (set by POST /auth/console/signin). */
export const SESSION_COOKIE = 'alongside_session';

/** Who a bearer token belongs to, if anyone: the sessions' (auth/sessions.ts). */
export interface Sessions {
  authenticate(token: string): Promise<Viewer | null>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request comes from this server's own pages: what a cookie-borne write (or sign-in) must show. */
export function fromOwnPages(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (!origin) return true; // no browser sends a cross-site request without one
  try {
    return new URL(origin).host === c.req.header('host');
  } catch {
    return false;
  }
}

const expired = () => new ApiError(401, 'invalid_token', 'This session has expired or was signed out. Sign in again.');

/** The viewer of a request: its bearer token, else its console cookie; a 401 (or 403) that says why not. */
export async function authenticate(sessions: Sessions, c: Context): Promise<Viewer> {
  const header = c.req.header('authorization');
  if (header) {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new ApiError(401, 'unauthorized', 'The Authorization header must be "Bearer <token>".');
    }
    return (await sessions.authenticate(token)) ?? Promise.reject(expired());
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) throw new ApiError(401, 'unauthorized', 'Sign in first: send Authorization: Bearer <token>.');
  if (!SAFE_METHODS.has(c.req.method) && !fromOwnPages(c)) {
    throw new ApiError(403, 'cross_site_request', 'This request came from another site: it was refused.');
  }
  return (await sessions.authenticate(cookie)) ?? Promise.reject(expired());
}

export function requireViewer(sessions: Sessions): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    c.set('viewer', await authenticate(sessions, c));
    await next();
  };
}

export function requireRole(role: Role): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (!hasRole(c.get('viewer'), role)) throw new ApiError(403, 'forbidden', `Only ${role}s can do this.`);
    await next();
  };
}
