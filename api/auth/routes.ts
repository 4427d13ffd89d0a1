// /auth: sign up, sign in and out, who am I, my sessions; for the extension and scripts (a bearer token in
// the body) and for the web console (the same session in an HttpOnly cookie, never in the body).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { authEndpoints as e } from '@shared/contract';
import type { Settings } from '../config';
import { fromOwnPages, SESSION_COOKIE } from '../http/middleware/auth';
import { type AppEnv, routeMaker, router } from '../http/routes';
import { ApiError } from '../kernel/errors';
import type { RateLimiter } from '../kernel/rate-limiter';
import { type AccountService, toUser } from '../people/service';
import type { ServerService } from '../server/service';
import type { SessionService } from './sessions';
import type { SignInService } from './sign-in';

/** The console browser's device token (sign-in.ts), kept where page scripts cannot read it either. */
const DEVICE_COOKIE = 'alongside_device';
const DEVICE_COOKIE_DAYS = 365;

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

/** Cookies are Secure when the console is served over HTTPS (directly, or behind a trusted proxy that says so). */
function overHttps(c: Context<AppEnv>, trustProxy: boolean): boolean {
  if (trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

type Deps = {
  sessions: SessionService;
  accounts: AccountService;
  signIns: SignInService;
  server: ServerService;
  limiter: RateLimiter;
  settings: Settings;
};

export function authRoutes(s: Deps) {
  const route = routeMaker(s.sessions);
  const { settings } = s;

  /** Sign-up as the policy allows (the first account and invitations always), with its first device token. */
  const signUp = async (c: Context<AppEnv>, input: { email: string; name: string; password: string; invitation?: string }) => {
    await s.limiter.hit(`signup:addr:${clientAddress(c, settings.trustProxy)}`, settings.signUpLimit, 'sign-ups from this address');
    if (!input.invitation && (await s.accounts.count()) > 0) await s.server.checkSignUp(input.email);
    const user = await s.accounts.signUp(input, { invitation: input.invitation });
    return { user, device: await s.signIns.newDevice(user.id) };
  };
  const signIn = (c: Context<AppEnv>, input: { email: string; password: string; device?: string }) =>
    s.signIns.signIn(input.email, input.password, clientAddress(c, settings.trustProxy), input.device);

  const bearerSession = async (userId: string, device: string) => {
    const { token, expiresAt } = await s.sessions.create(userId);
    return { token, expiresAt: expiresAt.toISOString(), user: toUser(await s.accounts.get(userId)), device };
  };
  /** The console's session: the token and the device token go in HttpOnly, SameSite=Strict cookies only. */
  const cookieSession = async (c: Context<AppEnv>, userId: string, device: string) => {
    const { token, expiresAt } = await s.sessions.create(userId);
    const secure = overHttps(c, settings.trustProxy);
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure, path: '/', expires: expiresAt });
    setCookie(c, DEVICE_COOKIE, device, { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: DEVICE_COOKIE_DAYS * 86_400 });
    return { user: toUser(await s.accounts.get(userId)), expiresAt: expiresAt.toISOString() };
  };
  /** A console sign-in or sign-up must come from the console itself (no logging someone in from another site). */
  const fromConsole = (c: Context<AppEnv>) => {
    if (!fromOwnPages(c)) throw new ApiError(403, 'cross_site_request', 'This request came from another site: it was refused.');
  };

  return router()
    .openapi(route(e.signUp), async (c) => {
      const { user, device } = await signUp(c, c.req.valid('json'));
      return c.json(await bearerSession(user.id, device), 201);
    })
    .openapi(route(e.signIn), async (c) => {
      const { user, device } = await signIn(c, c.req.valid('json'));
      return c.json(await bearerSession(user.id, device), 200);
    })
    .openapi(route(e.consoleSignUp), async (c) => {
      fromConsole(c);
      const { user, device } = await signUp(c, c.req.valid('json'));
      return c.json(await cookieSession(c, user.id, device), 201);
    })
    .openapi(route(e.consoleSignIn), async (c) => {
      fromConsole(c);
      const input = c.req.valid('json');
      const { user, device } = await signIn(c, { ...input, device: input.device ?? getCookie(c, DEVICE_COOKIE) });
      return c.json(await cookieSession(c, user.id, device), 200);
    })
    .openapi(route(e.consoleSignOut), async (c) => {
      const viewer = c.get('viewer');
      await s.sessions.revoke(viewer.id, viewer.sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
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
