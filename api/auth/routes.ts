// /auth: sign up, sign in and out, who am I, my sessions.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { authEndpoints as e } from '@shared/contract';
import type { Settings } from '../config';
import { type AppEnv, routeMaker, router } from '../http/routes';
import { ApiError } from '../kernel/errors';
import type { RateLimiter } from '../kernel/rate-limiter';
import { type AccountService, toUser } from '../people/service';
import type { SessionService } from './sessions';
import type { SignInService } from './sign-in';

/** The client's address for rate limits: the socket's, or the proxy's X-Forwarded-For when trusted. */
function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by node (app.request in tests)
  }
}

export function authRoutes(s: { sessions: SessionService; accounts: AccountService; signIns: SignInService; limiter: RateLimiter; settings: Settings }) {
  const route = routeMaker(s.sessions);
  const { settings } = s;

  const startSession = async (userId: string, device: string) => {
    const { token, expiresAt } = await s.sessions.create(userId);
    return { token, expiresAt: expiresAt.toISOString(), user: toUser(await s.accounts.get(userId)), device };
  };

  return router()
    .openapi(route(e.signUp), async (c) => {
      const input = c.req.valid('json');
      await s.limiter.hit(`signup:addr:${clientAddress(c, settings.trustProxy)}`, settings.signUpLimit, 'sign-ups from this address');
      if (settings.signup === 'closed' && (await s.accounts.count()) > 0) {
        throw new ApiError(403, 'signup_closed', 'Sign-up is closed on this server: ask an admin for an account.');
      }
      const user = await s.accounts.signUp(input);
      return c.json(await startSession(user.id, await s.signIns.newDevice(user.id)), 201);
    })
    .openapi(route(e.signIn), async (c) => {
      const { email, password, device } = c.req.valid('json');
      const signedIn = await s.signIns.signIn(email, password, clientAddress(c, settings.trustProxy), device);
      return c.json(await startSession(signedIn.user.id, signedIn.device), 200);
    })
    .openapi(route(e.signOut), async (c) => {
      const viewer = c.get('viewer');
      await s.sessions.revoke(viewer.id, viewer.sessionId);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(route(e.getMe), async (c) => {
      const viewer = c.get('viewer');
      const [user, teams] = await Promise.all([s.accounts.get(viewer.id), s.accounts.teamsOf(viewer.id)]);
      return c.json({ user: toUser(user), teams }, 200);
    })
    .openapi(route(e.listSessions), async (c) => {
      const viewer = c.get('viewer');
      const rows = await s.sessions.list(viewer.id);
      const sessions = rows.map((r) => ({
        id: r.id,
        createdAt: r.createdAt.toISOString(),
        lastUsedAt: r.lastUsedAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
        current: r.id === viewer.sessionId,
      }));
      return c.json(sessions, 200);
    })
    .openapi(route(e.revokeSession), async (c) => {
      const revoked = await s.sessions.revoke(c.get('viewer').id, c.req.valid('param').id);
      if (!revoked) throw new ApiError(404, 'not_found', 'Session not found.');
      return c.json({ ok: true as const }, 200);
    });
}
