import { createRoute } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { idParam, me, ok, session, sessionInfo, signInRequest, signUpRequest } from '@shared/contract';
import { z } from 'zod';
import { ApiError } from '../errors';
import { requireViewer } from '../middleware/auth';
import { toUser } from '../services/accounts';
import type { Services } from '../services';
import { bearer, body, errors, json, router, type AppEnv } from './openapi';

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

export function authRoutes(s: Services) {
  const auth = requireViewer(s.sessions);
  const app = router();

  const startSession = async (userId: string) => {
    const { token, expiresAt } = await s.sessions.create(userId);
    return { token, expiresAt: expiresAt.toISOString(), user: toUser(await s.accounts.get(userId)) };
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/signup',
      tags: ['Auth'],
      summary: 'Create a local account and sign in. The first account becomes admin.',
      request: body(signUpRequest),
      responses: { 201: json(session, 'Signed up and in.'), ...errors(400, 403, 409, 413, 429) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      await s.limiter.hit(`signup:addr:${clientAddress(c, s.options.trustProxy)}`, { max: 20, windowSeconds: 3600 }, 'sign-ups from this address');
      if (s.options.signup === 'closed' && (await s.accounts.count()) > 0) {
        throw new ApiError(403, 'signup_closed', 'Sign-up is closed on this server: ask an admin for an account.');
      }
      const user = await s.accounts.signUp(input);
      return c.json(await startSession(user.id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/signin',
      tags: ['Auth'],
      summary: 'Sign in with email and password; returns a bearer token.',
      request: body(signInRequest),
      responses: { 200: json(session, 'Signed in.'), ...errors(400, 401, 413, 429) },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const user = await s.accounts.signIn(email, password, clientAddress(c, s.options.trustProxy));
      return c.json(await startSession(user.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/signout',
      tags: ['Auth'],
      summary: 'Revoke the token this request carries.',
      security: bearer,
      middleware: [auth],
      responses: { 200: json(ok, 'Signed out.'), ...errors(401) },
    }),
    async (c) => {
      const viewer = c.get('viewer');
      await s.sessions.revoke(viewer.id, viewer.sessionId);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags: ['Auth'],
      summary: 'Who the token belongs to, and their teams.',
      security: bearer,
      middleware: [auth],
      responses: { 200: json(me, 'The signed-in user.'), ...errors(401) },
    }),
    async (c) => {
      const viewer = c.get('viewer');
      const [user, teams] = await Promise.all([s.accounts.get(viewer.id), s.accounts.teamsOf(viewer.id)]);
      return c.json({ user: toUser(user), teams }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/sessions',
      tags: ['Auth'],
      summary: "The signed-in user's active sessions.",
      security: bearer,
      middleware: [auth],
      responses: { 200: json(z.array(sessionInfo), 'Active sessions, oldest first.'), ...errors(401) },
    }),
    async (c) => {
      const viewer = c.get('viewer');
      const rows = await s.sessions.list(viewer.id);
      return c.json(
        rows.map((r) => ({
          id: r.id,
          createdAt: r.createdAt.toISOString(),
          lastUsedAt: r.lastUsedAt.toISOString(),
          expiresAt: r.expiresAt.toISOString(),
          current: r.id === viewer.sessionId,
        })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/auth/sessions/{id}',
      tags: ['Auth'],
      summary: 'Revoke one of your sessions (sign out elsewhere).',
      security: bearer,
      middleware: [auth],
      request: { params: idParam },
      responses: { 200: json(ok, 'Revoked.'), ...errors(400, 401, 404) },
    }),
    async (c) => {
      const revoked = await s.sessions.revoke(c.get('viewer').id, c.req.valid('param').id);
      if (!revoked) throw new ApiError(404, 'not_found', 'Session not found.');
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
